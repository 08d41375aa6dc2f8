package dev.atomik.conformance.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step of a trace.
 *
 * @param number      1-based step number (the header is not a step, so step 1 is on line 2)
 * @param line        1-based line in the file
 * @param op          the operation
 * @param request     the step without {@code expect}, {@code expect_error}, {@code cover} and
 *                    {@code note}: what an adapter receives (never mutate; copy first)
 * @param expect      the expected result, or null
 * @param expectError the expected error code, or null
 */
public record Step(int number, int line, String op, ObjectNode request, JsonNode expect, String expectError) {

    /** A step with neither {@code expect} nor {@code expect_error} must succeed. */
    public boolean mustSucceed() {
        return expect == null && expectError == null;
    }

    /** The step a schema-valid line describes: its request is the line without the annotations. */
    static Step of(ObjectNode node, int number, int line) {
        String op = node.get("op").asText();
        ObjectNode request = node.objectNode().put("op", op);
        node.fields().forEachRemaining(e -> {
            if (!Ops.ANNOTATIONS.contains(e.getKey())) {
                request.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        String expectError = node.hasNonNull("expect_error") ? node.get("expect_error").asText() : null;
        return new Step(number, line, op, request, node.get("expect"), expectError);
    }
}
