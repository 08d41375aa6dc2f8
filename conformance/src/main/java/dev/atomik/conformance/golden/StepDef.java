package dev.atomik.conformance.golden;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One step of a trace definition: the request (op and operands, canonical key order) without any
 * expectation; the generator fills the expectation in from the reference model.
 *
 * @param request the op and its operands
 * @param intent  what the definition's author meant the step to show; the generator refuses to
 *                write a trace whose model run disagrees (a safety net on the definitions, never a
 *                source of expected values)
 * @param check   for {@code check} steps, which quantities to observe; null otherwise
 * @param cover   coverpoints, may be empty
 * @param note    free text or null
 */
public record StepDef(ObjectNode request, Intent intent, CheckSpec check, List<String> cover, String note) {

    /** Whether the step is meant to succeed or fail. */
    public enum Intent { SUCCEED, FAIL }

    /**
     * The quantities a {@code check} step observes. {@code addressed} is false on a context, whose
     * one cell has no address.
     */
    public record CheckSpec(List<Long> cells, boolean addressed, boolean epoch, boolean pending) {
        public CheckSpec {
            cells = List.copyOf(cells);
        }
    }

    public StepDef {
        cover = List.copyOf(cover);
    }

    public String op() {
        return request.path("op").asText();
    }
}
