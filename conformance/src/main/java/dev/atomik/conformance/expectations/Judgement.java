package dev.atomik.conformance.expectations;

import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceResult;
import java.util.Optional;

/**
 * One trace judged against an expectations file.
 *
 * @param trace   the runner's result
 * @param verdict what it means given the file
 * @param entry   the entry that spoke for the trace ({@link Patterns#winner}), or null when none did
 */
public record Judgement(TraceResult trace, Verdict verdict, Expectation entry) {

    /** Judges one trace by the rules of conformance/INTERPRETING.md §9. */
    public static Judgement of(TraceResult trace, Optional<Expectation> winner) {
        Expectation entry = winner.orElse(null);
        String observed = StatusNames.of(trace.status());
        String expected = entry == null ? StatusNames.of(Status.PASS) : entry.status();
        return new Judgement(trace, verdict(trace, observed, expected), entry);
    }

    private static Verdict verdict(TraceResult trace, String observed, String expected) {
        boolean passed = trace.status() == Status.PASS;
        if (observed.equals(expected)) {
            return passed ? Verdict.PASSED : Verdict.EXPECTED;
        }
        if (passed) {
            return Verdict.UNEXPECTED_PASS;
        }
        return StatusNames.countsAsFailure(trace) ? Verdict.NEW_FAILURE : Verdict.UNJUDGED;
    }

    public Optional<Expectation> expectation() {
        return Optional.ofNullable(entry);
    }

    public String id() {
        return trace.id();
    }
}
