package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.trace.Hex;
import java.util.Iterator;
import java.util.Set;

/**
 * Compares an adapter's reply with the model's reply to the same request, by the rules a golden
 * trace would apply (TRACE-RESULT-1, PROTO-REPLY-1): the same reply member, error codes exactly,
 * values and message fields as unsigned numbers (case and leading zeros do not matter), bytes
 * ignoring case only. Anything the runner would call a wrong or malformed reply is a disagreement
 * here, so every disagreement the fuzzer reports also fails the trace it writes.
 */
final class ReplyDiff {
    private static final Set<String> MEMBERS = Set.of("ok", "value", "message", "messages", "bytes", "error");
    private static final String[] MESSAGE_FIELDS = {"addr", "delta", "seq"};

    private ReplyDiff() {
    }

    /** Null when the replies agree, else what differs, for people. */
    static String disagreement(ObjectNode model, ObjectNode actual) {
        String expectedMember = member(model);
        String actualMember = member(actual);
        if (actualMember == null) {
            return "malformed reply " + actual;
        }
        if (expectedMember == null) {
            throw new IllegalStateException("the model gave a malformed reply " + model);
        }
        if (expectedMember.equals("error") || actualMember.equals("error")) {
            if (expectedMember.equals(actualMember)
                    && model.get("error").asText().equals(actual.get("error").asText())) {
                return null;
            }
            return "expected " + describe(model) + ", got " + describe(actual);
        }
        if (!expectedMember.equals(actualMember)) {
            return "expected a " + expectedMember + " reply (" + describe(model) + "), got " + describe(actual);
        }
        JsonNode e = model.get(expectedMember);
        JsonNode a = actual.get(actualMember);
        boolean same = switch (expectedMember) {
            case "ok" -> a.isBoolean() && a.booleanValue();
            case "value" -> sameValue(e, a);
            case "message" -> sameMessage(e, a);
            case "messages" -> sameMessages(e, a);
            case "bytes" -> a.isTextual() && Hex.isBytes(a.textValue()) && e.textValue().equalsIgnoreCase(a.textValue());
            default -> throw new IllegalStateException("unhandled member " + expectedMember);
        };
        return same ? null : "expected " + describe(model) + ", got " + describe(actual);
    }

    /**
     * How two replies that {@link #disagreement disagree} differ, by reply member and never by
     * message text; null when they agree.
     */
    static FuzzClass.Difference difference(ObjectNode model, ObjectNode actual) {
        if (disagreement(model, actual) == null) {
            return null;
        }
        String actualMember = member(actual);
        if (actualMember == null) {
            return FuzzClass.Difference.FAULT;
        }
        boolean modelFailed = "error".equals(member(model));
        boolean actualFailed = actualMember.equals("error");
        if (modelFailed && actualFailed) {
            return FuzzClass.Difference.ERROR_CODE;
        }
        return modelFailed || actualFailed ? FuzzClass.Difference.ERROR_VS_SUCCESS : FuzzClass.Difference.VALUE;
    }

    /** The one reply member, or null when there is none, more than one, or an unknown one. */
    private static String member(ObjectNode reply) {
        String found = null;
        for (Iterator<String> it = reply.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.equals("in_reply_to") || field.equals("id") || field.equals("harness")) {  // harness: an annotation, not a member
                continue;
            }
            if (!MEMBERS.contains(field) || found != null) {
                return null;
            }
            found = field;
        }
        if ("error".equals(found) && !reply.get("error").isTextual()) {
            return null;
        }
        return found;
    }

    private static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (actual == null || !actual.isTextual()) {
            return false;
        }
        String a = actual.textValue();
        String e = expected.textValue();
        // Fast path: both sides usually spell values canonically.
        return a.equals(e) || (Hex.isValue(a) && Hex.isValue(e) && Hex.parse(a) == Hex.parse(e));
    }

    private static boolean sameMessage(JsonNode expected, JsonNode actual) {
        if (actual == null || !actual.isObject() || actual.size() != MESSAGE_FIELDS.length) {
            return false;
        }
        for (String field : MESSAGE_FIELDS) {
            if (!sameValue(expected.get(field), actual.get(field))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameMessages(JsonNode expected, JsonNode actual) {
        if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!sameMessage(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A reply as people read it: {@code ok}, {@code error CODE}, or the result. */
    static String describe(ObjectNode reply) {
        if (reply.has("error")) {
            return "error " + reply.get("error").asText();
        }
        if (reply.has("ok") && reply.size() == 1) {
            return "ok";
        }
        for (String m : new String[] {"value", "message", "messages", "bytes"}) {
            if (reply.has(m)) {
                return m + " " + reply.get(m);
            }
        }
        return String.valueOf(reply);
    }
}
