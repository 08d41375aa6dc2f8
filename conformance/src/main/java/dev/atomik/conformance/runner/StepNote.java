package dev.atomik.conformance.runner;

/**
 * One step of a trace that a report must single out: a field the implementation cannot show, a
 * reply the harness decided, or a disagreement.
 *
 * @param step                 1-based step number in the trace
 * @param label                the op as reported ({@code check: count@0x1 (count)} for a check field)
 * @param expected             what the trace expects there, or null
 * @param actual               what came back, or null (not observed)
 * @param reason               why it is singled out (the missing capability, a fault class), or null
 * @param afterFirstDivergence true for a disagreement that follows an earlier one (--all-steps): the
 *                             state it saw may already be wrong, so it may be a consequence
 */
public record StepNote(int step, String label, String expected, String actual, String reason,
                       boolean afterFirstDivergence) {
}
