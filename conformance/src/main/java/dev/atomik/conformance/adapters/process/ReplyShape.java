package dev.atomik.conformance.adapters.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks one reply line against PROTO-REPLY-1 before anything looks at its meaning (Maelstrom's
 * lesson: a checker that accepts wrongly shaped replies hides bugs). A reply carries
 * {@code in_reply_to} equal to its request's id and exactly one result member of the shape the
 * request's op allows; other members are ignored.
 */
final class ReplyShape {
    static final Set<String> RESULT_KEYS = Set.of("ok", "value", "message", "messages", "bytes", "error");

    private ReplyShape() {
    }

    private static final Set<String> VALUE = Set.of("value");
    private static final Set<String> OK_OR_MESSAGE = Set.of("ok", "message");
    private static final Set<String> MESSAGE = Set.of("message");
    private static final Set<String> MESSAGES = Set.of("messages");
    private static final Set<String> BYTES = Set.of("bytes");
    private static final Set<String> OK = Set.of("ok");

    /** The result member an op may answer with besides {@code error}; null when any is acceptable (an op this kit does not know). */
    static Set<String> allowedFor(String op) {
        switch (op) {
            case "read": case "swap": case "count": case "epoch": case "pending": case "get":
                return VALUE;
            case "put": // a cache node's put issues a message (spec/trace-format-multinode.md)
                return MESSAGE;
            case "accum": case "rollback":
                return OK_OR_MESSAGE; // ok on a context or table, a message on a stream
            case "decode":
                return MESSAGE;
            case "drain":
                return MESSAGES;
            case "encode":
                return BYTES;
            case "init": case "load": case "merge": case "apply": case "reset": case "receive":
                return OK;
            default:
                return null;
        }
    }

    /**
     * Returns the reply reduced to its result member (the form {@link dev.atomik.conformance.adapter.Adapter}
     * promises), or throws {@link IllegalArgumentException} with the reason it is malformed.
     */
    static ObjectNode check(ObjectNode reply, long expectedId, String op) {
        JsonNode inReplyTo = reply.get("in_reply_to");
        if (inReplyTo == null) {
            throw new IllegalArgumentException("reply has no in_reply_to (expected " + expectedId + ")");
        }
        if (!inReplyTo.isIntegralNumber() || !inReplyTo.canConvertToLong() || inReplyTo.asLong() != expectedId) {
            throw new IllegalArgumentException("in_reply_to is " + inReplyTo + ", expected " + expectedId
                    + " (replies must come one per request, in request order)");
        }
        String resultKey = null;
        for (Iterator<String> names = reply.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (RESULT_KEYS.contains(name)) {
                if (resultKey != null) {
                    throw new IllegalArgumentException("reply has both " + resultKey + " and " + name
                            + "; exactly one of ok, value, message, messages, bytes, error is allowed");
                }
                resultKey = name;
            }
        }
        if (resultKey == null) {
            throw new IllegalArgumentException("reply has none of ok, value, message, messages, bytes, error");
        }
        Set<String> allowed = op == null ? null : allowedFor(op);
        if (allowed != null && !resultKey.equals("error") && !allowed.contains(resultKey)) {
            throw new IllegalArgumentException("a reply to " + op + " must be " + String.join(" or ", allowed.stream().sorted().toList())
                    + " or error, not " + resultKey);
        }
        JsonNode result = reply.get(resultKey);
        checkResult(resultKey, result);
        if (reply.size() == 2) { // the usual case: drop in_reply_to and hand the same node on
            reply.remove("in_reply_to");
            return reply;
        }
        ObjectNode clean = JsonNodeFactory.instance.objectNode();
        clean.set(resultKey, result);
        return clean;
    }

    private static void checkResult(String key, JsonNode result) {
        switch (key) {
            case "ok":
                if (!result.isBoolean() || !result.booleanValue()) {
                    throw new IllegalArgumentException("ok must be true, got " + result);
                }
                break;
            case "value":
                requireHex("value", result);
                break;
            case "message":
                checkMessage("message", result);
                break;
            case "messages":
                if (!result.isArray()) {
                    throw new IllegalArgumentException("messages must be an array, got " + result);
                }
                for (int i = 0; i < result.size(); i++) {
                    checkMessage("messages[" + i + "]", result.get(i));
                }
                break;
            case "bytes":
                if (!result.isTextual() || !isEvenHexDigits(result.textValue())) {
                    throw new IllegalArgumentException("bytes must be a string of an even number of hex digits without 0x, got " + result);
                }
                break;
            case "error":
                // The shape is a code string; whether it is a code of spec/errors.md is its meaning,
                // judged by the runner: an unknown code fails the step with ERR-CODES-1
                // (INTERPRETING §3.5), it is not an adapter fault.
                if (!result.isTextual() || result.textValue().isEmpty()) {
                    throw new IllegalArgumentException("error must be a code string, got " + result);
                }
                break;
            default:
                throw new IllegalStateException(key);
        }
    }

    private static void checkMessage(String where, JsonNode message) {
        if (!message.isObject() || message.size() != 3 || !message.has("addr") || !message.has("delta") || !message.has("seq")) {
            throw new IllegalArgumentException(where + " must be an object with exactly addr, delta and seq, got " + message);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = message.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            requireHex(where + "." + field.getKey(), field.getValue());
        }
    }

    /** VAL-HEX-1: a JSON string, 0x and 1 to 16 hex digits. */
    private static void requireHex(String where, JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException(where + " must be a hex string like \"0x2a\", got " + node);
        }
        String text = node.textValue();
        int length = text.length();
        boolean ok = length >= 3 && length <= 18 && text.charAt(0) == '0' && text.charAt(1) == 'x';
        for (int i = 2; ok && i < length; i++) {
            ok = isHexDigit(text.charAt(i));
        }
        if (!ok) {
            throw new IllegalArgumentException(where + " must be a hex string like \"0x2a\" (0x and 1 to 16 hex digits), got " + node);
        }
    }

    private static boolean isEvenHexDigits(String text) {
        if (text.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isHexDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ASCII hex only: Character.digit would also accept other scripts' digits. */
    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
