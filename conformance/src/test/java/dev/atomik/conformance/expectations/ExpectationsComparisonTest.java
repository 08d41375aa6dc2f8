package dev.atomik.conformance.expectations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each trace's verdict against the file, the stale entries, and the exit code (INTERPRETING.md §9.3). */
class ExpectationsComparisonTest {
    private static final Path FILE = Path.of("exp.txt");

    private static Expectation entry(String pattern, String status, int line) {
        return new Expectation(pattern, status, "-", "because " + line, line);
    }

    private static Verdict verdict(Comparison c, String id) {
        return c.judgements().stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow().verdict();
    }

    @Test
    void everyCombination() {
        RunResult run = new Runs()
                .with("context/expected-fail", Status.FAIL)
                .with("context/expected-error", Status.ERROR)
                .with("context/unlisted-fail", Status.FAIL)
                .with("context/fails-differently", Status.ERROR)
                .with("context/fixed", Status.PASS)
                .with("context/fine", Status.PASS)
                .with("context/pass-entry", Status.PASS)
                .with("stream/skipped", Status.SKIP)
                .with("stream/skipped-as-expected", Status.SKIP)
                .run();
        Comparison c = Comparison.of(run, List.of(
                entry("context/expected-fail", "fail", 2),
                entry("context/expected-error", "error", 3),
                entry("context/fails-differently", "fail", 4),
                entry("context/fixed", "fail", 5),
                entry("context/pass-entry", "pass", 6),
                entry("stream/*", "fail", 7),
                entry("stream/skipped-as-expected", "skip", 8),
                entry("table/*", "fail", 9)), FILE);
        assertEquals(Verdict.EXPECTED, verdict(c, "context/expected-fail"));
        assertEquals(Verdict.EXPECTED, verdict(c, "context/expected-error"));
        assertEquals(Verdict.NEW_FAILURE, verdict(c, "context/unlisted-fail"));
        assertEquals(Verdict.NEW_FAILURE, verdict(c, "context/fails-differently"));
        assertEquals(Verdict.UNEXPECTED_PASS, verdict(c, "context/fixed"));
        assertEquals(Verdict.PASSED, verdict(c, "context/fine"));
        assertEquals(Verdict.PASSED, verdict(c, "context/pass-entry"));
        assertEquals(Verdict.UNJUDGED, verdict(c, "stream/skipped"), "a skip neither confirms nor refutes stream/*");
        assertEquals(Verdict.EXPECTED, verdict(c, "stream/skipped-as-expected"));
        assertEquals(List.of(9), c.stale().stream().map(Expectation::line).toList());
        assertEquals(1, c.exitCode());
        assertEquals(3, c.expected().size());
        assertEquals(List.of("context/unlisted-fail", "context/fails-differently"),
                c.newFailures().stream().map(Judgement::id).toList());
        assertEquals(5, c.unexpectedPasses().get(0).entry().line());
    }

    @Test
    void onlyExpectedFailuresLeftExitsZero() {
        RunResult run = new Runs().with("context/a", Status.FAIL).with("context/b", Status.PASS).run();
        assertEquals(1, run.exitCode());
        assertEquals(0, Comparison.of(run, List.of(entry("context/a", "fail", 2)), FILE).exitCode());
    }

    @Test
    void anUnexpectedPassAloneExitsOne() {
        RunResult run = new Runs().with("context/a", Status.PASS).run();
        assertEquals(0, run.exitCode());
        assertEquals(1, Comparison.of(run, List.of(entry("context/a", "fail", 2)), FILE).exitCode());
    }

    @Test
    void aHarnessErrorStaysTwo() {
        RunResult nothingRan = new Runs().with("stream/a", Status.SKIP).run();
        assertEquals(2, Comparison.of(nothingRan, List.of(entry("stream/a", "skip", 2)), FILE).exitCode());
        RunResult empty = new Runs().run();
        Comparison c = Comparison.of(empty, List.of(entry("stream/a", "fail", 2)), FILE);
        assertEquals(2, c.exitCode());
        assertEquals(1, c.stale().size());
    }
}
