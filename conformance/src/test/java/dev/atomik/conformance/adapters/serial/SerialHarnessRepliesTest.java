package dev.atomik.conformance.adapters.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Which serial replies carry {@code "harness": true} (DESIGN-12): only those the host decides
 * without the board (requests with no packet type); the board's own errors, even UNSUPPORTED and
 * BAD_WIDTH, are the implementation's answers.
 */
class SerialHarnessRepliesTest {
    private static ObjectNode op(String op) {
        return JsonNodeFactory.instance.objectNode().put("op", op);
    }

    private static ObjectNode json(String member, Object value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (value instanceof Boolean b) {
            node.put(member, b);
        } else {
            node.put(member, String.valueOf(value));
        }
        return node;
    }

    @Test
    void hostDecidedRepliesAreMarked() {
        ObjectNode unsupported = json("error", "UNSUPPORTED").put("harness", true);
        assertEquals(unsupported, SerialRequests.translate(op("drain")).local());
        assertEquals(unsupported, SerialRequests.translate(op("init").put("kind", "stream").put("width", 8)).local());
    }

    @Test
    void boardRepliesAreNotMarked() {
        // init goes to the board whatever its width: the board decides BAD_WIDTH.
        assertNull(SerialRequests.translate(op("init").put("kind", "table").put("width", 0).put("size", 1)).local());
        assertNull(SerialRequests.translate(op("read").put("addr", "0x9")).local());
        assertEquals(json("error", "BAD_WIDTH"), SerialRequests.reply(new Packet(0, Packet.ERROR, new byte[] {1}), false));
        assertEquals(json("error", "UNSUPPORTED"), SerialRequests.reply(new Packet(0, Packet.ERROR, new byte[] {8}), false));
        assertEquals(json("ok", true), SerialRequests.reply(new Packet(0, Packet.OK, new byte[0]), false));
    }
}
