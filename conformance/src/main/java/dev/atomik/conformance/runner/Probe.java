package dev.atomik.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.trace.Ops;
import dev.atomik.conformance.trace.ResultShape;
import dev.atomik.conformance.trace.Step;
import dev.atomik.conformance.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * One request the runner sends for a step, with what its reply must be. A plain step is one probe;
 * a {@code check} step is expanded into one probe per quantity it lists (state → read, count →
 * count, epoch, pending), so adapters never see {@code check}.
 *
 * @param step          the trace step this request belongs to
 * @param label         the op as reported ({@code read}, or {@code check: state@0x1} for a check)
 * @param request       the request object (a fresh copy; transports may add an {@code id})
 * @param shape         the success reply this request must get
 * @param expected      the expected result, or null when it is not compared
 * @param expectedError the expected error code, or null
 */
public record Probe(Step step, String label, ObjectNode request, ResultShape shape, JsonNode expected,
                    String expectedError) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The reset request every trace starts with. */
    public static ObjectNode reset() {
        return JSON.objectNode().put("op", "reset");
    }

    /** Every probe of a trace, in order. */
    public static List<Probe> plan(Trace trace) {
        String kind = trace.header().requires().kind();
        List<Probe> probes = new ArrayList<>(trace.steps().size() + 4);
        for (Step step : trace.steps()) {
            if (step.op().equals("check")) {
                expandCheck(step, probes);
            } else {
                probes.add(new Probe(step, step.op(), step.request().deepCopy(), Ops.resultOf(step.op(), kind),
                        step.expect(), step.expectError()));
            }
        }
        return probes;
    }

    private static void expandCheck(Step step, List<Probe> probes) {
        JsonNode expect = step.expect();
        for (JsonNode cell : expect.path("cells")) {
            JsonNode addr = cell.get("addr");
            String at = addr == null ? "" : "@" + addr.asText();
            if (cell.has("state")) {
                probes.add(new Probe(step, "check: state" + at + " (read)", request("read", addr),
                        ResultShape.VALUE, cell.get("state"), null));
            }
            if (cell.has("count")) {
                probes.add(new Probe(step, "check: count" + at + " (count)", request("count", addr),
                        ResultShape.VALUE, cell.get("count"), null));
            }
        }
        for (String quantity : List.of("epoch", "pending")) {
            if (expect.has(quantity)) {
                probes.add(new Probe(step, "check: " + quantity, request(quantity, null), ResultShape.VALUE,
                        expect.get(quantity), null));
            }
        }
    }

    private static ObjectNode request(String op, JsonNode addr) {
        ObjectNode request = JSON.objectNode().put("op", op);
        if (addr != null) {
            request.set("addr", addr.deepCopy());
        }
        return request;
    }
}
