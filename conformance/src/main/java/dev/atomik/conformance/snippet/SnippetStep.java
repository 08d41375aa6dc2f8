package dev.atomik.conformance.snippet;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One statement of a snippet, translated into exactly one trace step.
 *
 * @param text  the statement as written (comments removed), for reports
 * @param line  1-based line of the snippet's source where the statement starts
 * @param kind  the kind of the object the step acts on ({@code context} … {@code cache}, {@code wire}
 *              before any init)
 * @param step  the trace step: op, operands and at most one of {@code expect} / {@code expect_error}
 */
public record SnippetStep(String text, int line, String kind, ObjectNode step) {

    public String op() {
        return step.get("op").asText();
    }
}
