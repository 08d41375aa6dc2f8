package dev.atomik.conformance.runner;

/** Progress of a run, for progress bars. Called on the runner's thread. */
public interface RunListener {
    RunListener NONE = new RunListener() { };

    default void started(int traces) {
    }

    default void finished(TraceResult result) {
    }
}
