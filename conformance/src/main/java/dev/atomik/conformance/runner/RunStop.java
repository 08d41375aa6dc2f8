package dev.atomik.conformance.runner;

/**
 * A run that ended before its last trace (exit 2): the adapter failed its handshake before the
 * first trace, or it stayed dead for {@link Runner.Options#deadAfter()} traces in a row.
 *
 * @param cause  which rule stopped the run
 * @param detail the adapter's own words (the handshake fault, or the last fault of the dead streak)
 * @param streak traces in a row that got no answer (0 for a failed handshake)
 * @param notRun traces that were not run because of the stop
 */
public record RunStop(Cause cause, String detail, int streak, int notRun) {

    public enum Cause { HANDSHAKE, ADAPTER_DEAD }

    /** For the summary line: {@code the adapter failed its handshake, 151 traces not run}. */
    public String brief() {
        String traces = notRun + " trace" + (notRun == 1 ? "" : "s") + " not run";
        return switch (cause) {
            case HANDSHAKE -> "the adapter failed its handshake, " + traces;
            case ADAPTER_DEAD -> "stopped early: no answer from the adapter in " + streak + " traces in a row, " + traces;
        };
    }

    /**
     * The STOP line: {@link #brief()}, then the adapter's words (their first line; a stderr tail
     * follows on the lines after it, as in fault lines).
     */
    public String describe() {
        String first = detail == null ? "" : detail.lines().findFirst().orElse("");
        return switch (cause) {
            case HANDSHAKE -> brief() + ": " + first;
            case ADAPTER_DEAD -> brief() + " (--keep-going runs every trace); last fault: " + first;
        };
    }
}
