package dev.atomik.conformance.runner;

import dev.atomik.conformance.trace.Requirements;
import dev.atomik.conformance.trace.Step;
import dev.atomik.conformance.trace.Trace;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a trace needs from an implementation, derived from its header and steps: the one source of
 * both {@link CapabilityCheck} (which decides skips) and conformance/CAPABILITIES.md (which shows
 * them), so the table cannot drift from what the runner does.
 *
 * @param kind           what the trace's init creates
 * @param widths         every legal width it creates
 * @param contexts       the largest table size (1 for other kinds)
 * @param nodes          cache nodes
 * @param writtenOps     ops written as steps (not {@code check}): each must be declared for the kind
 * @param checkFields    fields its {@code check} steps compare; optional unless a subject field
 * @param subjectFields  check fields the trace is about (a cited clause defines them) and shows only
 *                       through {@code check}: not observable means skip
 * @param rejectedWidths widths above 64 an init expects BAD_WIDTH for: a wide-word implementation skips
 * @param capacity       a capacity trace (cites STR-CAP-1 or expects CAPACITY_EXCEEDED): needs bounds
 * @param streamAddresses largest {@code addresses} an init gives (0: none)
 * @param streamQueue    largest {@code queue} an init gives (0: none)
 * @param wideWords      the header asks for words wider than 64 bits
 */
public record TraceNeeds(String kind, Set<Integer> widths, long contexts, int nodes, Set<String> writtenOps,
                         Set<String> checkFields, Map<String, String> subjectFields, Set<Long> rejectedWidths,
                         boolean capacity, long streamAddresses, long streamQueue, boolean wideWords) {

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

    public static TraceNeeds of(Trace trace) {
        Requirements req = trace.header().requires();
        Set<String> written = new TreeSet<>();
        Set<Long> rejected = new TreeSet<>();
        boolean capacity = trace.header().clauses().contains("STR-CAP-1") && req.kind().equals("stream");
        long addresses = 0;
        long queue = 0;
        for (Step step : trace.steps()) {
            if (!step.op().equals("check")) {
                written.add(step.op());
            }
            if (step.op().equals("init")) {
                long w = step.request().path("width").asLong();
                if ("BAD_WIDTH".equals(step.expectError()) && w > 64) {
                    rejected.add(w);
                }
                addresses = Math.max(addresses, step.request().path("addresses").asLong(0));
                queue = Math.max(queue, step.request().path("queue").asLong(0));
            }
            capacity |= "CAPACITY_EXCEEDED".equals(step.expectError());
        }
        Set<String> checkFields = req.kind().equals("cache") ? new TreeSet<>() : checkFields(trace);
        Map<String, String> subjects = new java.util.TreeMap<>();
        for (String clause : trace.header().clauses()) {
            String field = SUBJECT_FIELDS.get(clause);
            if (field != null && checkFields.contains(field) && !written.contains(field)) {
                subjects.putIfAbsent(field, clause);
            }
        }
        return new TraceNeeds(req.kind(), new TreeSet<>(req.widths()), req.contexts(), req.nodes(),
                Collections.unmodifiableSet(written), Collections.unmodifiableSet(checkFields),
                Collections.unmodifiableMap(subjects), Collections.unmodifiableSet(rejected), capacity, addresses,
                queue, req.wideWords());
    }

    /** The fields the trace's {@code check} steps compare (cache checks are the runner's own). */
    private static Set<String> checkFields(Trace trace) {
        Set<String> fields = new TreeSet<>();
        for (Step step : trace.steps()) {
            if (!step.op().equals("check")) {
                continue;
            }
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
        }
        return fields;
    }
}
