package dev.atomik.conformance.runner;

import dev.atomik.conformance.trace.Requirements;
import dev.atomik.conformance.trace.Step;
import dev.atomik.conformance.trace.StepCursor;
import dev.atomik.conformance.trace.Trace;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a trace needs from an implementation, derived from its header and one streaming pass over its
 * steps: the one source of
 * both {@link CapabilityCheck} (which decides skips) and conformance/CAPABILITIES.md (which shows
 * them), so the table cannot drift from what the runner does.
 *
 * @param kind           what the trace's init creates
 * @param widths         every legal width it creates
 * @param contexts       the largest table size (1 for other kinds)
 * @param nodes          cache nodes
 * @param writtenOps     ops written as steps (not {@code check})
 * @param requiredOps    ops that must be declared for the kind: every op that changes state (leaving it
 *                       out would change what later steps see) and every observation expected to fail
 * @param checkFields    fields the trace observes and may leave unobserved: {@code check} fields and
 *                       the results of read/count/epoch/pending steps that expect a value
 * @param subjectFields  the observed field the trace is about, with its clause: the first clause of
 *                       the header is the trace's subject; when it defines a field (CTX-COUNT-1: count)
 *                       that the implementation cannot show, the trace says nothing and is skipped
 * @param supportingFields observed fields that later clauses of the header are about: when not
 *                       observable the trace runs, but those clauses are not credited to it
 * @param rejectedWidths widths above 64 an init expects BAD_WIDTH for: a wide-word implementation skips
 * @param capacity       a capacity trace (cites STR-CAP-1 or expects CAPACITY_EXCEEDED): needs bounds
 * @param streamAddresses largest {@code addresses} an init gives (0: none)
 * @param streamQueue    largest {@code queue} an init gives (0: none)
 * @param wideWords      the header asks for words wider than 64 bits
 * @param decidesAlways  some step that always runs expects a value or an error
 * @param decidingFields fields whose observation decides something: a {@code check} field, or the
 *                       field of a read/count/epoch/pending step that expects a value
 * @param cacheCapacity  a cache init sets the key {@code capacity}: needs {@code kinds.cache.capacity}
 */
public record TraceNeeds(String kind, Set<Integer> widths, long contexts, int nodes, Set<String> writtenOps,
                         Set<String> requiredOps, Set<String> checkFields, Map<String, String> subjectFields,
                         Map<String, Set<String>> supportingFields, Set<Long> rejectedWidths,
                         boolean capacity, long streamAddresses, long streamQueue, boolean wideWords,
                         boolean decidesAlways, Set<String> decidingFields, boolean cacheCapacity) {

    /**
     * Fields a clause is about: a trace citing the clause says nothing about it unless the field is
     * observed. Other check fields are supporting evidence and may go unobserved.
     */
    public static final Map<String, String> SUBJECT_FIELDS = Map.of(
            "CTX-COUNT-1", "count",
            "STR-EPOCH-1", "epoch",
            "STR-LOAD-1", "epoch",
            "STR-SWAP-1", "epoch",
            "STR-DRAIN-1", "pending");

    /** Ops that only observe, with the field each shows: optional when they expect a value. */
    public static final Map<String, String> OBSERVING_OPS = Map.of(
            "read", "state", "count", "count", "epoch", "epoch", "pending", "pending");

    /** True when the step can be left out and reported not observed if its field is not observable. */
    public static boolean optionalObservation(Step step, String kind) {
        return !kind.equals("cache") && OBSERVING_OPS.containsKey(step.op()) && step.expectError() == null;
    }

    /** One streaming pass over the steps, keeping only these summaries. */
    public static TraceNeeds of(Trace trace) {
        Requirements req = trace.header().requires();
        boolean cache = req.kind().equals("cache");
        Set<String> written = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        Set<String> observed = new TreeSet<>();
        Set<String> checkFields = new TreeSet<>();
        Set<String> decidingFields = new TreeSet<>();
        boolean decidesAlways = false;
        Set<Long> rejected = new TreeSet<>();
        boolean cacheCapacity = false;
        boolean capacity = trace.header().clauses().contains("STR-CAP-1") && req.kind().equals("stream");
        long addresses = 0;
        long queue = 0;
        try (StepCursor steps = trace.openSteps()) {
            while (steps.hasNext()) {
                Step step = steps.next();
                if (step.op().equals("check")) {
                    if (!cache) {
                        Set<String> fields = checkFieldsOf(step);
                        checkFields.addAll(fields);
                        decidingFields.addAll(fields);
                    }
                } else {
                    written.add(step.op());
                    if (optionalObservation(step, req.kind())) {
                        observed.add(OBSERVING_OPS.get(step.op()));
                        if (step.expect() != null) {
                            decidingFields.add(OBSERVING_OPS.get(step.op()));
                        }
                    } else {
                        required.add(step.op());
                        decidesAlways |= !step.mustSucceed();
                    }
                }
                if (step.op().equals("init")) {
                    long w = step.request().path("width").asLong();
                    if ("BAD_WIDTH".equals(step.expectError()) && w > 64) {
                        rejected.add(w);
                    }
                    addresses = Math.max(addresses, step.request().path("addresses").asLong(0));
                    queue = Math.max(queue, step.request().path("queue").asLong(0));
                    cacheCapacity |= cache && step.request().has("capacity");
                }
                capacity |= "CAPACITY_EXCEEDED".equals(step.expectError());
            }
        }
        checkFields.addAll(observed);
        Map<String, String> subjects = new TreeMap<>();
        Map<String, Set<String>> supporting = new TreeMap<>();
        List<String> clauses = trace.header().clauses();
        for (int i = 0; i < clauses.size(); i++) {
            String field = SUBJECT_FIELDS.get(clauses.get(i));
            if (field == null || !checkFields.contains(field) || required.contains(field)) {
                continue;
            }
            if (i == 0) {
                subjects.put(field, clauses.get(i));
            } else {
                supporting.computeIfAbsent(field, f -> new TreeSet<>()).add(clauses.get(i));
            }
        }
        return new TraceNeeds(req.kind(), new TreeSet<>(req.widths()), req.contexts(), req.nodes(),
                Collections.unmodifiableSet(written), Collections.unmodifiableSet(required),
                Collections.unmodifiableSet(checkFields),
                Collections.unmodifiableMap(subjects), Collections.unmodifiableMap(supporting),
                Collections.unmodifiableSet(rejected), capacity, addresses,
                queue, req.wideWords(), decidesAlways, Collections.unmodifiableSet(decidingFields), cacheCapacity);
    }

    /**
     * True when an implementation observing {@code observable} gets at least one request that decides
     * something (expects a value or an error): the same answer as planning every probe
     * ({@link Probe.Planner}) and asking whether any is decisive, without a pass over the steps.
     */
    public boolean decidesWith(Set<String> observable) {
        return decidesAlways || decidingFields.stream().anyMatch(observable::contains);
    }

    /** The fields one {@code check} step compares (cache checks are the runner's own). */
    private static Set<String> checkFieldsOf(Step step) {
        Set<String> fields = new TreeSet<>();
        for (var cell : step.expect().path("cells")) {
            for (String field : new String[] {"state", "count"}) {
                if (cell.has(field)) {
                    fields.add(field);
                }
            }
        }
        for (String field : new String[] {"epoch", "pending"}) {
            if (step.expect().has(field)) {
                fields.add(field);
            }
        }
        return fields;
    }
}
