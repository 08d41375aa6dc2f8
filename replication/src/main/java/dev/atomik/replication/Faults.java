package dev.atomik.replication;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What the links may do to messages in a simulated run. Rates are per copy sent; a delay is a
 * number of ticks a copy waits before it can be delivered; with {@code reorder} the next copy
 * delivered is any ready one, otherwise the oldest ready one (FIFO).
 *
 * @param dropRate      probability that a copy is lost right after it is sent
 * @param duplicateRate probability that the link makes one extra copy of it
 * @param maxDelay      each copy waits 0..maxDelay ticks
 * @param reorder       deliver ready copies in random rather than send order
 * @param partitions    windows during which some nodes are cut off
 */
public record Faults(double dropRate, double duplicateRate, int maxDelay, boolean reorder, List<Partition> partitions) {

    /**
     * Nodes {@code isolated} cannot exchange messages with the others from tick {@code start} up to
     * (not including) {@code end}. A lossy partition drops every copy that tries to cross it; a
     * holding one keeps them in flight until it heals.
     */
    public record Partition(int start, int end, Set<Integer> isolated, boolean lossy) {
        public Partition {
            // Sorted: Set.of iterates in a per-JVM random order, and descriptions must be byte-stable.
            isolated = Collections.unmodifiableSortedSet(new java.util.TreeSet<>(isolated));
        }
    }

    public Faults {
        if (dropRate < 0 || dropRate > 1 || duplicateRate < 0 || duplicateRate > 1 || maxDelay < 0) {
            throw new IllegalArgumentException("rates must be in [0,1] and maxDelay >= 0");
        }
        partitions = Collections.unmodifiableList(new ArrayList<>(partitions));
    }

    /** A perfect network that only reorders and delays: REP-CONV-1 must hold on it. */
    public static Faults reorderOnly(int maxDelay) {
        return new Faults(0, 0, maxDelay, true, List.of());
    }

    public Faults withDrops(double rate) {
        return new Faults(rate, duplicateRate, maxDelay, reorder, partitions);
    }

    public Faults withDuplicates(double rate) {
        return new Faults(dropRate, rate, maxDelay, reorder, partitions);
    }

    public Faults withPartition(Partition p) {
        List<Partition> all = new ArrayList<>(partitions);
        all.add(p);
        return new Faults(dropRate, duplicateRate, maxDelay, reorder, all);
    }

    /** One line for trace descriptions and schedule headers. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("drop ").append(dropRate).append(", duplicate ").append(duplicateRate)
                .append(", delay 0..").append(maxDelay).append(reorder ? ", reorder" : ", fifo");
        for (Partition p : partitions) {
            out.append(", ").append(p.lossy() ? "lossy" : "holding").append(" partition of ");
            for (int n : p.isolated()) {
                out.append(NodeNames.name(n));
            }
            out.append(" at ticks ").append(p.start()).append("..").append(p.end() - 1);
        }
        return out.toString();
    }
}
