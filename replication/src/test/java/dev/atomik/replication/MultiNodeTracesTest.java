package dev.atomik.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomik.replication.traces.MultiNodeTraceGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The multi-node golden traces: enough of them, every demonstration present with the outcome it
 * claims, headers that follow trace-format.md, clauses that exist, a replay that reproduces every
 * step, and checked-in files equal to what the generator writes today.
 */
class MultiNodeTracesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path TRACES = ROOT.resolve("conformance/traces/replication");

    /** What the final check of each trace must say: converged or not. */
    private static final Map<String, Boolean> FINAL_CONVERGED = Map.ofEntries(
            Map.entry("replication/tutorial-3-nodes", true),
            Map.entry("replication/opposite-delivery-orders", true),
            Map.entry("replication/reorder-delay-seed-1", true),
            Map.entry("replication/reorder-delay-seed-2", true),
            Map.entry("replication/reorder-delay-seed-3", true),
            Map.entry("replication/reorder-delay-seed-4", true),
            Map.entry("replication/duplicate-without-dedup", false),
            Map.entry("replication/duplicate-with-dedup", true),
            Map.entry("replication/random-duplicates-without-dedup-seed-7", false),
            Map.entry("replication/random-duplicates-with-dedup-seed-7", true),
            Map.entry("replication/drop-then-resend", true),
            Map.entry("replication/drop-then-snapshot", true),
            Map.entry("replication/blind-resend-without-dedup", false),
            Map.entry("replication/blind-resend-with-dedup", true),
            Map.entry("replication/concurrent-writes-small", true),
            Map.entry("replication/concurrent-writes-tutorial", true),
            Map.entry("replication/swap-is-not-last-writer-wins", false),
            Map.entry("replication/lossy-partition-then-resend-seed-11", true),
            Map.entry("replication/holding-partition-seed-12", true),
            Map.entry("replication/random-drops-then-resend-seed-13", true),
            Map.entry("replication/width-1", true),
            Map.entry("replication/address-edges", false),
            Map.entry("replication/unloaded-keys", false),
            Map.entry("replication/full-node", false),
            Map.entry("replication/full-node-receive", false),
            Map.entry("replication/capacity-1", false));

    /** Traces of an init the model refuses: the init is their only step, with the model's error. */
    private static final Map<String, String> REFUSED_INIT = Map.of(
            "replication/init-width-0", "BAD_WIDTH", "replication/init-width-65", "BAD_WIDTH",
            "replication/init-capacity-0", "BAD_SIZE", "replication/init-capacity-negative", "BAD_SIZE");

    /** Traces that must show replicas apart before their repair. */
    private static final Set<String> APART_BEFORE_REPAIR = Set.of(
            "replication/drop-then-resend", "replication/drop-then-snapshot",
            "replication/lossy-partition-then-resend-seed-11", "replication/random-drops-then-resend-seed-13");

    private static List<Boolean> checks(List<JsonNode> trace) {
        List<Boolean> out = new ArrayList<>();
        for (JsonNode step : trace.subList(1, trace.size())) {
            if (step.get("op").asText().equals("check")) {
                out.add(step.get("expect").get("converged").asBoolean());
            }
        }
        return out;
    }

    @Test
    void at_least_fifteen_traces_each_with_the_outcome_it_claims() {
        List<Scenario> all = Scenarios.all();
        assertTrue(all.size() >= 15, "only " + all.size() + " traces");
        Set<String> expectedIds = new HashSet<>(FINAL_CONVERGED.keySet());
        expectedIds.addAll(REFUSED_INIT.keySet());
        assertEquals(expectedIds, new HashSet<>(all.stream().map(Scenario::id).toList()));
        for (Scenario s : all) {
            if (REFUSED_INIT.containsKey(s.id())) {
                List<JsonNode> trace = MultiNodeTraceGenerator.trace(s);
                assertEquals(2, trace.size(), s.id());
                assertEquals(REFUSED_INIT.get(s.id()), trace.get(1).path("expect_error").asText(), s.id());
                continue;
            }
            List<Boolean> checks = checks(MultiNodeTraceGenerator.trace(s));
            assertEquals(FINAL_CONVERGED.get(s.id()), checks.get(checks.size() - 1), s.id());
            if (APART_BEFORE_REPAIR.contains(s.id())) {
                assertTrue(checks.contains(false), s.id() + " never shows the replicas apart");
            }
        }
    }

    @Test
    void headers_follow_trace_format_and_cite_existing_clauses() throws Exception {
        Set<String> known = new HashSet<>();
        Matcher m = Pattern.compile("\\| `([A-Z]+-[A-Z]+-\\d+)` \\|")
                .matcher(Files.readString(ROOT.resolve("spec/CLAUSES.md"), StandardCharsets.UTF_8));
        while (m.find()) {
            known.add(m.group(1));
        }
        assertTrue(known.contains("REP-CONV-1"), "could not read spec/CLAUSES.md");
        for (Scenario s : Scenarios.all()) {
            List<JsonNode> trace = MultiNodeTraceGenerator.trace(s);
            JsonNode h = trace.get(0);
            assertEquals(1, h.get("atomik_trace").asInt());
            assertEquals(s.id(), h.get("id").asText());
            for (JsonNode c : h.get("clauses")) {
                assertTrue(known.contains(c.asText()), s.id() + ": unknown clause " + c.asText());
            }
            TreeSet<String> ops = new TreeSet<>();
            Set<String> nodes = new HashSet<>();
            for (JsonNode step : trace.subList(1, trace.size())) {
                ops.add(step.get("op").asText());
            }
            trace.get(1).get("nodes").forEach(n -> nodes.add(n.asText()));
            List<String> declared = new ArrayList<>();
            h.get("requires").get("ops").forEach(o -> declared.add(o.asText()));
            assertEquals(new ArrayList<>(ops), declared, s.id() + ": requires.ops");
            assertEquals(nodes.size(), h.get("requires").get("nodes").asInt(), s.id());
            assertEquals("cache", h.get("requires").get("kind").asText());
            assertEquals(Hex.of(s.seed()), h.get("origin").get("seed").asText());
        }
    }

    @Test
    void every_trace_replays_step_for_step() {
        for (Scenario s : Scenarios.all()) {
            List<JsonNode> trace = MultiNodeTraceGenerator.trace(s);
            assertNull(Replay.verify(trace.subList(1, trace.size()), 2), s.id());
        }
    }

    /** Regenerate with MultiNodeTraceGenerator conformance/traces/replication when this fails. */
    @Test
    void checked_in_traces_are_current() throws Exception {
        for (Scenario s : Scenarios.all()) {
            Path file = TRACES.resolve(s.id().substring("replication/".length()) + ".ndjson");
            assertTrue(Files.exists(file), "missing " + file + ": run MultiNodeTraceGenerator conformance/traces/replication");
            String expected = Ndjson.write(MultiNodeTraceGenerator.trace(s));
            assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8), file + " is stale");
            List<JsonNode> onDisk = Ndjson.read(file);
            assertNull(Replay.verify(onDisk.subList(1, onDisk.size()), 2), file.toString());
        }
    }
}
