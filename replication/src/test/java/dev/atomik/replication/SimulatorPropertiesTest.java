package dev.atomik.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties of the seeded simulator over many seeds. */
class SimulatorPropertiesTest {

    private static Workload work(int nodes) {
        return Workload.random(nodes, 3, 12).withInitial(0, 0xCAFEBABEL).withInitial(2, 0x1234L);
    }

    /**
     * REP-CONV-1, NG-ORDER-1: with exactly-once delivery in any order every node converges, and to
     * reference ⊕ (XOR of every delta issued for the key).
     */
    @Property(tries = 150)
    void required_REP_CONV_1_any_reordering_converges(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int nodes,
                                                      @ForAll @IntRange(min = 0, max = 6) int maxDelay) {
        Workload w = work(nodes);
        Cluster c = Simulator.run(seed, w, Faults.reorderOnly(maxDelay), true);
        ConvergenceReport r = c.convergence();
        assertTrue(r.converged(), "seed " + seed + ": " + r);
        Map<Long, Long> expected = new HashMap<>(w.initial());
        for (JsonNode step : c.steps()) {
            if (step.get("op").asText().equals("put")) {
                long key = Hex.parse(step.get("addr").asText(), "addr");
                long delta = Hex.parse(step.get("expect").get("delta").asText(), "delta");
                expected.merge(key, delta, (a, b) -> a ^ b);
            }
        }
        for (Map.Entry<Long, Long> e : expected.entrySet()) {
            assertEquals(e.getValue(), r.agreedValue(e.getKey()), "seed " + seed + " key " + e.getKey());
        }
        assertEquals(0, c.inFlightCount());
    }

    /** REP-DEDUP-1: with duplicating links and de-duplication every node converges. */
    @Property(tries = 100)
    void recommended_REP_DEDUP_1_dedup_converges_under_duplication(@ForAll long seed) {
        Cluster c = Simulator.run(seed, work(3), Faults.reorderOnly(3).withDuplicates(0.4), true);
        assertTrue(c.convergence().converged(), "seed " + seed);
    }

    /**
     * NG-DUP-1: without de-duplication, a run in which some copy was applied twice and no other
     * key state masks it ends apart; here we check the exact claim on every run: each node's state
     * is the reference XOR every delta applied an odd number of times.
     */
    @Property(tries = 100)
    void required_NG_DUP_1_duplicates_apply_with_parity(@ForAll long seed) {
        Cluster c = Simulator.run(seed, Workload.random(3, 1, 6).withInitial(0, 0x77L),
                Faults.reorderOnly(2).withDuplicates(0.5), false);
        long[] state = {0x77L, 0x77L, 0x77L};
        Map<String, Long> deltas = new HashMap<>();
        for (JsonNode s : c.steps()) {
            String op = s.get("op").asText();
            if (op.equals("put")) {
                int node = NodeNames.index(s.get("node").asText(), 3);
                state[node] = Hex.parse(s.get("value").asText(), "value");
                deltas.put(s.get("node").asText() + s.get("expect").get("seq").asText(),
                        Hex.parse(s.get("expect").get("delta").asText(), "delta"));
            } else if (op.equals("deliver")) {
                assertEquals("applied", s.get("expect").asText(), "no dedup: every copy is applied");
                state[NodeNames.index(s.get("to").asText(), 3)] ^= deltas.get(s.get("from").asText() + s.get("seq").asText());
            }
        }
        for (int n = 0; n < 3; n++) {
            assertEquals(state[n], c.peek(n, 0), "seed " + seed + " node " + n);
        }
    }

    /** REP-REPAIR-1: after random drops, re-sending exactly what was lost converges every run. */
    @Property(tries = 100)
    void recommended_REP_REPAIR_1_resend_repairs_drops(@ForAll long seed) {
        Cluster c = Simulator.run(seed, work(4), Faults.reorderOnly(3).withDrops(0.3), true);
        Repair.resendMissing(c);
        assertTrue(c.convergence().converged(), "seed " + seed + ": " + c.convergence());
    }

    /** A lossy partition leaves the isolated node apart until repair; a holding one does not. */
    @Property(tries = 50)
    void recommended_REP_REPAIR_1_partitions(@ForAll long seed) {
        Faults holding = Faults.reorderOnly(2).withPartition(new Faults.Partition(1, 10, Set.of(2), false));
        assertTrue(Simulator.run(seed, work(3), holding, true).convergence().converged(), "seed " + seed);
        Faults lossy = Faults.reorderOnly(2).withPartition(new Faults.Partition(1, 10, Set.of(2), true));
        Cluster c = Simulator.run(seed, work(3), lossy, true);
        Repair.resendMissing(c);
        assertTrue(c.convergence().converged(), "seed " + seed);
    }

    /** Same seed, same schedule, byte for byte; and a replay of the schedule gives the same bytes. */
    @Property(tries = 60)
    void same_seed_same_schedule_and_replay_is_byte_identical(@ForAll long seed) {
        Faults everything = Faults.reorderOnly(3).withDrops(0.1).withDuplicates(0.2)
                .withPartition(new Faults.Partition(3, 8, Set.of(0), true));
        String first = Ndjson.write(Simulator.run(seed, work(3), everything, false).steps());
        String second = Ndjson.write(Simulator.run(seed, work(3), everything, false).steps());
        assertEquals(first, second);
        List<JsonNode> parsed = Ndjson.read(first, "schedule");
        assertEquals(first, Ndjson.write(Replay.run(parsed, 1).steps()));
        assertNull(Replay.verify(parsed, 1));
    }

    /** Different seeds give different runs (the seed is really used). */
    @Test
    void different_seeds_differ() {
        String a = Ndjson.write(Simulator.run(1, work(3), Faults.reorderOnly(3), true).steps());
        String b = Ndjson.write(Simulator.run(2, work(3), Faults.reorderOnly(3), true).steps());
        assertTrue(!a.equals(b));
    }

    /** A schedule written to a file and read back replays to the same bytes. */
    @Test
    void schedule_file_round_trip(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.ndjson");
        Cluster c = Simulator.run(42, work(3), Faults.reorderOnly(2).withDuplicates(0.3), true);
        Ndjson.write(file, c.steps());
        String again = Ndjson.write(Replay.run(Ndjson.read(file), 1).steps());
        assertEquals(Files.readString(file), again);
    }

    /** A tampered expectation is reported with its line. */
    @Test
    void replay_verify_names_the_first_wrong_line() {
        String text = Ndjson.write(Scenarios.tutorial().steps()).replace("\"expect\":\"0xdeadbeef\"", "\"expect\":\"0xdeadbeee\"");
        String problem = Replay.verify(Ndjson.read(text, "t"), 1);
        assertTrue(problem != null && problem.startsWith("line "), String.valueOf(problem));
    }
}
