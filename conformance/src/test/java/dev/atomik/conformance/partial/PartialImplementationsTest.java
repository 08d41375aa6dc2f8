package dev.atomik.conformance.partial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomik.conformance.adapters.process.ProcessAdapter;
import dev.atomik.conformance.adapters.process.RepoRoot;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.trace.Step;
import dev.atomik.conformance.trace.TraceParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verdict on partial implementations we did not design for passing (samples/partial): each runs
 * every trace whose subject it has, skips the others naming the missing capability, never fails for
 * a feature it did not claim, and check fields it cannot show are "not observed", never passed. The
 * do-nothing implementation passes nothing.
 *
 * <p>Which traces each should run is computed here from the trace files (kind, the ops written in
 * the steps), independently of the runner's CapabilityCheck, so a runner that skips too much fails.
 */
class PartialImplementationsTest {
    private static final Path ROOT = RepoRoot.find();
    private static List<LoadedTrace> traces;

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(Tools.onPath("python3"), "python3 is not installed");
        traces = new TraceLoader(TraceParser.withSpec()).load(ROOT.resolve("conformance/traces"), null);
    }


    private static RunResult run(String script) {
        List<String> command = List.of("python3", "samples/partial/" + script);
        try (AdapterSession session = new AdapterSession(script,
                () -> ProcessAdapter.start(command, ROOT, true, Duration.ofSeconds(30)), Duration.ofSeconds(10))) {
            return new Runner().run(traces, session, RunListener.NONE);
        }
    }

    private static Map<String, TraceResult> byId(RunResult run) {
        return run.traces().stream().collect(Collectors.toMap(TraceResult::id, t -> t));
    }

    private static Set<String> writtenOps(LoadedTrace t) {
        return t.trace().steps().stream().map(Step::op).filter(op -> !op.equals("check")).collect(Collectors.toSet());
    }

    private static String kind(LoadedTrace t) {
        return t.trace().header().requires().kind();
    }

    /**
     * The trace is about {@code field}: its first clause (its subject) is one that defines the field,
     * and it observes the field. Without the field it says nothing about its subject, so it skips.
     */
    private static boolean about(LoadedTrace t, String field, String... clauses) {
        boolean subject = List.of(clauses).contains(t.trace().header().clauses().get(0));
        return subject && t.trace().protocolOps().contains(field);
    }

    /** Every trace the predicate selects ran (passed, every deciding step answered by the implementation). */
    private static void assertRanAndPassed(RunResult run, Predicate<LoadedTrace> shouldRun) {
        Map<String, TraceResult> results = byId(run);
        List<String> wrong = new ArrayList<>();
        for (LoadedTrace t : traces) {
            TraceResult r = results.get(t.id());
            if (shouldRun.test(t) && r.status() != Status.PASS) {
                wrong.add(t.id() + ": " + r.status().label() + " " + r.describe());
            }
        }
        assertEquals(List.of(), wrong, "traces whose subject the implementation has must run and pass");
        for (TraceResult r : run.traces()) {
            if (r.status() == Status.SKIP) {
                assertTrue(r.reason().contains("not declared") || r.reason().contains("not observable")
                        || r.reason().contains("unbounded") || r.reason().contains("VAL-WIDE-1"),
                        r.id() + ": a skip names the missing capability: " + r.reason());
            }
            assertFalse(r.status() == Status.FAIL || r.status() == Status.ERROR, r.id() + ": " + r.describe());
        }
    }

    @Test
    void required_PROTO_CAPS_1_aStreamWithoutSwapEpochOrPendingRunsEverythingElse() {
        RunResult run = run("stream_no_swap.py");
        assertRanAndPassed(run, t -> !kind(t).equals("cache")
                && !(kind(t).equals("stream") && writtenOps(t).contains("swap"))
                && !(kind(t).equals("stream") && about(t, "pending", "STR-DRAIN-1"))
                && !(kind(t).equals("stream") && about(t, "epoch", "STR-EPOCH-1", "STR-LOAD-1", "STR-SWAP-1")));
        Map<String, TraceResult> r = byId(run);
        // Contexts and tables have SWAP: declared per kind, so they keep their coverage.
        assertEquals(Status.PASS, r.get("context/swap-value").status());
        assertEquals(Status.PASS, r.get("table/ops-at-last-address").status());
        assertEquals("op swap not declared for stream; epoch not observable on stream and the trace checks STR-SWAP-1 "
                + "through it", r.get("stream/swap-value").reason());
        // A stream check runs state and count and reports epoch and pending as not observed, per step.
        TraceResult check = r.get("stream/capacity-addresses");
        assertEquals(Status.PASS, check.status(), check.describe());
        assertTrue(check.account().notObserved().stream().anyMatch(n -> n.label().equals("check: epoch")),
                check.account().notObserved().toString());
        assertTrue(run.summary().notObserved() > 0);
        assertTrue(run.summary().passed() >= 100, "ran " + run.summary());
    }

    @Test
    void required_PROTO_CAPS_1_anUnboundedStreamSkipsOnlyTheCapacityTraces() {
        RunResult run = run("stream_unbounded.py");
        Predicate<LoadedTrace> capacity = t -> t.trace().header().clauses().contains("STR-CAP-1")
                || t.trace().steps().stream().anyMatch(s -> "CAPACITY_EXCEEDED".equals(s.expectError()));
        assertRanAndPassed(run, t -> (kind(t).equals("stream") || kind(t).equals("wire")) && !capacity.test(t));
        for (LoadedTrace t : traces) {
            if (kind(t).equals("stream") && capacity.test(t)) {
                TraceResult r = byId(run).get(t.id());
                assertEquals(Status.SKIP, r.status(), t.id());
                assertTrue(r.reason().contains("unbounded") && r.reason().contains("STR-CAP-1"), r.reason());
            }
        }
    }

    @Test
    void required_VAL_WIDTH_2_aWideWordContextSkipsOnlyTheWidth65RejectionTraces() {
        RunResult run = run("wide_context.py");
        assertRanAndPassed(run, t -> kind(t).equals("context") && t.trace().steps().stream()
                .noneMatch(s -> s.op().equals("init") && s.request().path("width").asInt() > 64));
        TraceResult wide = byId(run).get("values/bad-width-65-context");
        assertEquals(Status.SKIP, wide.status());
        assertTrue(wide.reason().contains("VAL-WIDE-1"), wide.reason());
        assertEquals(Status.PASS, byId(run).get("values/bad-width-0-context").status(), "width 0 is still rejected");
    }

    @Test
    void aDoNothingImplementationPassesNoTrace() {
        RunResult run = run("null.py");
        List<String> passed = run.traces().stream().filter(t -> t.status() == Status.PASS).map(TraceResult::id).toList();
        assertEquals(List.of(), passed, "an implementation answering 0 to everything passes nothing");
        assertEquals(0, run.summary().skipped(), "it declares everything, so every trace runs");
        assertEquals(1, run.exitCode());
    }
}
