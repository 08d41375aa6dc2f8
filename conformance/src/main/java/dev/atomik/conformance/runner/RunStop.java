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

    /** One line: {@code the adapter failed its handshake: …; 151 traces not run} (the detail's first line). */
    public String describe() {
        String detail = this.detail == null ? "" : this.detail.lines().findFirst().orElse("");
        String what = switch (cause) {
            case HANDSHAKE -> "the adapter failed its handshake: " + detail;
            case ADAPTER_DEAD -> "the adapter gave no answer in " + streak + " traces in a row (last: " + detail
                    + "); stopped early, --keep-going runs every trace";
        };
        return what + "; " + notRun + " trace" + (notRun == 1 ? "" : "s") + " not run";
    }
}
