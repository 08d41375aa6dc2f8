package dev.atomik.replication;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the nodes do in a simulated run: the initial reference every node LOADs at each key, then
 * {@code puts} writes by random nodes to random keys among {@code keys}, one attempt per tick with
 * probability {@code putRate}.
 */
public record Workload(int nodes, int width, Map<Long, Long> initial, int keys, int puts, double putRate) {

    public Workload {
        if (keys < 1 || puts < 0 || putRate <= 0 || putRate > 1) {
            throw new IllegalArgumentException("need keys >= 1, puts >= 0, 0 < putRate <= 1");
        }
        initial = new TreeMap<>(initial);
    }

    public static Workload random(int nodes, int keys, int puts) {
        return new Workload(nodes, 64, Map.of(), keys, puts, 0.5);
    }

    public Workload withInitial(long key, long value) {
        Map<Long, Long> all = new TreeMap<>(initial);
        all.put(key, value);
        return new Workload(nodes, width, all, keys, puts, putRate);
    }
}
