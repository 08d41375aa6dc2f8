package dev.atomik.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.trace.Hex;
import dev.atomik.conformance.trace.Ops;
import dev.atomik.conformance.trace.ResultShape;
import dev.atomik.conformance.trace.Step;
import dev.atomik.conformance.trace.StepCursor;
import dev.atomik.conformance.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    /** Every probe of a trace, in order, as if every check field were observable (small traces). */
    public static List<Probe> plan(Trace trace) {
        return plan(trace, Set.of("state", "count", "epoch", "pending"), new ArrayList<>());
    }

    /**
     * Every probe of a trace, in order (small traces: the runner plans a window at a time with a
     * {@link Planner}). A {@code check} field outside {@code observable} gets no probe: it is added to
     * {@code notObserved} instead, so a report can say so and never count it as passed.
     */
    public static List<Probe> plan(Trace trace, Set<String> observable, List<StepNote> notObserved) {
        Planner planner = new Planner(trace.header().requires().kind(), observable, notObserved);
        List<Probe> probes = new ArrayList<>(trace.stepCount() + 4);
        try (StepCursor steps = trace.openSteps()) {
            steps.forEachRemaining(step -> planner.plan(step, probes));
        }
        return probes;
    }

    /** Turns steps into probes one at a time, for an implementation that observes {@code observable}. */
    public static final class Planner {
        private final String kind;
        private final Set<String> observable;
        private final List<StepNote> notObserved;

        /** @param notObserved receives a note for each check field or observation left out */
        public Planner(String kind, Set<String> observable, List<StepNote> notObserved) {
            this.kind = kind;
            this.observable = observable;
            this.notObserved = notObserved;
        }

        /** Appends the step's probes (none, one, or one per check field) to {@code probes}. */
        public void plan(Step step, List<Probe> probes) {
            if (step.op().equals("check")) {
                expandCheck(step, observable, probes, notObserved);
            } else if (TraceNeeds.optionalObservation(step, kind)
                    && !observable.contains(TraceNeeds.OBSERVING_OPS.get(step.op()))) {
                String field = TraceNeeds.OBSERVING_OPS.get(step.op());
                notObserved.add(new StepNote(step.number(), step.op(),
                        step.expect() == null ? null : Hex.normalise(step.expect().asText()), null,
                        field + " not observable", false));
            } else {
                probes.add(new Probe(step, step.op(), step.request().deepCopy(), Ops.resultOf(step.op(), kind),
                        step.expect(), step.expectError()));
            }
        }
    }

    /** A probe that decides something: it expects a value or an error, not just success. */
    public boolean decisive() {
        return expected != null || expectedError != null;
    }

    private static void expandCheck(Step step, Set<String> observable, List<Probe> probes,
                                    List<StepNote> notObserved) {
        JsonNode expect = step.expect();
        for (JsonNode cell : expect.path("cells")) {
            JsonNode addr = cell.get("addr");
            String at = addr == null ? "" : "@" + addr.asText();
            for (String field : List.of("state", "count")) {
                if (!cell.has(field)) {
                    continue;
                }
                String op = field.equals("state") ? "read" : "count";
                String label = "check: " + field + at + " (" + op + ")";
                if (observable.contains(field)) {
                    probes.add(new Probe(step, label, request(op, addr), ResultShape.VALUE, cell.get(field), null));
                } else {
                    notObserved.add(new StepNote(step.number(), label, Hex.normalise(cell.get(field).asText()), null,
                            field + " not observable", false));
                }
            }
        }
        for (String quantity : List.of("epoch", "pending")) {
            if (!expect.has(quantity)) {
                continue;
            }
            String label = "check: " + quantity;
            if (observable.contains(quantity)) {
                probes.add(new Probe(step, label, request(quantity, null), ResultShape.VALUE, expect.get(quantity), null));
            } else {
                notObserved.add(new StepNote(step.number(), label, Hex.normalise(expect.get(quantity).asText()), null,
                        quantity + " not observable", false));
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
