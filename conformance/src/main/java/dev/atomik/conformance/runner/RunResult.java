package dev.atomik.conformance.runner;

import dev.atomik.conformance.adapter.Hello;
import java.util.List;

/**
 * A whole run: every trace's result, in run order, and the adapter's handshake (null when it never
 * answered one).
 *
 * @param malformed number of trace files that could not be parsed (their results are errors)
 * @param stop      why the run ended before its last trace (its later traces are not in {@code traces}), or null
 */
public record RunResult(String adapter, Hello hello, List<TraceResult> traces, RunSummary summary, int malformed,
                        long nanos, RunStop stop) {

    public RunResult {
        traces = List.copyOf(traces);
    }

    public static RunResult of(String adapter, Hello hello, List<TraceResult> traces, int malformed, long nanos) {
        return of(adapter, hello, traces, malformed, nanos, null);
    }

    public static RunResult of(String adapter, Hello hello, List<TraceResult> traces, int malformed, long nanos,
                               RunStop stop) {
        return new RunResult(adapter, hello, traces, RunSummary.of(traces), malformed, nanos, stop);
    }

    /** Exit code of conformance/INTERPRETING.md. */
    public int exitCode() {
        return ExitCodes.of(this);
    }

    /** Why nothing counts, when the run executed no step; null otherwise. */
    public String emptyReason() {
        if (stop != null) {
            return stop.brief();
        }
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
