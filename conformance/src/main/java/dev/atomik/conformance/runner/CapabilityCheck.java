package dev.atomik.conformance.runner;

import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.trace.Requirements;
import dev.atomik.conformance.trace.Step;
import dev.atomik.conformance.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * PROTO-CAPS-1: decides from a trace and an adapter's capabilities whether the trace can run, and
 * with which requests. A trace is skipped only when a step that decides its subject cannot run:
 * <ul>
 *   <li>every step written in the trace (not {@code check}) must be an op its kind declares, since
 *       leaving one out would change the state later steps see;</li>
 *   <li>a {@code check} field the kind cannot show is left out and reported "not observed", unless the
 *       field is what one of the trace's clauses is about ({@link #SUBJECT_FIELDS}) and the trace has
 *       no other step that shows it;</li>
 *   <li>a trace with nothing observable left to decide is skipped;</li>
 *   <li>a trace expecting a width to be rejected skips for an implementation that declares it (wide
 *       words, VAL-WIDE-1); a capacity trace (STR-CAP-1) needs a bounded stream whose bounds cover
 *       the trace's.</li>
 * </ul>
 */
public final class CapabilityCheck {

    /**
     * Fields a clause is about: a trace citing the clause says nothing about it unless the field is
     * observed. Other check fields are supporting evidence and may go unobserved.
     */
    static final Map<String, String> SUBJECT_FIELDS = Map.of(
            "CTX-COUNT-1", "count",
            "STR-EPOCH-1", "epoch",
            "STR-LOAD-1", "epoch",
            "STR-SWAP-1", "epoch",
            "STR-DRAIN-1", "pending");

    /** Ops that belong to the wire whatever the trace's kind. */
    private static final Set<String> WIRE_OPS = Set.of("encode", "decode");

    private CapabilityCheck() {
    }

    /** Null when the adapter can run the trace, else the reason to skip it. */
    public static String missing(Trace trace, Capabilities caps) {
        return plan(trace, caps).skipReason();
    }

    /** The requests to send, or the reason to skip. */
    public static TracePlan plan(Trace trace, Capabilities caps) {
        Requirements req = trace.header().requires();
        String kind = req.kind();
        if (!caps.kinds().contains(kind)) {
            // The kind decides the rest (its ops, node count), so it alone is the reason.
            return TracePlan.skip("kind " + kind + " not declared (kinds " + String.join(", ", caps.kinds()) + ")");
        }
        List<String> missing = new ArrayList<>();
        for (int width : req.widths()) {
            if (width < caps.minWidth() || width > caps.maxWidth()) {
                missing.add("width " + width + " not declared (widths " + caps.minWidth() + ".." + caps.maxWidth() + ")");
            }
        }
        if (kind.equals("table") && req.contexts() > caps.contexts()) {
            missing.add("table size " + req.contexts() + " exceeds contexts " + caps.contexts());
        }
        if (req.nodes() > caps.nodes()) {
            missing.add("nodes " + req.nodes() + " exceeds " + caps.nodes());
        }
        if (req.wideWords() && caps.maxWidth() <= 64) {
            missing.add("words wider than 64 bits not declared (VAL-WIDE-1)");
        }
        rejectedWidths(trace, caps, missing);
        capacity(trace, caps, missing);
        if (kind.equals("cache")) {
            // Multi-node traces are planned by MultiNodeExecutor; only their ops are checked here.
            opsMissing(kind, trace.protocolOps(), caps, missing);
            return missing.isEmpty() ? TracePlan.multiNode() : TracePlan.skip(String.join("; ", missing));
        }
        opsMissing(kind, writtenOps(trace), caps, missing);
        Set<String> observable = caps.observes(kind);
        subjectFields(trace, observable, kind, missing);
        if (!missing.isEmpty()) {
            return TracePlan.skip(String.join("; ", missing));
        }
        List<StepNote> notObserved = new ArrayList<>();
        List<Probe> probes = Probe.plan(trace, observable, notObserved);
        if (probes.stream().noneMatch(Probe::decisive)) {
            Set<String> fields = new TreeSet<>();
            notObserved.forEach(n -> fields.add(n.reason().replace(" not observable", "")));
            return TracePlan.skip("nothing it checks is observable on " + kind + " ("
                    + String.join(", ", fields) + " not declared in observe)");
        }
        return TracePlan.run(probes, notObserved);
    }

    /** The ops of the steps as written ({@code check} is expanded separately). */
    private static Set<String> writtenOps(Trace trace) {
        Set<String> ops = new LinkedHashSet<>();
        for (Step step : trace.steps()) {
            if (!step.op().equals("check")) {
                ops.add(step.op());
            }
        }
        return ops;
    }

    private static void opsMissing(String kind, Set<String> needed, Capabilities caps, List<String> missing) {
        TreeSet<String> absent = new TreeSet<>();
        for (String op : needed) {
            boolean declared = caps.ops(kind).contains(op) || (WIRE_OPS.contains(op) && caps.ops("wire").contains(op));
            if (!declared) {
                absent.add(op);
            }
        }
        if (!absent.isEmpty()) {
            missing.add((absent.size() == 1 ? "op " : "ops ") + String.join(", ", absent) + " not declared for "
                    + kind);
        }
    }

    /** A check field that is the subject of one of the trace's clauses must be observable. */
    private static void subjectFields(Trace trace, Set<String> observable, String kind, List<String> missing) {
        Set<String> written = writtenOps(trace);
        Set<String> reported = new TreeSet<>();
        for (String clause : trace.header().clauses()) {
            String field = SUBJECT_FIELDS.get(clause);
            if (field == null || observable.contains(field) || written.contains(field)
                    || !trace.protocolOps().contains(Capabilities.OBSERVABLE_VIA.get(field))) {
                continue;
            }
            if (reported.add(field)) {
                missing.add(field + " not observable on " + kind + " and the trace checks " + clause + " through it");
            }
        }
    }

    /** An init expected to fail BAD_WIDTH at a width the implementation declares cannot be run fairly. */
    private static void rejectedWidths(Trace trace, Capabilities caps, List<String> missing) {
        for (Step step : trace.steps()) {
            if (step.op().equals("init") && "BAD_WIDTH".equals(step.expectError())) {
                long w = step.request().path("width").asLong();
                if (w > 64 && w <= caps.maxWidth()) {
                    missing.add("expects width " + w + " to be rejected, but widths up to " + caps.maxWidth()
                            + " are declared (wide words, VAL-WIDE-1)");
                    return;
                }
            }
        }
    }

    /** STR-CAP-1 is a MAY: capacity traces need a bounded stream whose bounds cover the trace's. */
    private static void capacity(Trace trace, Capabilities caps, List<String> missing) {
        if (!trace.header().requires().kind().equals("stream")) {
            return;
        }
        boolean capacityTrace = trace.header().clauses().contains("STR-CAP-1");
        long addresses = 0;
        long queue = 0;
        for (Step step : trace.steps()) {
            capacityTrace |= "CAPACITY_EXCEEDED".equals(step.expectError());
            if (step.op().equals("init")) {
                addresses = Math.max(addresses, step.request().path("addresses").asLong(0));
                queue = Math.max(queue, step.request().path("queue").asLong(0));
            }
        }
        if (!capacityTrace) {
            return;
        }
        if (!caps.streamBounded()) {
            missing.add("stream declared unbounded; the trace tests capacity bounds (STR-CAP-1 is a MAY)");
        } else if (addresses > caps.streamAddresses() || queue > caps.queue()) {
            missing.add("stream bounds addresses " + addresses + ", queue " + queue + " exceed the declared "
                    + caps.stream());
        }
    }
}
