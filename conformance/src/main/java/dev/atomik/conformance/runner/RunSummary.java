package dev.atomik.conformance.runner;

import java.util.List;

/** Counts of a run; {@code steps} is the number of trace steps whose replies were compared. */
public record RunSummary(int passed, int failed, int skipped, int errors, long steps) {

    public static RunSummary of(List<TraceResult> results) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        int errors = 0;
        long steps = 0;
        for (TraceResult r : results) {
            switch (r.status()) {
                case PASS: passed++; break;
                case FAIL: failed++; break;
                case SKIP: skipped++; break;
                default: errors++; break;
            }
            steps += r.stepsExecuted();
        }
        return new RunSummary(passed, failed, skipped, errors, steps);
    }

    public int total() {
        return passed + failed + skipped + errors;
    }
}
