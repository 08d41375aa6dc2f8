package dev.atomik.conformance.runner;

import java.util.List;

/**
 * Counts of a run.
 *
 * @param passed       traces that passed, every deciding step answered by the implementation
 * @param failed       traces with a disagreeing step
 * @param skipped      traces the capabilities exclude
 * @param errors       traces that ended with an adapter fault or were malformed
 * @param notExercised traces that ran but whose deciding steps the harness answered
 * @param steps        trace steps whose replies were compared
 * @param reached      requests the implementation itself answered (not the harness)
 * @param harness      requests the harness answered in the implementation's place
 * @param notObserved  check fields left out because the implementation cannot show them
 */
public record RunSummary(int passed, int failed, int skipped, int errors, int notExercised, long steps,
                         long reached, long harness, long notObserved) {

    /** Counts without step accounting (kept for callers that predate it). */
    public RunSummary(int passed, int failed, int skipped, int errors, long steps) {
        this(passed, failed, skipped, errors, 0, steps, 0, 0, 0);
    }

    public static RunSummary of(List<TraceResult> results) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        int errors = 0;
        int notExercised = 0;
        long steps = 0;
        long reached = 0;
        long harness = 0;
        long notObserved = 0;
        for (TraceResult r : results) {
            switch (r.status()) {
                case PASS: passed++; break;
                case FAIL: failed++; break;
                case SKIP: skipped++; break;
                case NOT_EXERCISED: notExercised++; break;
                default: errors++; break;
            }
            steps += r.stepsExecuted();
            reached += r.account().reached();
            harness += r.account().harness();
            notObserved += r.account().notObserved().size();
        }
        return new RunSummary(passed, failed, skipped, errors, notExercised, steps, reached, harness, notObserved);
    }

    public int total() {
        return passed + failed + skipped + errors + notExercised;
    }
}
