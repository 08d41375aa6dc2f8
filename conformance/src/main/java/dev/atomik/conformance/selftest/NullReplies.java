package dev.atomik.conformance.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code mutant:null}, the do-nothing implementation: every request gets the "zero" reply of its
 * op and never an error, so a trace catches it only by expecting something other than nothing.
 * It keeps one piece of state, the kind of the last init, because the same op has a different
 * reply member per kind (a stream's ACCUM returns a message, a context's returns ok).
 */
final class NullReplies {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ZERO = "0x0";
    /** A 16-byte frame of zeros, as encode's hex bytes. */
    private static final String ZERO_FRAME = "0".repeat(32);

    private String kind;

    ObjectNode handle(JsonNode request) {
        String op = request.path("op").asText();
        switch (op) {
            case "reset" -> kind = null;
            case "init" -> kind = request.path("kind").asText();
            default -> {
                // every other op leaves the kind as it is
            }
        }
        return switch (op) {
            case "read", "swap", "count", "epoch", "pending", "get" -> JSON.objectNode().put("value", ZERO);
            case "accum", "rollback" -> "stream".equals(kind) ? zeroMessage() : ok();
            case "decode", "put" -> zeroMessage();
            case "drain" -> {
                ObjectNode reply = JSON.objectNode();
                reply.putArray("messages");
                yield reply;
            }
            case "encode" -> JSON.objectNode().put("bytes", ZERO_FRAME);
            default -> ok();
        };
    }

    private static ObjectNode ok() {
        return JSON.objectNode().put("ok", true);
    }

    private static ObjectNode zeroMessage() {
        ObjectNode reply = JSON.objectNode();
        reply.putObject("message").put("addr", ZERO).put("delta", ZERO).put("seq", ZERO);
        return reply;
    }
}
