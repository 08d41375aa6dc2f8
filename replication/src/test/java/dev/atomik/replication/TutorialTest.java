package dev.atomik.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.replication.demo.CacheTutorial;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** REP-CACHE-1, WIRE-FIELDS-1: the tutorial walkthrough prints the real wire bytes and converges. */
class TutorialTest {

    @Test
    void required_REP_CACHE_1_tutorial_converges_and_prints_wire_bytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        boolean converged = CacheTutorial.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertTrue(converged, out);
        assertTrue(out.contains("00000000 0000000014530451 00000001"), out);
        assertEquals(3, out.split("get\\(0x0\\) = 0xdeadbeef", -1).length - 1, out);
    }

    @Test
    void required_REP_CACHE_1_tutorial_trace_matches_walkthrough() {
        Cluster c = Scenarios.tutorial();
        ConvergenceReport r = c.convergence();
        assertTrue(r.converged(), r.toString());
        assertEquals(0xDEADBEEFL, r.agreedValue(0));
    }
}
