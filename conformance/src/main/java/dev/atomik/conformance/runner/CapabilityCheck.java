package dev.atomik.conformance.runner;

import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.trace.Requirements;
import dev.atomik.conformance.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * PROTO-CAPS-1: decides from a trace's header (and the ops its {@code check} steps expand into)
 * whether an adapter can run it, and if not, names every missing capability.
 */
public final class CapabilityCheck {

    private CapabilityCheck() {
    }

    /** Null when the adapter can run the trace, else the reason to skip it. */
    public static String missing(Trace trace, Capabilities caps) {
        Requirements req = trace.header().requires();
        List<String> missing = new ArrayList<>();
        if (!caps.kinds().contains(req.kind())) {
            // The kind decides the rest (its ops, node count), so it alone is the reason.
            return "kind " + req.kind() + " not declared (kinds " + String.join(", ", new TreeSet<>(caps.kinds())) + ")";
        }
        for (int width : req.widths()) {
            if (width < caps.minWidth() || width > caps.maxWidth()) {
                missing.add("width " + width + " not declared (widths " + caps.minWidth() + ".." + caps.maxWidth() + ")");
            }
        }
        if (req.contexts() > caps.contexts()) {
            missing.add("table size " + req.contexts() + " exceeds contexts " + caps.contexts());
        }
        TreeSet<String> ops = new TreeSet<>(trace.protocolOps());
        ops.removeAll(caps.ops());
        if (!ops.isEmpty()) {
            missing.add((ops.size() == 1 ? "op " : "ops ") + String.join(", ", ops) + " not declared");
        }
        if (req.nodes() > caps.nodes()) {
            missing.add("nodes " + req.nodes() + " exceeds " + caps.nodes());
        }
        if (req.wideWords()) {
            missing.add("wide_words not declared (VAL-WIDE-1)");
        }
        return missing.isEmpty() ? null : String.join("; ", missing);
    }
}
