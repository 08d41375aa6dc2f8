package dev.atomik.conformance.runner;

/**
 * Exit codes of a conformance run (conformance/INTERPRETING.md): 0 every applicable trace passed,
 * 1 a trace failed or the adapter faulted, 2 usage or harness error, nothing executed, or nothing
 * reached the implementation (every reply came from the harness), or the run stopped early
 * ({@link RunStop}: a failed handshake, a dead adapter).
 */
public final class ExitCodes {
    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int HARNESS = 2;

    private ExitCodes() {
    }

    static int of(RunResult run) {
        if (run.stop() != null || run.summary().steps() == 0 || run.malformed() > 0) {
            return HARNESS;
        }
        if (run.summary().failed() > 0 || run.summary().errors() > 0) {
            return FAILED;
        }
        // Steps ran, but the harness answered every one of them: there is nothing to pass.
        if (run.summary().reached() == 0) {
            return HARNESS;
        }
        return PASSED;
    }
}
