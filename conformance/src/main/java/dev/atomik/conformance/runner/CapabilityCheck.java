package dev.atomik.conformance.runner;

import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * PROTO-CAPS-1: decides from a trace and an adapter's capabilities whether the trace can run, and
 * with which requests. A trace is skipped only when a step that decides its subject cannot run:
 * <ul>
 *   <li>every step that changes state must be an op its kind declares, since leaving one out would
 *       change what later steps see; so must every step expected to fail;</li>
 *   <li>a {@code check} field, or a read/count/epoch/pending step expecting a value, that the kind
 *       cannot show is left out and reported "not observed", unless the field is what one of the
 *       trace's clauses is about ({@link TraceNeeds#SUBJECT_FIELDS});</li>
 *   <li>a trace with nothing observable left to decide is skipped;</li>
 *   <li>a trace expecting a width to be rejected skips for an implementation that declares it (wide
 *       words, VAL-WIDE-1); a capacity trace (STR-CAP-1) needs a bounded stream whose bounds cover
 *       the trace's.</li>
 * </ul>
 */
public final class CapabilityCheck {

    /** Ops that belong to the wire whatever the trace's kind. */
    private static final Set<String> WIRE_OPS = Set.of("encode", "decode");

    private CapabilityCheck() {
    }

    /** Null when the adapter can run the trace, else the reason to skip it. */
    public static String missing(Trace trace, Capabilities caps) {
        return plan(trace, caps).skipReason();
    }

    /** What to observe, or the reason to skip; one streaming pass over the steps ({@link TraceNeeds}). */
    public static TracePlan plan(Trace trace, Capabilities caps) {
        TraceNeeds needs = TraceNeeds.of(trace);
        String kind = needs.kind();
        if (!caps.kinds().contains(kind)) {
            // The kind decides the rest (its ops, node count), so it alone is the reason.
            return TracePlan.skip("kind " + kind + " not declared (kinds " + String.join(", ", caps.kinds()) + ")");
        }
        List<String> missing = new ArrayList<>();
        for (int width : needs.widths()) {
            if (width < caps.minWidth() || width > caps.maxWidth()) {
                missing.add("width " + width + " not declared (widths " + caps.minWidth() + ".." + caps.maxWidth() + ")");
            }
        }
        if (kind.equals("table") && needs.contexts() > caps.contexts()) {
            missing.add("table size " + needs.contexts() + " exceeds contexts " + caps.contexts());
        }
        if (needs.cacheCapacity() && !caps.cacheCapacity()) {
            missing.add("the trace sets a cache key capacity in init; kinds.cache.capacity not declared");
        }
        if (needs.nodes() > caps.nodes()) {
            missing.add("nodes " + needs.nodes() + " exceeds " + caps.nodes());
        }
        if (needs.wideWords() && caps.maxWidth() <= 64) {
            missing.add("words wider than 64 bits not declared (VAL-WIDE-1)");
        }
        for (long w : needs.rejectedWidths()) {
            if (w <= caps.maxWidth()) {
                missing.add("expects width " + w + " to be rejected, but widths up to " + caps.maxWidth()
                        + " are declared (wide words, VAL-WIDE-1)");
                break;
            }
        }
        if (needs.capacity()) {
            if (!caps.streamBounded()) {
                missing.add("stream declared unbounded; the trace tests capacity bounds (STR-CAP-1 is a MAY)");
            } else if (needs.streamAddresses() > caps.streamAddresses() || needs.streamQueue() > caps.queue()) {
                missing.add("stream bounds addresses " + needs.streamAddresses() + ", queue " + needs.streamQueue()
                        + " exceed the declared " + caps.stream());
            }
        }
        if (kind.equals("cache")) {
            // Multi-node traces are planned by MultiNodeExecutor; only their ops are checked here.
            opsMissing(kind, trace.protocolOps(), caps, missing);
            return missing.isEmpty() ? TracePlan.multiNode() : TracePlan.skip(String.join("; ", missing));
        }
        opsMissing(kind, needs.requiredOps(), caps, missing);
        Set<String> observable = caps.observes(kind);
        needs.subjectFields().forEach((field, clause) -> {
            if (!observable.contains(field)) {
                missing.add(field + " not observable on " + kind + " and the trace checks " + clause + " through it");
            }
        });
        if (!missing.isEmpty()) {
            return TracePlan.skip(String.join("; ", missing));
        }
        if (!needs.decidesWith(observable)) {
            Set<String> fields = new TreeSet<>(needs.checkFields());
            fields.removeAll(observable);
            return TracePlan.skip("nothing it checks is observable on " + kind + " ("
                    + String.join(", ", fields) + " not declared in observe)");
        }
        List<String> uncredited = new ArrayList<>();
        needs.supportingFields().forEach((field, clauses) -> {
            if (!observable.contains(field)) {
                uncredited.addAll(clauses);
            }
        });
        return TracePlan.run(observable, uncredited);
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
}
