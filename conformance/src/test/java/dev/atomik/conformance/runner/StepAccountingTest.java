package dev.atomik.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.adapters.model.ModelAdapter;
import dev.atomik.conformance.golden.GoldenFiles;
import dev.atomik.conformance.trace.TraceParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * --all-steps lists every disagreement after the first; replies flagged {@code harness} are never a
 * pass for the implementation (a trace decided only by them is not exercised); the summary counts
 * what reached the implementation.
 */
class StepAccountingTest {

    /** The model, with each reply passed through {@code edit} (request, reply) before the runner sees it. */
    private static Adapter edited(java.util.function.BiFunction<ObjectNode, ObjectNode, ObjectNode> edit) {
        ModelAdapter model = new ModelAdapter();
        return new Adapter() {
            @Override
            public Hello hello() {
                return model.hello();
            }

            @Override
            public List<ObjectNode> execute(List<ObjectNode> requests, Duration timeout) throws AdapterFault {
                List<ObjectNode> replies = model.execute(requests, timeout);
                List<ObjectNode> out = new ArrayList<>();
                for (int i = 0; i < replies.size(); i++) {
                    out.add(edit.apply(requests.get(i), replies.get(i)));
                }
                return out;
            }

            @Override
            public void close() {
                model.close();
            }
        };
    }

    private static RunResult run(String filter, Adapter adapter, boolean allSteps) throws Exception {
        List<LoadedTrace> traces = new TraceLoader(TraceParser.withSpec()).load(GoldenFiles.defaultTracesDir(), filter);
        try (AdapterSession session = new AdapterSession("test", () -> adapter, Duration.ofSeconds(5))) {
            return new Runner(new Runner.Options(allSteps)).run(traces, session, RunListener.NONE);
        }
    }

    private static ObjectNode offByOne(ObjectNode request, ObjectNode reply) {
        if (request.path("op").asText().equals("read") && reply.has("value")) {
            long v = Long.parseUnsignedLong(reply.get("value").asText().substring(2), 16);
            reply.put("value", "0x" + Long.toHexString(v ^ 1));
        }
        return reply;
    }

    @Test
    void allStepsListsEveryDisagreementAndKeepsTheFirstAsTheVerdict() throws Exception {
        TraceResult first = run("context/read-changes-nothing", edited(StepAccountingTest::offByOne), false)
                .traces().get(0);
        TraceResult all = run("context/read-changes-nothing", edited(StepAccountingTest::offByOne), true)
                .traces().get(0);
        assertEquals(Status.FAIL, first.status());
        assertEquals(1, first.account().divergences().size());
        assertEquals(Status.FAIL, all.status());
        assertEquals(first.failedStep(), all.failedStep(), "the verdict names the same first step");
        assertTrue(all.account().divergences().size() >= 3, all.account().divergences().toString());
        assertFalse(all.account().divergences().get(0).afterFirstDivergence());
        all.account().divergences().stream().skip(1).forEach(n -> assertTrue(n.afterFirstDivergence(), n.toString()));
    }

    @Test
    void aTraceDecidedOnlyByHarnessRepliesIsNotExercisedAndNeverPasses() throws Exception {
        UnaryOperator<ObjectNode> flag = reply -> reply.put("harness", true);
        RunResult run = run("values/bad-width-*", edited((req, reply) ->
                req.path("op").asText().equals("init") ? flag.apply(reply) : reply), false);
        assertFalse(run.traces().isEmpty());
        for (TraceResult t : run.traces()) {
            assertEquals(Status.NOT_EXERCISED, t.status(), t.id() + ": " + t.describe());
            assertEquals(0, t.account().reached());
        }
        assertEquals(0, run.summary().passed());
        assertEquals(ExitCodes.HARNESS, run.exitCode(), "nothing reached the implementation");
    }

    @Test
    void harnessRepliesBesideImplementationRepliesStillLetATracePassAndAreCounted() throws Exception {
        RunResult run = run("errors/atomic-failed-init", edited((req, reply) ->
                req.path("op").asText().equals("init") && reply.has("error") ? reply.put("harness", true) : reply), false);
        TraceResult t = run.traces().stream().filter(r -> r.id().equals("errors/atomic-failed-init")).findFirst()
                .orElseThrow();
        assertEquals(Status.PASS, t.status(), "the checks after the failed inits reached the implementation");
        assertEquals(2, t.account().harness());
        assertEquals(2, t.account().harnessSteps().size());
        assertTrue(run.summary().harness() >= 2);
        assertTrue(run.summary().reached() > 0);
    }

    @Test
    void aNonBooleanHarnessFlagIsABadReply() throws Exception {
        RunResult run = run("context/load-read", edited((req, reply) ->
                req.path("op").asText().equals("read") ? reply.put("harness", "yes") : reply), false);
        assertEquals(Status.ERROR, run.traces().get(0).status());
        assertTrue(run.traces().get(0).reason().contains("harness must be true or false"), run.traces().get(0).reason());
    }
}
