package dev.atomik.conformance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.trace.Hex;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks that the replies of a measured batch are right, so the bench never reports the speed of
 * wrong answers: each reply must equal the reference model's reply to the same request, comparing
 * hex strings as numbers (TRACE-RESULT-1: case and leading zeros do not matter).
 */
final class ReplyComparison {

    private ReplyComparison() {
    }

    /** How many of {@code replies} differ from {@code reference} repeated as often as needed. */
    static long mismatches(List<ObjectNode> replies, List<ObjectNode> reference) {
        long bad = 0;
        for (int i = 0; i < replies.size(); i++) {
            if (!same(replies.get(i), reference.get(i % reference.size()))) {
                bad++;
            }
        }
        return bad;
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a.isTextual() && b.isTextual()) {
            return Hex.normalise(a.textValue()).equals(Hex.normalise(b.textValue()));
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = a.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode other = b.get(field.getKey());
                if (other == null || !same(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
