package dev.atomik.conformance.report;

import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceFault;
import dev.atomik.conformance.runner.TraceResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failing and erroring traces grouped by their fault, so that an adapter that breaks the same way in
 * 151 traces is one line with a count, not 151 (conformance/INTERPRETING.md, "Console output and
 * early stops"). Two traces share a fault when they have the same status and the same message once
 * the trace-specific part is removed: for an adapter fault its kind, where it happened (open, reset,
 * some step) and the adapter's words; for a disagreement the op, expected and actual values and the
 * reason, without the step number. Clauses never count: they belong to the trace.
 */
final class FaultGroups {
    /** How many trace names a collapsed line lists before "and N more". */
    static final int NAMES_SHOWN = 5;

    private FaultGroups() {
    }

    /** One fault and the traces that ended with it, in run order. */
    record Group(String key, List<TraceResult> traces) {
        TraceResult first() {
            return traces.get(0);
        }
    }

    /** The failing and erroring results of {@code results}, grouped, groups in order of first appearance. */
    static List<Group> of(List<TraceResult> results) {
        Map<String, List<TraceResult>> groups = new LinkedHashMap<>();
        for (TraceResult r : results) {
            if (r.status() == Status.FAIL || r.status() == Status.ERROR) {
                groups.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
            }
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((key, traces) -> out.add(new Group(key, traces)));
        return out;
    }

    /** What two traces must share to be one fault. */
    static String key(TraceResult r) {
        TraceFault fault = r.fault();
        if (fault != null) {
            return r.status() + " " + fault.kind() + " " + fault.where() + " " + withoutTrace(fault.detail(), r);
        }
        StringBuilder s = new StringBuilder(r.status().name());
        s.append(' ').append(r.op()).append(' ').append(r.expected()).append(' ').append(r.actual());
        s.append(' ').append(withoutTrace(r.reason(), r));
        return s.toString();
    }

    /** The message with the trace's own id and file taken out. */
    private static String withoutTrace(String text, TraceResult r) {
        if (text == null) {
            return "";
        }
        String out = text;
        if (r.file() != null) {
            out = out.replace(r.file().toString(), "<file>");
        }
        return out.replace(r.id(), "<trace>");
    }

    /** {@code same fault in 150 more traces: a, b, c, d, e and 145 more}; null for a single trace. */
    static String repeats(Group g) {
        int more = g.traces().size() - 1;
        if (more == 0) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i < g.traces().size() && names.size() < NAMES_SHOWN; i++) {
            names.add(g.traces().get(i).id());
        }
        int unnamed = more - names.size();
        return "      same fault in " + more + " more trace" + (more == 1 ? "" : "s") + ": " + String.join(", ", names)
                + (unnamed == 0 ? "" : " and " + unnamed + " more");
    }
}
