package dev.atomik.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.adapters.model.ModelAdapter;
import dev.atomik.conformance.adapters.process.PerNodeProcessAdapter;
import dev.atomik.conformance.adapters.process.ProcessAdapter;
import dev.atomik.conformance.adapters.process.RepoRoot;
import dev.atomik.conformance.trace.TraceFormatException;
import dev.atomik.conformance.trace.TraceParser;
import dev.atomik.conformance.trace.TraceProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-node (kind cache) traces, spec/trace-format-multinode.md: the golden replication traces run
 * on the model and on the Python sample in both hostings (one process for every node, one process
 * per node); an impossible schedule is rejected with file:line; and two broken cache nodes are
 * caught (REP-CACHE-1, NG-DUP-1).
 */
class MultiNodeRunnerTest {
    private static final Path ROOT = RepoRoot.find();
    private static final Path REPLICATION = ROOT.resolve("conformance/traces/replication");
    private static final TraceParser PARSER = TraceParser.withSpec();
    /** Traces whose every put writes over 0 (old ⊕ new = new), or that have none (a refused init): a node sending the new value passes them. */
    private static final Set<String> ZERO_OLD_PUTS = Set.of("replication/full-node", "replication/unloaded-keys",
            "replication/full-node-receive", "replication/init-width-0", "replication/init-width-65",
            "replication/init-capacity-0", "replication/init-capacity-negative");

    private static RunResult run(Supplier<Adapter> adapter) throws Exception {
        List<LoadedTrace> traces = new TraceLoader(PARSER).load(REPLICATION, null);
        long files;
        try (var listing = java.nio.file.Files.list(REPLICATION)) {
            files = listing.filter(f -> f.toString().endsWith(".ndjson")).count();
        }
        // Every golden replication trace loads (the generator adds some; at least the original 20 and PIT's 4).
        assertEquals(files, traces.size(), "every golden replication trace in " + REPLICATION);
        assertTrue(files >= 24, "the golden replication traces: " + files);
        try (AdapterSession session = new AdapterSession("test", adapter, Duration.ofSeconds(30))) {
            return new Runner().run(traces, session, RunListener.NONE);
        }
    }

    private static void assertAllPass(RunResult r) {
        r.traces().forEach(t -> assertEquals(Status.PASS, t.status(), t.id() + ": " + t.describe()));
        assertEquals(r.traces().size(), r.summary().passed());
        assertTrue(r.summary().steps() > 700, "every step was executed: " + r.summary());
    }

    @Test
    void everyReplicationTracePassesOnTheModel() throws Exception {
        assertAllPass(run(ModelAdapter::new));
    }

    @Test
    void pythonSamplePassesWithEveryNodeInOneProcess() throws Exception {
        assumeTrue(available("python3"), "python3 not installed");
        assertAllPass(run(() -> ProcessAdapter.start(List.of("python3", "samples/python/atomik_adapter.py"), ROOT, true,
                Duration.ofSeconds(30))));
    }

    @Test
    void pythonSamplePassesWithOneProcessPerNode() throws Exception {
        assumeTrue(available("python3"), "python3 not installed");
        assertAllPass(run(() -> new PerNodeProcessAdapter(List.of("python3", "samples/python/atomik_adapter.py"), ROOT,
                Duration.ofSeconds(30))));
    }

    @Test
    void aDeliverOfACopyNotInFlightIsRejectedWithFileAndLine(@TempDir Path dir) throws Exception {
        // Line 8 sends A's copy to B instead of C, so the deliver to C on line 11 has nothing to take.
        Path file = mutated(dir, "tutorial-3-nodes", l -> l.replace(
                "{\"op\":\"send\",\"from\":\"A\",\"to\":\"C\",\"seq\":\"0x1\"}",
                "{\"op\":\"send\",\"from\":\"A\",\"to\":\"B\",\"seq\":\"0x1\"}"));
        List<TraceProblem> problems = problems(file);
        assertEquals(file + ":11: deliver A→C seq 0x1: no such copy in flight (send it first)", problems.get(0).toString());
    }

