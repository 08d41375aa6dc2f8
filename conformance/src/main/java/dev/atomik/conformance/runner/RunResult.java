package dev.atomik.conformance.runner;

import dev.atomik.conformance.adapter.Hello;
import java.util.List;

/**
 * A whole run: every trace's result, in run order, and the adapter's handshake (null when it never
 * answered one).
 *
 * @param malformed number of trace files that could not be parsed (their results are errors)
 */
public record RunResult(String adapter, Hello hello, List<TraceResult> traces, RunSummary summary, int malformed,
                        long nanos) {

    public RunResult {
        traces = List.copyOf(traces);
    }

    public static RunResult of(String adapter, Hello hello, List<TraceResult> traces, int malformed, long nanos) {
        return new RunResult(adapter, hello, traces, RunSummary.of(traces), malformed, nanos);
    }

    /** Exit code of conformance/INTERPRETING.md. */
    public int exitCode() {
        return ExitCodes.of(this);
    }

    /** Why nothing counts, when the run executed no step; null otherwise. */
    public String emptyReason() {
        if (summary.steps() > 0 && summary.reached() > 0) {
            return null;
        }
        if (summary.steps() > 0) {
            return "no request reached the implementation: the harness answered all " + summary.harness();
        }
        if (traces.isEmpty()) {
            return "no trace matched";
        }
        return "no step executed (" + summary.skipped() + " skipped, " + summary.errors() + " errors)";
    }
}
