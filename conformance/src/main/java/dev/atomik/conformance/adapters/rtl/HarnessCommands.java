package dev.atomik.conformance.adapters.rtl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Translates adapter-protocol requests (spec/adapter-protocol.md) into the harness's one-line text
 * commands and harness replies back into protocol replies. Requests an RTL core cannot express
 * (streams, wire encoding, replication) are answered {@code UNSUPPORTED} here without touching the
 * simulation; they are never declared in the capabilities, so a conforming runner skips them.
 *
 * <p>Replies the harness or this class decides rather than the core carry {@code "harness": true}
 * (DESIGN-12): every error (a core has no error port; rtl/README.md, "who decides errors"), the
 * {@code ok} of reset and init (a reset pulse the driver gives), and the local answers here.
 */
final class HarnessCommands {

    /**
     * What a harness reply must look like for a command: {@code DONE} an ok the core gave with its
     * out_valid, {@code RESET} an ok the driver gives by pulsing rst_n, {@code VALUE} a value.
     */
    enum Answer { DONE, RESET, VALUE }

    /** A command for the harness, or a reply decided here ({@code local != null}). */
    record Translation(String line, Answer answer, ObjectNode local) {
        static Translation send(String line, Answer answer) {
            return new Translation(line, answer, null);
        }

        static Translation answer(ObjectNode reply) {
            return new Translation(null, null, reply);
        }
    }

    private HarnessCommands() {
    }

    static Translation translate(ObjectNode request) {
        String op = request.path("op").asText("");
        switch (op) {
            case "reset":
                return Translation.send("X", Answer.RESET);
            case "init":
                return init(request);
            case "load":
                return Translation.send("L " + addr(request, "addr") + " " + hex(request, "value"), Answer.DONE);
            case "accum":
            case "rollback":
                // CTX-ROLLBACK-1: rollback has exactly the effect of accum, so the core sees ACCUM.
                return Translation.send("A " + addr(request, "addr") + " " + hex(request, "delta"), Answer.DONE);
            case "read":
                return Translation.send("R " + addr(request, "addr"), Answer.VALUE);
            case "swap":
                return request.has("value")
                        ? Translation.send("T " + addr(request, "addr") + " " + hex(request, "value"), Answer.VALUE)
                        : Translation.send("S " + addr(request, "addr"), Answer.VALUE);
            case "count":
                return Translation.send("C " + addr(request, "addr"), Answer.VALUE);
            case "merge":
                return Translation.send("M " + addr(request, "addr") + " " + hex(request, "from"), Answer.DONE);
            default:
                return Translation.answer(harness(error("UNSUPPORTED")));
        }
    }

    private static Translation init(ObjectNode request) {
        String kind = request.path("kind").asText("");
        if (!kind.equals("context") && !kind.equals("table")) {
            return Translation.answer(harness(error("UNSUPPORTED")));
        }
        // Out-of-range numbers are clamped to values the harness rejects the same way
        // (width 0 or 65 -> BAD_WIDTH, size 0 -> BAD_SIZE, huge size -> beyond any core's depth).
        long width = request.path("width").asLong(0);
        width = width < 1 ? 0 : Math.min(width, 65);
        long size = kind.equals("table") ? request.path("size").asLong(0) : 1;
        size = size < 1 ? 0 : Math.min(size, 1L << 32);
        return Translation.send("I " + kind.charAt(0) + " " + width + " " + size, Answer.RESET);
    }

    /** Context kinds carry no address; they are address 0 of a one-context table. */
    private static String addr(ObjectNode request, String field) {
        return request.has(field) ? hex(request, field) : "0";
    }

    private static String hex(ObjectNode request, String field) {
        JsonNode node = request.get(field);
        String text = node == null ? null : node.asText(null);
        if (text == null || !text.matches("0[xX][0-9a-fA-F]{1,16}")) {
            throw new IllegalArgumentException("request " + request + ": field '" + field
                    + "' must be a hex string like \"0x0\" (VAL-HEX-1)");
        }
        return Long.toHexString(Long.parseUnsignedLong(text.substring(2), 16));
    }

    /**
     * Turns a harness reply line (without its {@code @}) into a protocol reply, or null when the
     * line does not fit the command (a harness or core wiring bug, reported as BAD_REPLY).
     */
    static ObjectNode reply(String line, Answer answer) {
        if (line.startsWith("E ") && line.length() > 2) {
            return harness(error(line.substring(2).trim()));
        }
        if ((answer == Answer.DONE || answer == Answer.RESET) && line.equals("K")) {
            ObjectNode ok = JsonNodeFactory.instance.objectNode();
            ok.put("ok", true);
            return answer == Answer.RESET ? harness(ok) : ok;
        }
        if (answer == Answer.VALUE && line.startsWith("V ")) {
            String digits = line.substring(2).trim();
            if (!digits.matches("[0-9a-fA-F]{1,16}")) {
                return null;   // x or z bits in data_out print as non-hex characters
            }
            ObjectNode value = JsonNodeFactory.instance.objectNode();
            value.put("value", "0x" + Long.toHexString(Long.parseUnsignedLong(digits, 16)));
            return value;
        }
        return null;
    }

    /** Marks a reply the harness decided, not the core (DESIGN-12, "Reply annotation"). */
    static ObjectNode harness(ObjectNode reply) {
        return reply.put("harness", true);
    }

    static ObjectNode error(String code) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("error", code);
        return error;
    }
}
