package dev.atomik.conformance.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Capabilities;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Determinism and capability limits of the generator (PROTO-CAPS-1, VAL-WIDTH-1). */
class SequenceGeneratorTest {
    private static final Capabilities FULL = Capabilities.v1(Set.of("context", "table", "stream", "wire"), 1, 64,
            65536, 1024, 4096, 1, Set.of("init", "load", "accum", "rollback", "read", "swap", "merge", "count",
            "epoch", "pending", "drain", "apply", "encode", "decode"));

    private static String render(long seed, Capabilities caps, int sequences) {
        SequenceGenerator generator = new SequenceGenerator(seed, caps);
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < sequences; k++) {
            FuzzSequence s = generator.sequence(k);
            out.append(s.kind()).append('\n');
            s.steps().forEach(step -> out.append(step).append('\n'));
        }
        return out.toString();
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        String first = render(42, FULL, 300);
        assertEquals(first, render(42, FULL, 300));
        assertNotEquals(first, render(43, FULL, 300));
    }

    @Test
    void aSequenceIsReproducibleAlone() {
        SequenceGenerator generator = new SequenceGenerator(9, FULL);
        for (int k = 0; k < 50; k++) {
            generator.sequence(k);
        }
        FuzzSequence inRun = generator.sequence(50);
        FuzzSequence alone = new SequenceGenerator(9, FULL).sequence(50);
        assertEquals(inRun.steps().toString(), alone.steps().toString());
    }

    @Test
    void onlyDeclaredKindsOpsAndWidthsAreGenerated() {
        Capabilities narrow = Capabilities.v1(Set.of("context", "table"), 32, 32, 4, 1, 1, 1,
                Set.of("init", "load", "accum", "read", "encode"));
        SequenceGenerator generator = new SequenceGenerator(5, narrow);
        int steps = 0;
        for (int k = 0; k < 2000; k++) {
            FuzzSequence s = generator.sequence(k);
            assertTrue(Set.of("context", "table").contains(s.kind()), s.kind());
            for (ObjectNode step : s.steps()) {
                steps++;
                String op = step.get("op").asText();
                assertTrue(narrow.ops().contains(op), op + " is not declared");
                if (op.equals("init")) {
                    int width = step.get("width").asInt();
                    // a legal width is a declared one; an illegal one (outside 1..64) tests BAD_WIDTH
                    assertTrue(width == 32 || width < 1 || width > 64, "width " + width);
                    assertTrue(step.path("size").asLong(1) <= 4, "table larger than declared: " + step);
                }
            }
        }
        assertTrue(steps > 10_000);
    }

    @Test
    void theFirstStepOfAStatefulSequenceIsALegalInit() {
        SequenceGenerator generator = new SequenceGenerator(11, FULL);
        for (int k = 0; k < 1000; k++) {
            FuzzSequence s = generator.sequence(k);
            if (s.kind().equals("wire")) {
                assertEquals(0, s.pinned());
                continue;
            }
            ObjectNode init = s.steps().get(0);
            assertEquals("init", init.get("op").asText());
            int width = init.get("width").asInt();
            assertTrue(width >= 1 && width <= 64);
            assertTrue(init.path("size").asLong(1) >= 1 && init.path("addresses").asLong(1) >= 1
                    && init.path("queue").asLong(1) >= 1, init.toString());
        }
    }
}
