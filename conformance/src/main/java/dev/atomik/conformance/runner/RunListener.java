package dev.atomik.conformance.runner;

import java.time.Duration;

/**
 * What happens during a run, as it happens, for live output and progress bars: typed events, so a
 * listener never reads message text. Called on the runner's thread, except {@link #waiting}, which is
 * called on it too while it waits for the adapter.
 */
public interface RunListener {
    RunListener NONE = new RunListener() { };

    /** The run begins with {@code traces} traces. */
    default void started(int traces) {
    }

    /** Trace {@code index} (0-based) of {@code total} is about to run. */
    default void traceStarted(TraceStart start) {
    }

    /**
     * The runner has been waiting {@code waited} for the adapter's answer to a batch starting at
     * {@code step} (0: the handshake; -1: a batch whose step is not known, as in multi-node traces).
     * Sent every tenth of {@link Runner.Options#heartbeat()}, at least once a second, while a call is
     * outstanding; the listener decides what to print.
     */
    default void waiting(Waiting waiting) {
    }

    default void finished(TraceResult result) {
    }

    /** The run ends early; no trace runs after this. */
    default void stopped(RunStop stop) {
    }

    /** @param index 0-based position in the run */
    record TraceStart(String id, int index, int total) {
    }

    /** @param traceId null while the first handshake is pending */
    record Waiting(String traceId, int step, Duration waited) {
    }

    /** Both listeners, {@code first} before {@code second}, for each event. */
    static RunListener both(RunListener first, RunListener second) {
        return new RunListener() {
            @Override
            public void started(int traces) {
                first.started(traces);
                second.started(traces);
            }

            @Override
            public void traceStarted(TraceStart start) {
                first.traceStarted(start);
                second.traceStarted(start);
            }

            @Override
            public void waiting(Waiting waiting) {
                first.waiting(waiting);
                second.waiting(waiting);
            }

            @Override
            public void finished(TraceResult result) {
                first.finished(result);
                second.finished(result);
            }

            @Override
            public void stopped(RunStop stop) {
                first.stopped(stop);
                second.stopped(stop);
            }
        };
    }
}
