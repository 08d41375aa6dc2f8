package dev.atomik.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Whether every node reads the same state at every key any node has touched (REP-CONV-1), the
 * agreed value per key, and for each key where they disagree, the state of every node there.
 *
 * @param states key → (state of node 0, node 1, …)
 */
public record ConvergenceReport(SortedMap<Long, long[]> states) {

    public boolean converged() {
        return divergentKeys().isEmpty();
    }

    /** Keys at which at least two nodes read different states. */
    public List<Long> divergentKeys() {
        List<Long> out = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : states.entrySet()) {
            long[] values = e.getValue();
            for (long v : values) {
                if (v != values[0]) {
                    out.add(e.getKey());
                    break;
                }
            }
        }
        return out;
    }

    /** Nodes whose state differs from node A's at some key. */
    public List<String> nodesDifferingFromA() {
        List<String> out = new ArrayList<>();
        int n = states.isEmpty() ? 0 : states.values().iterator().next().length;
        for (int node = 1; node < n; node++) {
            for (long[] values : states.values()) {
                if (values[node] != values[0]) {
                    out.add(NodeNames.name(node));
                    break;
                }
            }
        }
        return out;
    }

    /** The state every node agrees on at {@code key}; fails when they disagree. */
    public long agreedValue(long key) {
        long[] values = states.get(key);
        if (values == null) {
            return 0L; // never touched anywhere: every node reads 0 (STR-SPARSE-1)
        }
        for (long v : values) {
            if (v != values[0]) {
                throw new IllegalStateException("nodes disagree at key " + Hex.of(key) + ": " + describe(key));
            }
        }
        return values[0];
    }

    /** "A=0x1 B=0x1 C=0x2" for one key. */
    public String describe(long key) {
        long[] values = states.get(key);
        StringBuilder out = new StringBuilder();
        for (int node = 0; values != null && node < values.length; node++) {
            out.append(node == 0 ? "" : " ").append(NodeNames.name(node)).append('=').append(Hex.of(values[node]));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(converged() ? "converged" : "NOT converged");
        for (Long key : states.keySet()) {
            out.append("; key ").append(Hex.of(key)).append(": ").append(describe(key));
        }
        return out.toString();
    }
}