    @Test
    void bytesThatDoNotEncodeThePutsMessageAreRejected(@TempDir Path dir) throws Exception {
        Path file = mutated(dir, "tutorial-3-nodes", l -> l.replace("00000000000000001453045100000001\",\"expect\":\"applied\"}",
                "00000000000000001453145100000001\",\"expect\":\"applied\"}"));
        assertTrue(problems(file).get(0).toString().startsWith(file + ":10: bytes: 00000000000000001453145100000001 do not "
                + "encode the message A's put issued as seq 0x1"), problems(file).toString());
    }

    @Test
    void aDeliverExpectationTheDeliveryLayerContradictsIsRejected(@TempDir Path dir) throws Exception {
        // With de-duplication on, the second copy of A's seq 1 to B is filtered, never applied (REP-DEDUP-1).
        Path file = mutated(dir, "duplicate-with-dedup", l -> l.contains("\"expect\":\"filtered\"")
                ? l.replace("\"expect\":\"filtered\"", "\"expect\":\"applied\"") : l);
        assertTrue(problems(file).stream().anyMatch(p -> p.reason().startsWith(
                "expect: the delivery layer of B filters this copy")), problems(file).toString());
    }

    @Test
    void aSnapshotWhileACopyIsInFlightToItsTargetIsRejected(@TempDir Path dir) throws Exception {
        // Remove the drop: A's copy to C is then still in flight when B's snapshot is installed on C.
        Path file = mutated(dir, "drop-then-snapshot", l -> l.startsWith("{\"op\":\"drop\"") ? null : l);
        assertTrue(problems(file).stream().anyMatch(p -> p.reason().startsWith(
                "snapshot B→C: A→C seq 0x1 is still in flight to C")), problems(file).toString());
    }

    @Test
    void aCapacityBelowOneWithoutBadSizeIsRejected(@TempDir Path dir) throws Exception {
        Path file = mutated(dir, "init-capacity-0", l -> l.replace(",\"expect_error\":\"BAD_SIZE\"", ""));
        assertEquals(file + ":2: capacity: a cache node holds at least 1 key; an init of capacity 0 expects BAD_SIZE",
                problems(file).get(0).toString());
    }

    @Test
    void aStepAfterARefusedInitIsRejected(@TempDir Path dir) throws Exception {
        Path file = mutated(dir, "init-width-0", l -> l.startsWith("{\"op\":\"init\"")
                ? l + "\n{\"op\":\"get\",\"node\":\"A\",\"addr\":\"0x0\"}" : l);
        assertTrue(problems(file).stream().anyMatch(p -> p.line() == 3 && p.reason().startsWith(
                "get after an init that expects an error")), problems(file).toString());
    }

    @Test
    void aFilteredDeliverCannotExpectAnError(@TempDir Path dir) throws Exception {
        Path file = mutated(dir, "duplicate-with-dedup", l -> l.contains("\"expect\":\"filtered\"")
                ? l.replace("\"expect\":\"filtered\"", "\"expect_error\":\"CAPACITY_EXCEEDED\"") : l);
        assertTrue(problems(file).stream().anyMatch(p -> p.reason().startsWith(
                "expect_error: the delivery layer of B filters this copy")), problems(file).toString());
    }

    /** PROTO-CAPS-1: without kinds.cache.capacity a trace that sets a key capacity is skipped, with the reason. */
    @Test
    void aTraceSettingACapacitySkipsWhenTheCapabilityIsNotDeclared() throws Exception {
        dev.atomik.conformance.trace.Trace trace = PARSER.parse(REPLICATION.resolve("capacity-1.ndjson"));
        dev.atomik.conformance.adapter.Capabilities without = dev.atomik.conformance.adapter.Capabilities.builder()
                .widths(1, 64).nodes(16).kind("cache", Set.of("init", "load", "swap", "put", "get", "receive")).build();
        assertEquals("the trace sets a cache key capacity in init; kinds.cache.capacity not declared",
                CapabilityCheck.missing(trace, without));
        assertEquals(null, CapabilityCheck.missing(trace, new ModelAdapter().hello().capabilities()));
    }

