package dev.atomik.cli;

/** Exit codes of every atomik command (conformance/INTERPRETING.md). */
final class ExitCode {
    /** Everything applicable passed / the command did its job. */
    static final int OK = 0;
    /** Something failed: a trace failed or errored, a file is invalid. */
    static final int FAILED = 1;
    /** Usage or harness error, or nothing was executed. */
    static final int HARNESS = 2;

    private ExitCode() {
    }
}
