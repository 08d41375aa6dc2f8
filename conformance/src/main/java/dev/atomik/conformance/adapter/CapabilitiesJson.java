package dev.atomik.conformance.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code capabilities} object of a hello (spec/adapter-protocol.md): protocol 2 declares
 * ops, observable fields and bounds per kind; protocol 1 one global op list. Every problem is an
 * {@link IllegalArgumentException} whose message names the member and what was expected, which the
 * process adapter reports as a {@code HANDSHAKE} fault.
 */
public final class CapabilitiesJson {
    public static final List<String> KINDS = List.of("context", "table", "stream", "wire", "cache");

    private CapabilitiesJson() {
    }

    public static Capabilities parse(JsonNode caps, int protocol) {
        if (caps == null || !caps.isObject()) {
            throw new IllegalArgumentException("hello must carry a capabilities object");
        }
        return protocol == 1 ? v1(caps) : v2(caps);
    }

    private static Capabilities v1(JsonNode caps) {
        Set<String> kinds = strings(caps, "kinds", "capabilities.kinds");
        Set<String> ops = strings(caps, "ops", "capabilities.ops");
        for (String kind : kinds) {
            knownKind(kind, "capabilities.kinds");
        }
        int[] widths = widths(caps);
        for (String number : List.of("contexts", "stream_addresses", "queue", "nodes")) {
            integer(caps, number, "capabilities." + number, 1);
        }
        return Capabilities.v1(kinds, widths[0], widths[1], integer(caps, "contexts", "capabilities.contexts", 1),
                integer(caps, "stream_addresses", "capabilities.stream_addresses", 1),
                integer(caps, "queue", "capabilities.queue", 1),
                (int) integer(caps, "nodes", "capabilities.nodes", 1), ops);
    }

    private static Capabilities v2(JsonNode caps) {
        JsonNode kinds = caps.get("kinds");
        if (kinds == null || !kinds.isObject()) {
            throw new IllegalArgumentException("capabilities.kinds must be an object with one member per kind "
                    + "(protocol 2), e.g. {\"context\":{\"ops\":[\"init\",\"load\",\"read\"]}}");
        }
        int[] widths = widths(caps);
        Capabilities.Builder b = Capabilities.builder().protocol(2).widths(widths[0], widths[1])
                .nodes((int) integer(caps, "nodes", "capabilities.nodes", 1));
        for (Iterator<Map.Entry<String, JsonNode>> it = kinds.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String kind = e.getKey();
            String where = "capabilities.kinds." + kind;
            knownKind(kind, "capabilities.kinds");
            JsonNode body = e.getValue();
            if (!body.isObject()) {
                throw new IllegalArgumentException(where + " must be an object with \"ops\"");
            }
            Set<String> ops = strings(body, "ops", where + ".ops");
            b.kind(kind, ops);
            if (body.has("observe")) {
                Set<String> observe = strings(body, "observe", where + ".observe");
                for (String field : observe) {
                    String via = Capabilities.OBSERVABLE_VIA.get(field);
                    if (via == null) {
                        throw new IllegalArgumentException(where + ".observe: unknown field \"" + field
                                + "\" (expected state, count, epoch or pending)");
                    }
                    String op = kind.equals("cache") && field.equals("state") ? "get" : via;
                    if (!ops.contains(op)) {
                        throw new IllegalArgumentException(where + ".observe lists " + field
                                + " but ops does not declare " + op + ", which the runner reads it with");
                    }
                }
                b.observe(kind, observe);
            }
            if (kind.equals("table")) {
                b.contexts(integer(body, "contexts", where + ".contexts", 1));
            }
            if (kind.equals("stream")) {
                bounds(body.get("bounds"), where + ".bounds", b);
            }
            if (kind.equals("cache") && body.has("capacity")) {
                if (!body.get("capacity").isBoolean()) {
                    throw new IllegalArgumentException(where + ".capacity must be true or false (whether a cache init's "
                            + "key capacity is honoured), got " + body.get("capacity"));
                }
                b.cacheCapacity(body.get("capacity").booleanValue());
            }
        }
        return b.build();
    }

    private static void bounds(JsonNode bounds, String where, Capabilities.Builder b) {
        if (bounds == null) {
            b.streamBounds(1, 1);
            return;
        }
        if (bounds.isTextual() && bounds.textValue().equals("unbounded")) {
            b.streamUnbounded();
            return;
        }
        if (!bounds.isObject()) {
            throw new IllegalArgumentException(where + " must be \"unbounded\" or {\"addresses\":N,\"queue\":Q}");
        }
        b.streamBounds(integer(bounds, "addresses", where + ".addresses", 1),
                integer(bounds, "queue", where + ".queue", 1));
    }

    private static int[] widths(JsonNode caps) {
        JsonNode widths = caps.get("widths");
        if (widths == null || !widths.path("min").isIntegralNumber() || !widths.path("max").isIntegralNumber()) {
            throw new IllegalArgumentException("capabilities.widths must be {\"min\":W,\"max\":W}");
        }
        int min = widths.get("min").asInt();
        int max = widths.get("max").asInt();
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("capabilities.widths must have 1 <= min <= max, got min " + min
                    + ", max " + max);
        }
        return new int[] {min, max};
    }

    private static void knownKind(String kind, String where) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(where + ": unknown kind \"" + kind + "\" (expected one of "
                    + String.join(", ", KINDS) + ")");
        }
    }

    private static Set<String> strings(JsonNode parent, String member, String where) {
        JsonNode array = parent.get(member);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(where + " must be an array of strings");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(where + " must be an array of strings, found " + item);
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static long integer(JsonNode parent, String member, String where, long fallback) {
        JsonNode value = parent.get(member);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            throw new IllegalArgumentException(where + " must be a non-negative integer, got " + value);
        }
        return value.asLong();
    }
}
