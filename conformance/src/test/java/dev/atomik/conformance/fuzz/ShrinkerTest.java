package dev.atomik.conformance.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The delta-debugging and operand passes of the shrinker, on synthetic failure predicates. */
class ShrinkerTest {

    private static ObjectNode accum(long addr, long delta) {
        return JsonNodeFactory.instance.objectNode().put("op", "accum").put("addr", "0x" + Long.toHexString(addr))
                .put("delta", "0x" + Long.toHexString(delta));
    }

    private static long field(ObjectNode step, String name) {
        return Long.parseUnsignedLong(step.get(name).asText().substring(2), 16);
    }

    @Test
    void ddminKeepsExactlyTheStepsThatMatter() {
        List<ObjectNode> steps = new ArrayList<>();
        steps.add(JsonNodeFactory.instance.objectNode().put("op", "init"));
        for (int i = 0; i < 200; i++) {
            steps.add(accum(i, 7));
        }
        // fails when addresses 17 and 150 are both present, in that order
        Predicate<List<ObjectNode>> fails = list -> {
            int first = -1;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).has("addr") && field(list.get(i), "addr") == 17) {
                    first = i;
                }
                if (first >= 0 && list.get(i).has("addr") && field(list.get(i), "addr") == 150) {
                    return true;
                }
            }
            return false;
        };
        Shrinker shrinker = new Shrinker(fails, 1, 10_000);
        List<ObjectNode> shrunk = shrinker.shrink(steps);
        assertEquals(3, shrunk.size(), shrunk.toString());
        assertEquals("init", shrunk.get(0).get("op").asText(), "the pinned init stays");
        assertEquals(17, field(shrunk.get(1), "addr"));
        assertEquals(150, field(shrunk.get(2), "addr"));
        assertEquals(0, field(shrunk.get(1), "delta"), "deltas that do not matter shrink to 0");
    }

    @Test
    void operandsShrinkTowardTheSmallestFailingValue() {
        List<ObjectNode> steps = List.of(accum(0, 0xFFFF_FFFF_FFFF_FFFFL));
        // fails while the delta has bit 40 set
        Shrinker shrinker = new Shrinker(list -> (field(list.get(0), "delta") & (1L << 40)) != 0, 0, 10_000);
        List<ObjectNode> shrunk = shrinker.shrink(steps);
        assertEquals(1L << 40, field(shrunk.get(0), "delta"));
    }

    @Test
    void theBudgetBoundsTheWork() {
        List<ObjectNode> steps = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            steps.add(accum(i, i));
        }
        Shrinker shrinker = new Shrinker(list -> list.size() > 5, 0, 10);
        List<ObjectNode> shrunk = shrinker.shrink(steps);
        assertTrue(shrinker.tests() <= 10);
        assertTrue(shrunk.size() > 5, "every kept list still fails");
    }
}
