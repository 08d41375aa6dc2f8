package dev.atomik.conformance.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.adapters.model.ModelAdapter;
import dev.atomik.conformance.bench.LongTrace;
import dev.atomik.conformance.runner.AdapterCatalog;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.trace.TraceParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner sends a trace a window of steps at a time; the verdict must not depend on the window:
 * every golden trace, against the model, mutants and adapters that fault or answer malformed replies
 * part-way, gets the same result (status, step, op, expected, actual, reason, executed steps and the
 * step account) with windows of 1, 3 and the default, with and without --all-steps.
 */
class WindowedRunTest {
    private static final TraceLoader LOADER = new TraceLoader(TraceParser.withSpec());
    private static List<LoadedTrace> golden;

    @BeforeAll
    static void load() throws Exception {
        golden = LOADER.load(Path.of("traces"), null);
        assertTrue(golden.size() > 100, "golden traces found: " + golden.size());
    }

    /** Everything of a result but its time. */
    private static List<String> comparable(List<TraceResult> results) {
        List<String> out = new ArrayList<>();
        for (TraceResult r : results) {
            out.add(String.join(" | ", r.id(), r.status().name(), String.valueOf(r.failedStep()), String.valueOf(r.op()),
                    String.valueOf(r.expected()), String.valueOf(r.actual()), String.valueOf(r.reason()),
                    String.valueOf(r.stepsExecuted()), r.clauses().toString(), r.account().toString()));
        }
        return out;
    }

    private static List<TraceResult> run(List<LoadedTrace> traces, Supplier<Adapter> adapter, Runner.Options options) {
        try (AdapterSession session = new AdapterSession("test", adapter, Duration.ofSeconds(5))) {
            return new Runner(options).run(traces, session, RunListener.NONE).traces();
        }
    }

    private static void assertWindowsAgree(List<LoadedTrace> traces, Supplier<Adapter> adapter) {
        for (boolean allSteps : new boolean[] {false, true}) {
            List<String> whole = comparable(run(traces, adapter, new Runner.Options(allSteps)));
            for (int window : new int[] {1, 3}) {
                assertEquals(whole, comparable(run(traces, adapter, new Runner.Options(allSteps, window))),
                        "window " + window + ", all steps " + allSteps);
            }
        }
    }

    @Test
    void theModelPassesTheSameTracesWhateverTheWindow() {
        assertWindowsAgree(golden, ModelAdapter::new);
    }

    @Test
    void mutantsFailAtTheSameStepsWhateverTheWindow() {
        for (String mutant : List.of("mutant:load-keeps-accumulator", "mutant:swap-returns-new",
                "mutant:little-endian-wire", "mutant:null")) {
            List<TraceResult> results = run(golden, AdapterCatalog.discover().opener(mutant), Runner.Options.DEFAULT);
            assertTrue(results.stream().anyMatch(r -> r.status() == Status.FAIL), mutant + " fails some trace");
            assertWindowsAgree(golden, AdapterCatalog.discover().opener(mutant));
        }
    }

    @Test
    void faultsAndMalformedRepliesPartWayAreReportedAsInOneBatch() {
        // After a wrong value the trace is decided, yet a later fault still makes it an error; a
        // malformed reply counts only when no later request faults: exactly as with one batch.
        for (int at : new int[] {1, 2, 4, 7}) {
            for (Misbehaviour m : Misbehaviour.values()) {
                assertWindowsAgree(golden, () -> new Misbehaving(m, at));
                assertWindowsAgree(golden, () -> new Misbehaving(m, at + 1, Misbehaviour.WRONG_VALUE, at));
            }
        }
    }

    @Test
    void aTraceTooBigToHoldPassesAndAWrongValueFailsAtItsStep(@TempDir Path tmp) throws Exception {
        int steps = TraceParser.IN_MEMORY_STEPS * 2 + 7;
        LongTrace.write(tmp, steps, 0x5eed);
        List<LoadedTrace> traces = LOADER.load(tmp, null);
        assertFalse(traces.get(0).trace().inMemory(), "streamed from its file");
        assertEquals(steps, traces.get(0).trace().stepCount());
        TraceResult pass = run(traces, ModelAdapter::new, Runner.Options.DEFAULT).get(0);
        assertEquals(Status.PASS, pass.status(), pass.describe());
        assertEquals(steps, pass.stepsExecuted());
        assertEquals(steps, pass.account().reached(), "every step reached the implementation");
        // Wrong at request 12,345 (reset is request 0, so step 12,345): a read, since steps alternate.
        TraceResult fail = run(traces, () -> new Misbehaving(Misbehaviour.WRONG_VALUE, 12_345), Runner.Options.DEFAULT)
                .get(0);
        assertEquals(Status.FAIL, fail.status(), fail.describe());
        assertEquals(12_345, fail.failedStep());
        assertEquals("accum", fail.op());
        assertEquals(steps, fail.stepsExecuted());
    }

    enum Misbehaviour { CRASH, MALFORMED, WRONG_VALUE }

    /** The model, except that request {@code at} of the adapter's life (0: the first reset) misbehaves. */
    static final class Misbehaving implements Adapter {
        private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
        private final ModelAdapter model = new ModelAdapter();
        private final Misbehaviour first;
        private final int firstAt;
        private final Misbehaviour second;
        private final int secondAt;
        private int seen;

        Misbehaving(Misbehaviour m, int at) {
            this(m, at, null, -1);
        }

        /** Two misbehaviours, {@code m} at request {@code at} and {@code other} at request {@code otherAt}. */
        Misbehaving(Misbehaviour m, int at, Misbehaviour other, int otherAt) {
            this.first = m;
            this.firstAt = at;
            this.second = other;
            this.secondAt = otherAt;
        }

        @Override
        public Hello hello() throws AdapterFault {
            return model.hello();
        }

        @Override
        public List<ObjectNode> execute(List<ObjectNode> requests, Duration perStepTimeout) throws AdapterFault {
            List<ObjectNode> replies = new ArrayList<>(model.execute(requests, perStepTimeout));
            for (int i = 0; i < replies.size(); i++, seen++) {
                Misbehaviour m = seen == firstAt ? first : seen == secondAt ? second : null;
                if (m == Misbehaviour.CRASH) {
                    throw new AdapterFault(AdapterFault.Kind.CRASH, i, "scripted crash");
                } else if (m == Misbehaviour.MALFORMED) {
                    replies.set(i, JSON.objectNode().put("surprise", true));
                } else if (m == Misbehaviour.WRONG_VALUE) {
                    ObjectNode reply = replies.get(i);
                    replies.set(i, reply.has("value") ? JSON.objectNode().put("value", "0x" + Long.toHexString(
                            ~Long.parseUnsignedLong(reply.get("value").asText().substring(2), 16)))
                            : JSON.objectNode().put("error", "BAD_WIDTH"));
                }
            }
            return replies;
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
