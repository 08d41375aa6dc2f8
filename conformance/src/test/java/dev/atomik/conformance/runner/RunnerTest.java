package dev.atomik.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapters.model.ModelAdapter;
import dev.atomik.conformance.trace.TraceParser;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The runner contract of conformance/INTERPRETING.md, against the model and scripted misbehaving adapters. */
class RunnerTest {
    private static final TraceLoader LOADER = new TraceLoader(TraceParser.withSpec());

    static Path resource(String name) {
        try {
            return Path.of(RunnerTest.class.getResource("/runner/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RunResult run(String dir, String filter, Supplier<Adapter> adapter, Duration timeout) throws Exception {
        List<LoadedTrace> traces = LOADER.load(resource(dir), filter);
        try (AdapterSession session = new AdapterSession("test", adapter, timeout)) {
            return new Runner().run(traces, session, RunListener.NONE);
        }
    }

    private static RunResult run(String dir, Supplier<Adapter> adapter) throws Exception {
        return run(dir, null, adapter, Duration.ofSeconds(5));
    }

    @Test
    void everyHandWrittenTracePassesOnTheModel() throws Exception {
        RunResult r = run("pass", ModelAdapter::new);
        assertEquals(List.of("context/basic", "stream/drain", "table/merge", "wire/encode"),
                r.traces().stream().map(TraceResult::id).toList());
        r.traces().forEach(t -> assertEquals(Status.PASS, t.status(), t.id() + ": " + t.describe()));
        assertEquals(new RunSummary(4, 0, 0, 0, 0, 7 + 7 + 7 + 3, 28, 0, 0), r.summary());
        assertEquals(ExitCodes.PASSED, r.exitCode());
    }

    @Test
    void aWrongValueFailsTheStepWithExpectedAndActual() throws Exception {
        RunResult r = run("fail", ModelAdapter::new);
        TraceResult t = r.traces().get(0);
        assertEquals(Status.FAIL, t.status());
        assertEquals(4, t.failedStep());
        assertEquals("read", t.op());
        assertEquals("0x4", t.expected());
        assertEquals("0x3", t.actual());
        assertEquals(List.of("CTX-ACCUM-1"), t.clauses());
        assertEquals(ExitCodes.FAILED, r.exitCode());
    }

    @Test
    void aMissingCapabilityIsASkipWithTheReason() throws Exception {
        RunResult r = run("pass", () -> new ScriptedAdapter(ScriptedAdapter.Misbehaviour.NONE,
                c -> Capabilities.v1(Set.of("context", "table", "wire"), 32, 32, 1, 1, 1, 1,
                        Set.of("init", "load", "accum", "read", "swap", "count", "encode", "decode"))));
        assertEquals("width 8 not declared (widths 32..32)", find(r, "context/basic").reason());
        assertEquals("kind stream not declared (kinds context, table, wire)", find(r, "stream/drain").reason());
        assertEquals("width 64 not declared (widths 32..32); table size 2 exceeds contexts 1; op merge not declared for table",
                find(r, "table/merge").reason());
        assertEquals(Status.PASS, find(r, "wire/encode").status());
        assertEquals(3, r.summary().skipped());
        assertEquals(ExitCodes.PASSED, r.exitCode(), "skips are not failures");
    }

    @Test
    void onlySkipsIsAnEmptyRunAndAnError() throws Exception {
        RunResult r = run("pass", null, () -> new ScriptedAdapter(ScriptedAdapter.Misbehaviour.NONE,
                c -> Capabilities.v1(Set.of(), 1, 64, 1, 1, 1, 1, Set.of())), Duration.ofSeconds(5));
        assertEquals(0, r.summary().steps());
        assertEquals(ExitCodes.HARNESS, r.exitCode());
        assertTrue(r.emptyReason().startsWith("no step executed"), r.emptyReason());
    }

    @Test
    void noMatchingTraceIsAnError() throws Exception {
        RunResult r = run("pass", "nothing-matches", ModelAdapter::new, Duration.ofSeconds(5));
        assertEquals(ExitCodes.HARNESS, r.exitCode());
        assertEquals("no trace matched", r.emptyReason());
    }

    @Test
    void aFaultEndsTheTraceAsErrorAndTheAdapterIsReopened() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        RunResult r = run("pass", () -> opened.incrementAndGet() == 2
                ? new ScriptedAdapter(ScriptedAdapter.Misbehaviour.NONE)
                : opened.get() == 1 ? new ScriptedAdapter(ScriptedAdapter.Misbehaviour.CRASH_AT_REQUEST_3)
                : new ModelAdapter());
        TraceResult first = r.traces().get(0);
        assertEquals(Status.ERROR, first.status());
        assertEquals(3, first.failedStep(), "request 3 is step 3 (request 0 is the reset)");
        assertTrue(first.reason().equals("CRASH at step 3: process exited (exit 139)"), first.reason());
        assertTrue(first.clauses().contains("PROTO-FAULT-1"));
        assertEquals(2, first.stepsExecuted());
        assertEquals(Status.PASS, r.traces().get(1).status(), "the run goes on with a fresh adapter");
        assertEquals(2, opened.get());
        assertEquals(ExitCodes.FAILED, r.exitCode());
    }

    @Test
    void aHungAdapterTimesOut() throws Exception {
        RunResult r = run("pass", "context/basic", () -> new ScriptedAdapter(ScriptedAdapter.Misbehaviour.HANG),
                Duration.ofMillis(1));
        TraceResult t = r.traces().get(0);
        assertEquals(Status.ERROR, t.status());
        assertTrue(t.reason().startsWith("TIMEOUT"), t.reason());
    }

    @Test
    void anExceptionFromAnInProcessAdapterIsACrash() throws Exception {
        RunResult r = run("pass", "wire", () -> new ScriptedAdapter(ScriptedAdapter.Misbehaviour.THROW),
                Duration.ofSeconds(5));
        assertTrue(r.traces().get(0).reason().contains("adapter threw java.lang.IllegalStateException: boom"),
                r.traces().get(0).reason());
    }

    @Test
    void aWronglyShapedReplyIsABadReplyError() throws Exception {
        RunResult r = run("pass", "context/basic", () -> new ScriptedAdapter(ScriptedAdapter.Misbehaviour.VALUE_AS_NUMBER),
                Duration.ofSeconds(5));
        TraceResult t = r.traces().get(0);
        assertEquals(Status.ERROR, t.status());
        assertEquals(4, t.failedStep());
        assertEquals("BAD_REPLY at step 4: value must be a hex string", t.reason());
    }

    @Test
    void unsupportedForADeclaredOpFailsTheStep() throws Exception {
        RunResult r = run("pass", "context/basic", () -> new ScriptedAdapter(ScriptedAdapter.Misbehaviour.UNSUPPORTED_READ),
                Duration.ofSeconds(5));
        TraceResult t = r.traces().get(0);
        assertEquals(Status.FAIL, t.status());
        assertEquals("error UNSUPPORTED", t.actual());
        assertTrue(t.clauses().contains("PROTO-CAPS-1"), t.clauses().toString());
    }

    @Test
    void aMalformedTraceIsAnErrorAndAHarnessProblem() throws Exception {
        RunResult r = run("malformed", ModelAdapter::new);
        TraceResult t = r.traces().get(0);
        assertEquals(Status.ERROR, t.status());
        assertTrue(t.reason().contains("bad-addr.ndjson:3: value: expected a hex string"), t.reason());
        assertNull(t.failedStep());
        assertEquals(ExitCodes.HARNESS, r.exitCode());
    }

    @Test
    void filtersAreGlobsOrSubstrings() {
        assertTrue(TraceLoader.matcher("context/*").test("context/basic"));
        assertTrue(!TraceLoader.matcher("context/*").test("table/merge"));
        assertTrue(TraceLoader.matcher("erg").test("table/merge"));
        assertTrue(TraceLoader.matcher(null).test("anything"));
    }

    private static TraceResult find(RunResult r, String id) {
        return r.traces().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }
}
