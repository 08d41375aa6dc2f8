package dev.atomik.conformance.adapters.serial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Maps adapter-protocol requests to packets of spec/serial-protocol.md and reply packets back.
 * Requests with no packet type (streams, wire encoding) are answered {@code UNSUPPORTED} here,
 * marked {@code "harness": true} (DESIGN-12) because the board never saw them. Every other reply,
 * errors included, is the board's own: the host sends init's width and size unchecked.
 */
final class SerialRequests {
    /** Error codes by their number on the wire (index = code). */
    static final List<String> ERROR_CODES = List.of("", "BAD_WIDTH", "BAD_SIZE", "ADDRESS_OUT_OF_RANGE",
            "BAD_LENGTH", "VALUE_OUT_OF_RANGE", "CAPACITY_EXCEEDED", "SEQ_EXHAUSTED", "UNSUPPORTED");

    /** A request as a packet type and payload, whether a value comes back, or a local reply. */
    record Translation(int type, byte[] payload, boolean wantsValue, ObjectNode local) {
    }

    private SerialRequests() {
    }

    static Translation translate(ObjectNode request) {
        String op = request.path("op").asText("");
        switch (op) {
            case "reset":
                return send(Packet.RESET, new byte[0], false);
            case "init":
                return init(request);
            case "load":
                return send(Packet.LOAD, Packet.longs(addr(request), hex(request, "value")), false);
            case "accum":
                return send(Packet.ACCUM, Packet.longs(addr(request), hex(request, "delta")), false);
            case "rollback":
                return send(Packet.ROLLBACK, Packet.longs(addr(request), hex(request, "delta")), false);
            case "read":
                return send(Packet.READ, Packet.longs(addr(request)), true);
            case "swap":
                return request.has("value")
                        ? send(Packet.SWAP_SET, Packet.longs(addr(request), hex(request, "value")), true)
                        : send(Packet.SWAP, Packet.longs(addr(request)), true);
            case "count":
                return send(Packet.COUNT, Packet.longs(addr(request)), true);
            case "merge":
                return send(Packet.MERGE, Packet.longs(addr(request), hex(request, "from")), false);
            default:
                return local(error("UNSUPPORTED"));
        }
    }

    /** A reply the host decides without the board. */
    private static Translation local(ObjectNode reply) {
        return new Translation(0, null, false, reply.put("harness", true));
    }

    private static Translation send(int type, byte[] payload, boolean wantsValue) {
        return new Translation(type, payload, wantsValue, null);
    }

    private static Translation init(ObjectNode request) {
        String kind = request.path("kind").asText("");
        if (!kind.equals("context") && !kind.equals("table")) {
            return local(error("UNSUPPORTED"));
        }
        long width = Math.max(0, Math.min(255, request.path("width").asLong(0)));
        long size = kind.equals("table") ? Math.max(0, request.path("size").asLong(0)) : 1;
        ByteBuffer payload = ByteBuffer.allocate(10);
        payload.put((byte) (kind.equals("context") ? 1 : 2)).put((byte) width).putLong(size);
        return send(Packet.INIT, payload.array(), false);
    }

    /** Context requests carry no address; they are address 0 (spec/serial-protocol.md). */
    private static long addr(ObjectNode request) {
        return request.has("addr") ? hex(request, "addr") : 0L;
    }

    private static long hex(ObjectNode request, String field) {
        JsonNode node = request.get(field);
        String text = node == null ? null : node.asText(null);
        if (text == null || !text.matches("0[xX][0-9a-fA-F]{1,16}")) {
            throw new IllegalArgumentException("request " + request + ": field '" + field
                    + "' must be a hex string like \"0x0\" (VAL-HEX-1)");
        }
        return Long.parseUnsignedLong(text.substring(2), 16);
    }

    /** The protocol reply for a reply packet, or null when its type or length does not fit. */
    static ObjectNode reply(Packet packet, boolean wantsValue) {
        byte[] payload = packet.payload();
        if (packet.type() == Packet.ERROR && payload.length == 1) {
            int code = payload[0] & 0xFF;
            return code >= 1 && code < ERROR_CODES.size() ? error(ERROR_CODES.get(code)) : null;
        }
        if (!wantsValue && packet.type() == Packet.OK && payload.length == 0) {
            return JsonNodeFactory.instance.objectNode().put("ok", true);
        }
        if (wantsValue && packet.type() == Packet.VALUE && payload.length == 8) {
            long value = ByteBuffer.wrap(payload).getLong();
            return JsonNodeFactory.instance.objectNode().put("value", "0x" + Long.toHexString(value));
        }
        return null;
    }

    static ObjectNode error(String code) {
        return JsonNodeFactory.instance.objectNode().put("error", code);
    }
}
