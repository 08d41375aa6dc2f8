package dev.atomik.conformance.tck;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.expectations.Expectation;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The TCK's verdicts with an expectations file: expected failures pass, unexpected passes fail, the rest as usual. */
class ExpectationsTckTest {
    private static final TckExpectations FILE = new TckExpectations(Path.of("exp.txt"), List.of(
            new Expectation("context/*", "fail", "https://tracker/7", "SWAP returns the new state", 2),
            new Expectation("context/fine", "pass", "-", "overrides the glob", 3),
            new Expectation("stream/x", "skip", "-", "no streams in this build", 4)));

    private static TraceResult result(String id, Status status) {
        return new TraceResult(id, Path.of("x.ndjson"), List.of("CTX-SWAP-2"), status,
                status == Status.FAIL ? 4 : null, "swap", "0x3", "0x7", status == Status.SKIP ? "kind stream" : null, 1, 0);
    }

    @Test
    void anExpectedFailurePasses() {
        assertDoesNotThrow(() -> FILE.assertAsExpected(result("context/swap-value", Status.FAIL)));
    }

    @Test
    void anUnexpectedPassFailsAndSaysHowToUpdate() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> FILE.assertAsExpected(result("context/swap-value", Status.PASS)));
        assertEquals("context/swap-value passed, but exp.txt:2 expects fail (SWAP returns the new state): the "
                + "difference is gone; remove the entry or run 'atomik conformance run --update-expectations exp.txt'",
                e.getMessage());
    }

    @Test
    void aNewFailureIsJudgedAsWithoutAFile() {
        assertThrows(AtomikTck.TraceError.class, () -> FILE.assertAsExpected(result("context/swap-value", Status.ERROR)));
        assertThrows(AssertionFailedError.class, () -> FILE.assertAsExpected(result("table/a", Status.FAIL)));
        assertThrows(AssertionFailedError.class, () -> FILE.assertAsExpected(result("context/fine", Status.FAIL)));
        assertDoesNotThrow(() -> FILE.assertAsExpected(result("context/fine", Status.PASS)));
    }

    @Test
    void skipsStayAborted() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> FILE.assertAsExpected(result("stream/x", Status.SKIP)));
        assertTrue(e.getMessage().startsWith("skipped, as exp.txt:4 expects"), e.getMessage());
        assertThrows(TestAbortedException.class, () -> TckExpectations.none().assertAsExpected(result("stream/y", Status.SKIP)));
    }

    @Test
    void theDisplayNameCarriesTheReason() throws Exception {
        var loaded = new dev.atomik.conformance.runner.TraceLoader(dev.atomik.conformance.trace.TraceParser.withSpec())
                .load(dev.atomik.conformance.golden.GoldenFiles.defaultTracesDir(), "context/swap-value").get(0);
        assertEquals("expected fail: SWAP returns the new state \u2014 required context/swap-value [CTX-SWAP-2]",
                FILE.displayName(loaded, "required context/swap-value [CTX-SWAP-2]"));
        assertEquals("plain", TckExpectations.none().displayName(loaded, "plain"));
    }
}
