package dev.atomik.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.trace.ErrorCodes;
import dev.atomik.conformance.trace.Hex;
import dev.atomik.conformance.trace.ResultShape;
import java.util.Iterator;
import java.util.Set;

/**
 * Judges one reply against its {@link Probe}: first its shape (PROTO-REPLY-1, a wrong shape is an
 * adapter fault), then its meaning (TRACE-RESULT-1: values compare as numbers, so case and leading
 * zeros do not matter; error codes compare exactly; message text is never compared).
 */
final class ReplyCheck {
    private static final Set<String> REPLY_MEMBERS = Set.of("ok", "value", "message", "messages", "bytes", "error");
    private static final Set<String> MESSAGE_FIELDS = Set.of("addr", "delta", "seq");

    /** The verdict on one reply. */
    record Verdict(Kind kind, String expected, String actual, String reason) {
        enum Kind { AGREE, DISAGREE, BAD_REPLY }

        static final Verdict AGREE = new Verdict(Kind.AGREE, null, null, null);
    }

    /** Reply flag: the harness, not the implementation, decided this reply (spec/adapter-protocol.md). */
    static final String HARNESS = "harness";

    private ReplyCheck() {
    }

    /** True when the harness, not the implementation, answered. */
    static boolean byHarness(ObjectNode reply) {
        return reply.path(HARNESS).asBoolean(false);
    }

    static Verdict judge(Probe probe, ObjectNode reply) {
        String shapeProblem = shapeProblem(probe.shape(), reply);
        if (shapeProblem != null) {
            return new Verdict(Verdict.Kind.BAD_REPLY, expected(probe), String.valueOf(reply), shapeProblem);
        }
        String actual = actual(reply);
        if (reply.has("error")) {
            String code = reply.get("error").asText();
            if (code.equals(probe.expectedError())) {
                return Verdict.AGREE;
            }
            String reason = ErrorCodes.isKnown(code) ? null : "unknown error code (ERR-CODES-1)";
            if (ErrorCodes.UNSUPPORTED.equals(code)) {
                reason = "UNSUPPORTED for a declared op (PROTO-CAPS-1)";
            }
            return new Verdict(Verdict.Kind.DISAGREE, expected(probe), actual, reason);
        }
        if (probe.expectedError() != null) {
            return new Verdict(Verdict.Kind.DISAGREE, expected(probe), actual, null);
        }
        if (probe.expected() == null || sameResult(probe.shape(), probe.expected(), reply.get(probe.shape().member()))) {
            return Verdict.AGREE;
        }
        return new Verdict(Verdict.Kind.DISAGREE, expected(probe), actual, null);
    }

    /** Null when the reply is exactly one member of the right shape for the op (or an error). */
    static String shapeProblem(ResultShape shape, ObjectNode reply) {
        String member = null;
        for (Iterator<String> it = reply.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.equals("in_reply_to") || field.equals("id")) {
                continue;
            }
            if (field.equals(HARNESS)) {
                if (!reply.get(field).isBoolean()) {
                    return "harness must be true or false";
                }
                continue;
            }
            if (!REPLY_MEMBERS.contains(field)) {
                return "unknown reply member \"" + field + "\"";
            }
            if (member != null) {
                return "a reply has exactly one of ok, value, message, messages, bytes, error; got "
                        + member + " and " + field;
            }
            member = field;
        }
        if (member == null) {
            return "empty reply";
        }
        JsonNode body = reply.get(member);
        if (member.equals("error")) {
            return body.isTextual() ? null : "error must be a code string";
        }
        if (!member.equals(shape.member())) {
            return "expected a " + shape.member() + " reply, got " + member;
        }
        switch (shape) {
            case OK:
                return body.isBoolean() && body.asBoolean() ? null : "ok must be true";
            case VALUE:
                return isHex(body) ? null : "value must be a hex string";
            case MESSAGE:
                return isMessage(body) ? null : "message must be {\"addr\",\"delta\",\"seq\"} of hex strings";
            case MESSAGES:
                if (!body.isArray()) {
                    return "messages must be a list";
                }
                for (JsonNode m : body) {
                    if (!isMessage(m)) {
                        return "each message must be {\"addr\",\"delta\",\"seq\"} of hex strings";
                    }
                }
                return null;
            case BYTES:
                return body.isTextual() && Hex.isBytes(body.asText()) ? null
                        : "bytes must be an even number of hex digits";
            default:
                throw new IllegalStateException("unhandled shape " + shape);
        }
    }

    private static boolean isHex(JsonNode node) {
        return node != null && node.isTextual() && Hex.isValue(node.asText());
    }

    private static boolean isMessage(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != MESSAGE_FIELDS.size()) {
            return false;
        }
        for (String field : MESSAGE_FIELDS) {
            if (!isHex(node.get(field))) {
                return false;
            }
        }
        return true;
    }

    /** Both results are already known to be well-formed. */
    private static boolean sameResult(ResultShape shape, JsonNode expected, JsonNode actual) {
        switch (shape) {
            case VALUE:
                return Hex.parse(expected.asText()) == Hex.parse(actual.asText());
            case MESSAGE:
                return sameMessage(expected, actual);
            case MESSAGES:
                if (expected.size() != actual.size()) {
                    return false;
                }
                for (int i = 0; i < expected.size(); i++) {
                    if (!sameMessage(expected.get(i), actual.get(i))) {
                        return false;
                    }
                }
                return true;
            case BYTES:
                return expected.asText().equalsIgnoreCase(actual.asText());
            default:
                return true;
        }
    }

    private static boolean sameMessage(JsonNode expected, JsonNode actual) {
        for (String field : MESSAGE_FIELDS) {
            if (Hex.parse(expected.get(field).asText()) != Hex.parse(actual.get(field).asText())) {
                return false;
            }
        }
        return true;
    }

    /** What the probe expects, for reports. */
    static String expected(Probe probe) {
        if (probe.expectedError() != null) {
            return "error " + probe.expectedError();
        }
        if (probe.expected() == null) {
            return "success";
        }
        return render(probe.expected());
    }

    /** What the reply says, for reports. */
    static String actual(ObjectNode reply) {
        if (reply.has("error")) {
            return "error " + reply.get("error").asText();
        }
        if (reply.has("ok")) {
            return "ok";
        }
        for (String member : new String[] {"value", "message", "messages", "bytes"}) {
            if (reply.has(member)) {
                return render(reply.get(member));
            }
        }
        return String.valueOf(reply);
    }

    /** Hex values in canonical spelling; other JSON as compact text with hex normalised inside. */
    private static String render(JsonNode node) {
        if (node.isTextual()) {
            return Hex.normalise(node.asText());
        }
        if (node.isObject() && node.has("addr") && node.has("delta") && node.has("seq")) {
            return "{addr " + render(node.get("addr")) + ", delta " + render(node.get("delta")) + ", seq "
                    + render(node.get("seq")) + "}";
        }
        if (node.isArray()) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(render(node.get(i)));
            }
            return s.append(']').toString();
        }
        return node.toString();
    }
}
