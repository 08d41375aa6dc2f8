package dev.atomik.conformance.tck;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** PROTO-CAPS-1 and TRACE-RESULT-1 as JUnit outcomes: skip is aborted, fail is an assertion, error is an error. */
class TckVerdictTest {
    private static TraceResult result(Status status, Integer step, String expected, String actual, String reason) {
        return new TraceResult("context/x", Path.of("x.ndjson"), List.of("CTX-READ-1"), status, step, "read",
                expected, actual, reason, 1, 0);
    }

    @Test
    void passPasses() {
        assertDoesNotThrow(() -> AtomikTck.TckVerdict.assertPassed(result(Status.PASS, null, null, null, null)));
    }

    @Test
    void skipAbortsWithTheReason() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> AtomikTck.TckVerdict.assertPassed(result(Status.SKIP, null, null, null, "kind stream not declared")));
        assertEquals("skipped: kind stream not declared", e.getMessage());
    }

    @Test
    void failIsAnAssertionWithExpectedAndActual() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> AtomikTck.TckVerdict.assertPassed(result(Status.FAIL, 3, "0x1", "0x2", null)));
        assertEquals("0x1", e.getExpected().getValue());
        assertEquals("0x2", e.getActual().getValue());
        assertTrue(e.getMessage().contains("step 3 (read)") && e.getMessage().contains("[CTX-READ-1]"), e.getMessage());
    }

    @Test
    void errorIsNotAnAssertion() {
        assertThrows(AtomikTck.TraceError.class,
                () -> AtomikTck.TckVerdict.assertPassed(result(Status.ERROR, 2, null, null, "CRASH at step 2: exit 1")));
    }
}