    /** REP-CACHE-1: a node whose put issues the new value instead of old ⊕ new. */
    @Test
    void aNodeSendingTheNewValueInsteadOfTheDeltaIsCaught() throws Exception {
        RunResult r = run(() -> new Tampered(reply -> {
            if (reply.request().path("op").asText().equals("put") && reply.reply().has("message")) {
                ObjectNode m = (ObjectNode) reply.reply().get("message");
                m.put("delta", reply.request().get("value").asText());
            }
        }));
        // A put whose old value is 0 sends old ⊕ new = new: the tampering is invisible there, and only there.
        List<String> passed = r.traces().stream().filter(t -> t.status() == Status.PASS).map(TraceResult::id).toList();
        assertEquals(r.traces().size() - passed.size(), r.summary().failed(), r.summary().toString());
        assertEquals(List.of(), passed.stream().filter(id -> !ZERO_OLD_PUTS.contains(id)).toList(),
                "every trace with a put over a non-zero value fails");
        TraceResult tutorial = find(r, "replication/tutorial-3-nodes");
        assertEquals(6, tutorial.failedStep());
        assertEquals("put", tutorial.op());
    }

    /** NG-DUP-1: a node that de-duplicates inside the algebra, ignoring a delta it has received before. */
    @Test
    void aNodeThatDeduplicatesInsideTheAlgebraIsCaught() throws Exception {
        Set<String> seen = new HashSet<>();
        RunResult r = run(() -> new Tampered(exchange -> {
            ObjectNode req = exchange.request();
            if (req.path("op").asText().equals("reset")) {
                seen.clear();
            }
            if (req.path("op").asText().equals("receive")
                    && !seen.add(req.get("node").asText() + req.get("bytes").asText())) {
                exchange.undo().run(); // the repeat is swallowed: its delta is folded in a second time to cancel
            }
        }));
        Map<String, Status> failed = new TreeMap<>();
        r.traces().stream().filter(t -> t.status() != Status.PASS).forEach(t -> failed.put(t.id(), t.status()));
        assertTrue(failed.containsKey("replication/duplicate-without-dedup"), "NG-DUP-1 trace catches it: " + failed);
        assertTrue(failed.containsKey("replication/blind-resend-without-dedup"), failed.toString());
        assertEquals(Status.PASS, find(r, "replication/duplicate-with-dedup").status(),
                "with the runner's de-duplication on, such a node cannot be told apart");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static TraceResult find(RunResult r, String id) {
        return r.traces().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /** A copy of a golden trace with each line passed through {@code edit} (null drops the line). */
    private static Path mutated(Path dir, String name, Function<String, String> edit) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(REPLICATION.resolve(name + ".ndjson"), StandardCharsets.UTF_8)) {
            String edited = edit.apply(line);
            if (edited != null) {
                out.add(edited);
            }
        }
        Path file = dir.resolve("replication").resolve(name + ".ndjson");
        Files.createDirectories(file.getParent());
        Files.write(file, out, StandardCharsets.UTF_8);
        return file;
    }

    private static List<TraceProblem> problems(Path file) {
        return assertThrows(TraceFormatException.class, () -> PARSER.parse(file)).problems();
    }

    private static boolean available(String program) {
        try {
            return new ProcessBuilder(program, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** One request, its reply (editable), and a way to undo its effect by applying it again. */
    private record Exchange(ObjectNode request, ObjectNode reply, Runnable undo) {
    }

    /** The model with a deliberate bug applied to each exchange: a broken cache node. */
    private static final class Tampered implements Adapter {
        private final ModelAdapter model = new ModelAdapter();
        private final java.util.function.Consumer<Exchange> bug;

        Tampered(java.util.function.Consumer<Exchange> bug) {
            this.bug = bug;
        }

        @Override
        public Hello hello() {
            return model.hello();
        }

        @Override
        public List<ObjectNode> execute(List<ObjectNode> requests, Duration timeout) {
            List<ObjectNode> replies = new ArrayList<>();
            for (ObjectNode request : requests) {
                ObjectNode reply = model.execute(List.of(request), timeout).get(0);
                bug.accept(new Exchange(request, reply, () -> model.execute(List.of(request), timeout)));
                replies.add(reply);
            }
            return replies;
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
