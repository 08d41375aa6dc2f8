package dev.atomik.conformance.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterProvider;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.adapters.model.ModelAdapter;
import dev.atomik.conformance.runner.AdapterCatalog;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.trace.TraceParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-node fuzzing (spec/trace-format-multinode.md): generated schedules are valid traces the
 * model passes; the model against itself finds nothing; a broken cache node is caught, shrunk to a
 * few steps and written as a trace the runner fails on it and passes on the model (REP-CACHE-1,
 * NG-DUP-1, REP-DEDUP-1, WIRE-FIELDS-1); the same seed writes the same bytes.
 */
class MultiNodeFuzzTest {
    static final long SEED = 0x5EED;
    static final long BUDGET = 20_000;
    /** Most steps besides the init a shrunk multi-node trace may keep. */
    static final int MOST_SHRUNK_STEPS = 8;
    private static final TraceParser PARSER = TraceParser.withSpec();

    @TempDir
    Path out;

    /** Only kind cache, so every sequence is multi-node. */
    private static final Capabilities CACHE_ONLY = Capabilities.v1(Set.of("cache"), 1, 64, 1, 1, 1, 4,
            Set.of("init", "load", "put", "get", "swap", "receive"));

    /** {@code cache:<bug>}: the model restricted to kind cache, with one deliberate bug in its nodes. */
    private static final class BrokenCacheProvider implements AdapterProvider {
        @Override
        public String scheme() {
            return "cache";
        }

        @Override
        public String description() {
            return "test: the model's cache nodes with a bug";
        }

        @Override
        public Adapter open(String argument) {
            return new BrokenCache(argument);
        }
    }

    private static final class BrokenCache implements Adapter {
        private final ModelAdapter model = new ModelAdapter();
        private final String bug;
        /** node + bytes of every receive since the reset, for the de-duplicating bug. */
        private final Set<String> received = new HashSet<>();

        BrokenCache(String bug) {
            if (!List.of("none", "put-sends-new-value", "dedup-inside-receive").contains(bug)) {
                throw new IllegalArgumentException("no such bug " + bug);
            }
            this.bug = bug;
        }

        @Override
        public Hello hello() {
            return new Hello("broken-cache-" + bug, "test", CACHE_ONLY);
        }

        @Override
        public List<ObjectNode> execute(List<ObjectNode> requests, Duration timeout) {
            List<ObjectNode> replies = new ArrayList<>();
            for (ObjectNode request : requests) {
                String op = request.path("op").asText();
                if (op.equals("reset")) {
                    received.clear();
                }
                if (bug.equals("dedup-inside-receive") && op.equals("receive")
                        && !received.add(request.get("node").asText() + request.get("bytes").asText())) {
                    replies.add(request.objectNode().put("ok", true)); // NG-DUP-1 broken: the repeat is ignored
                    continue;
                }
                ObjectNode reply = model.execute(List.of(request), timeout).get(0);
                if (bug.equals("put-sends-new-value") && op.equals("put") && reply.has("message")) {
                    // REP-CACHE-1 broken: the message carries the new value, not old ⊕ new
                    ((ObjectNode) reply.get("message")).put("delta", request.get("value").asText());
                }
                replies.add(reply);
            }
            return replies;
        }

        @Override
        public void close() {
            model.close();
        }
    }

    private static final AdapterCatalog CATALOG = catalog();

    private static AdapterCatalog catalog() {
        List<AdapterProvider> providers = new ArrayList<>(AdapterCatalog.discover().providers());
        providers.add(new BrokenCacheProvider());
        return new AdapterCatalog(providers);
    }

    private FuzzReport fuzz(String adapter, long seed, long steps, Path dir) {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Fuzzer.run(Fuzzer.Options.of(adapter, seed, steps, null, dir), CATALOG, log);
    }

    private TraceResult replay(LoadedTrace trace, String adapter) {
        try (AdapterSession session = new AdapterSession(adapter, CATALOG.opener(adapter), Duration.ofSeconds(5))) {
            return new Runner().runTrace(trace, session);
        }
    }

    /** Every generated schedule is a valid trace (MultiNodeRules) with the model's answers, and the model passes it. */
    @Test
    void generatedSchedulesAreValidTracesTheModelPasses() throws Exception {
        SequenceGenerator generator = new SequenceGenerator(SEED, CACHE_ONLY);
        MultiNodeFindingWriter writer = new MultiNodeFindingWriter(new ModelAdapter(), PARSER);
        for (long k = 0; k < 40; k++) {
            FuzzSequence s = generator.sequence(k);
            assertEquals("cache", s.kind());
            MultiNodePlan plan = MultiNodePlan.of(s.steps());
            // write() validates the text and throws on any problem
            MultiNodeFindingWriter.Written w = writer.write(out, "cache:none", SEED, k, plan, -1, "");
            LoadedTrace trace = new TraceLoader(PARSER).loadOne(w.file(), w.id());
            assertTrue(trace.problems().isEmpty(), String.valueOf(trace.problems()));
            TraceResult onModel = replay(trace, "model");
            assertEquals(Status.PASS, onModel.status(), "sequence " + k + ": " + onModel.describe());
        }
    }

