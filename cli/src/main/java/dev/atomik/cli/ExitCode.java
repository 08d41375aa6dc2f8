package dev.atomik.cli;

/** Exit codes of every atomik command (conformance/INTERPRETING.md). */
final class ExitCode {
    /** Everything applicable passed / the command did its job. */
    static final int OK = 0;
    /** Something failed: a trace failed or errored against the implementation. */
    static final int FAILED = 1;
    /** Usage or harness error, or nothing was executed. */
    static final int HARNESS = 2;
    /**
     * Malformed input (a trace file the validator rejects): the same code as a usage or harness
     * error, from every command that reads traces (validate, list, run, the replay of a fuzz finding,
     * rtl testbench), because nothing about the implementation was learned.
     */
    static final int MALFORMED_INPUT = HARNESS;

    private ExitCode() {
    }
}
