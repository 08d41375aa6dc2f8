package dev.atomik.conformance.tck;

import dev.atomik.conformance.expectations.Expectation;
import dev.atomik.conformance.expectations.Judgement;
import dev.atomik.conformance.expectations.Patterns;
import dev.atomik.conformance.expectations.StatusNames;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The TCK's side of an expectations file (conformance/INTERPRETING.md §8 and §9): a trace that ends
 * as its entry expects is a passing test whose display name says so, an unexpected pass is a failing
 * test that says how to update the file, anything else is judged as without a file.
 *
 * @param file    the expectations file, for messages
 * @param entries its trace entries
 */
record TckExpectations(Path file, List<Expectation> entries) {

    /** No file: every trace judged as usual. */
    static TckExpectations none() {
        return new TckExpectations(null, List.of());
    }

    /** The entry that speaks for the trace, when it expects something other than a pass. */
    Optional<Expectation> nonPass(String id) {
        return Patterns.winner(entries, id).filter(e -> !e.status().equals(StatusNames.of(Status.PASS)));
    }

    /** {@code expected fail: SWAP returns the new state — required context/swap-value [CTX-SWAP-2]}. */
    String displayName(LoadedTrace t, String plain) {
        return nonPass(t.id()).map(e -> "expected " + e.status() + ": " + e.reason() + " \u2014 " + plain).orElse(plain);
    }

    /** Passes, fails or aborts as the trace's result and its entry say. */
    void assertAsExpected(TraceResult r) {
        Judgement j = Judgement.of(r, Patterns.winner(entries, r.id()));
        switch (j.verdict()) {
            case EXPECTED:
                if (r.status() == Status.SKIP) {
                    throw new TestAbortedException("skipped, as " + where(j.entry()) + " expects: " + r.reason());
                }
                return;
            case UNEXPECTED_PASS:
                throw new AssertionFailedError(r.id() + " passed, but " + where(j.entry()) + " expects "
                        + j.entry().status() + " (" + j.entry().reason() + "): the difference is gone; remove the "
                        + "entry or run 'atomik conformance run --update-expectations " + file + "'");
            default:
                AtomikTck.TckVerdict.assertPassed(r);
        }
    }

    /** A warning test for entries no selected trace matches (a typo, a renamed trace, a filter). */
    List<Expectation> stale(List<LoadedTrace> traces) {
        return entries.stream()
                .filter(e -> traces.stream().noneMatch(t -> Patterns.matches(e.pattern(), t.id()))).toList();
    }

    private String where(Expectation e) {
        return file + ":" + e.line();
    }
}