    @Test
    void theModelAgainstItselfFindsNothingAndReachesEveryNetworkOp() {
        FuzzReport report = fuzz("cache:none", SEED, BUDGET, out);
        assertNull(report.finding(), () -> "disagreed: " + report.finding());
        assertEquals(BUDGET, report.steps());
        assertEquals(0, report.exitCode());
        assertTrue(report.notes().isEmpty(), report.notes().toString());
        for (String op : List.of("init", "load", "put", "get", "swap", "send", "duplicate", "drop", "deliver",
                "partition", "heal", "check")) {
            assertTrue(report.ops().getOrDefault(op, 0L) > 0, op + " never generated: " + report.ops());
        }
        assertTrue(report.errors().getOrDefault("ADDRESS_OUT_OF_RANGE", 0L) > 0, report.errors().toString());
    }

    /** REP-CACHE-1, WIRE-FIELDS-1: a node whose put issues the new value is caught at a put. */
    @Test
    void aNodeSendingTheNewValueIsCaughtShrunkAndReplayed() throws Exception {
        FuzzReport.Finding f = caughtAndReplayed("cache:put-sends-new-value");
        assertEquals("put", f.shrunk().get(f.shrunk().size() - 1).get("op").asText(), f.shrunk().toString());
    }

    /** NG-DUP-1: a node that ignores a repeated delivery is caught only through a duplicate or a resend without dedup. */
    @Test
    void aNodeThatDeduplicatesInsideReceiveIsCaughtShrunkAndReplayed() throws Exception {
        FuzzReport.Finding f = caughtAndReplayed("cache:dedup-inside-receive");
        assertEquals(false, f.shrunk().get(0).get("dedup").asBoolean(), "with dedup on the runner filters repeats");
        long delivers = f.shrunk().stream().filter(s -> s.get("op").asText().equals("deliver")).count();
        assertTrue(delivers >= 2, "two copies of one message must arrive: " + f.shrunk());
    }

    private FuzzReport.Finding caughtAndReplayed(String adapter) throws Exception {
        FuzzReport report = fuzz(adapter, SEED, BUDGET, out);
        assertEquals(1, report.exitCode(), adapter + " not caught in " + BUDGET + " steps");
        FuzzReport.Finding f = report.finding();
        assertNotNull(f.file(), "no trace written: " + f.replay());
        int kept = f.shrunk().size() - f.pinned();
        assertTrue(kept <= MOST_SHRUNK_STEPS, adapter + ": shrunk to " + kept + " steps: " + f.shrunk());
        assertTrue(f.replay().startsWith("fail"), f.replay());
        LoadedTrace trace = new TraceLoader(PARSER).loadOne(f.file(), f.traceId());
        assertTrue(trace.problems().isEmpty(), String.valueOf(trace.problems()));
        assertEquals("cache", trace.trace().header().requires().kind());
        assertEquals("shrunk", trace.trace().header().origin().path("kind").asText());
        assertEquals(Status.FAIL, replay(trace, adapter).status(), "the trace must fail on " + adapter);
        TraceResult onModel = replay(trace, "model");
        assertEquals(Status.PASS, onModel.status(), "the trace must pass on the model: " + onModel.describe());
        return f;
    }

    @Test
    void theSameSeedWritesTheSameMultiNodeTrace(@TempDir Path other) throws Exception {
        FuzzReport first = fuzz("cache:dedup-inside-receive", 7, BUDGET, out);
        FuzzReport second = fuzz("cache:dedup-inside-receive", 7, BUDGET, other);
        assertNotNull(first.finding().file());
        assertEquals(out.relativize(first.finding().file()), other.relativize(second.finding().file()));
        assertEquals(Files.readString(first.finding().file(), StandardCharsets.UTF_8),
                Files.readString(second.finding().file(), StandardCharsets.UTF_8));
        assertEquals(first.steps(), second.steps());
    }

    /**
     * --keep-going on multi-node sequences: each class is named by the multi-node step's op, its
     * trace fails on the adapter at a step of that op, and a waived class is only counted.
     */
    @Test
    void keepGoingFilesMultiNodeDisagreementsByTheStepsOp() throws Exception {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String adapter = "cache:put-sends-new-value";
        FuzzReport report = Fuzzer.run(Fuzzer.Options.of(adapter, SEED, 5_000, null, out).keepGoing(10, Set.of()),
                CATALOG, log);
        assertEquals(1, report.exitCode());
        FuzzClass put = FuzzClass.parse("put/value");
        assertTrue(report.found().stream().anyMatch(f -> f.fuzzClass().equals(put)), report.found().toString());
        for (FuzzReport.Found found : report.found()) {
            FuzzReport.Finding f = found.finding();
            assertNotNull(f.file(), found.fuzzClass() + ": " + f.replay());
            TraceResult onAdapter = replay(new TraceLoader(PARSER).loadOne(f.file(), f.traceId()), adapter);
            assertEquals(Status.FAIL, onAdapter.status(), onAdapter.describe());
            assertEquals(found.fuzzClass().op(), onAdapter.op(), found.fuzzClass() + ": " + onAdapter.describe());
        }
        FuzzReport waived = Fuzzer.run(Fuzzer.Options.of(adapter, SEED, 5_000, null, out).keepGoing(10, Set.of(put)),
                CATALOG, log);
        assertTrue(waived.found().stream().noneMatch(f -> f.fuzzClass().equals(put)), waived.found().toString());
        assertTrue(waived.waived().get(put.toString()) > 0, waived.waived().toString());
    }
}
