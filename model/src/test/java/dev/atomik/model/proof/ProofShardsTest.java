package dev.atomik.model.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The split of obligations over KeY workers, and the line a worker reports each result on. */
class ProofShardsTest {

    private static Obligation obligation(String id) {
        return new Obligation(id, "C", "m", List.of(), "normal", "key name of " + id, null);
    }

    @Test
    void everyObligationGoesToExactlyOneWorkerAndTheHeaviestAreSpread() {
        Map<String, Integer> budgets = Map.of("a", 100, "b", 90, "c", 10, "d", 10, "e", 5);
        List<Obligation> all = budgets.keySet().stream().sorted().map(ProofShardsTest::obligation).collect(Collectors.toList());
        List<List<Obligation>> shards = ProofShards.split(all, 2, budgets::get);
        List<String> seen = new ArrayList<>();
        shards.forEach(s -> s.forEach(o -> seen.add(o.id())));
        seen.sort(null);
        assertEquals(List.of("a", "b", "c", "d", "e"), seen);
        // LPT: a alone against b + the small ones (100 vs 90 + 10 + 10 + 5 = 115 is worse than 105 vs 110).
        long[] load = shards.stream().mapToLong(s -> s.stream().mapToLong(o -> budgets.get(o.id())).sum()).toArray();
        assertTrue(Math.abs(load[0] - load[1]) <= 10, "loads " + load[0] + " and " + load[1]);
        assertTrue(shards.get(0).stream().anyMatch(o -> o.id().equals("a")) != shards.get(1).stream().anyMatch(o -> o.id().equals("a")));
    }

    @Test
    void oneWorkerProvesEverythingHeaviestFirst() {
        Map<String, Integer> budgets = Map.of("x", 1, "y", 3, "z", 2);
        List<List<Obligation>> shards = ProofShards.split(
                List.of(obligation("x"), obligation("y"), obligation("z")), 1, budgets::get);
        assertEquals(List.of("y", "z", "x"), shards.get(0).stream().map(Obligation::id).collect(Collectors.toList()));
        assertThrows(IllegalArgumentException.class, () -> ProofShards.split(List.of(), 0, budgets::get));
    }

    @Test
    void aResultSurvivesTheWorkersLineFormat() {
        Obligation o = obligation("DeltaStream_accum_normal_1");
        ProofResult r = new ProofResult(o, List.of("STR-ACCUM-1"), ProofResult.OPEN, 61_563, 64_000, 13, 60_000, 174.25,
                "13 open goal(s)\twith a tab,\na newline and a back\\slash");
        String line = ResultLine.encode(r);
        assertEquals(-1, line.indexOf('\n'));
        assertEquals("DeltaStream_accum_normal_1", ResultLine.id(line));
        assertEquals(r, ResultLine.decode(line, o, List.of("STR-ACCUM-1")));
        assertThrows(IllegalArgumentException.class, () -> ResultLine.decode(line, obligation("other"), List.of()));
    }
}
