package dev.atomik.conformance.runner;

import dev.atomik.conformance.adapter.Hello;
import java.util.List;

/**
 * A whole run: every trace's result, in run order, and the adapter's handshake (null when it never
 * answered one).
 *
 * @param malformed number of trace files that could not be parsed (their results are errors)
 * @param stop      why the run ended before its last trace (its later traces are not in {@code traces}), or null
 * @param shutdownNotes what closing the session's adapters noted (a child that ignored bye), with counts
 */
public record RunResult(String adapter, Hello hello, List<TraceResult> traces, RunSummary summary, int malformed,
                        long nanos, RunStop stop, List<AdapterSession.Noted> shutdownNotes) {

    public RunResult {
        traces = List.copyOf(traces);
        shutdownNotes = List.copyOf(shutdownNotes);
    }

    public static RunResult of(String adapter, Hello hello, List<TraceResult> traces, int malformed, long nanos) {
        return of(adapter, hello, traces, malformed, nanos, null);
    }

    public static RunResult of(String adapter, Hello hello, List<TraceResult> traces, int malformed, long nanos,
                               RunStop stop) {
        return new RunResult(adapter, hello, traces, RunSummary.of(traces), malformed, nanos, stop, List.of());
    }

    /**
     * This run with the shutdown notes of its session, taken after the session closed (the last
     * adapter is asked to exit only then). They change no verdict and no exit code.
     */
    public RunResult withShutdownNotes(List<AdapterSession.Noted> notes) {
        return new RunResult(adapter, hello, traces, summary, malformed, nanos, stop, notes);
    }

    /** The note lines a report prints once each: "note: the adapter did not exit ... (2 times)". */
    public List<String> noteLines() {
        return shutdownNotes.stream().map(n -> "note: adapter " + adapter + " " + n.note().detail()
                + (n.times() == 1 ? "" : " (" + n.times() + " times)")).toList();
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
