package dev.atomik.replication;

import java.util.HashSet;
import java.util.Set;

/**
 * The exactly-once delivery layer in front of one node (REP-DEDUP-1): it remembers every
 * (sender, seq) it has delivered and, when de-duplication is on, refuses a second copy. With it off
 * every copy reaches the node, which is how NG-DUP-1 is demonstrated. It always remembers what was
 * delivered, so repair (REP-REPAIR-1) can ask what a node missed.
 */
public final class DeliveryLayer {
    private final boolean dedup;
    private final Set<Long> delivered = new HashSet<>();

    public DeliveryLayer(boolean dedup) {
        this.dedup = dedup;
    }

    private static long key(int sender, long seq) {
        return ((long) sender << 32) | seq;
    }

    /** Records the delivery and says whether the node must apply it. */
    public boolean accept(int sender, long seq) {
        boolean first = delivered.add(key(sender, seq));
        return first || !dedup;
    }

    public boolean hasDelivered(int sender, long seq) {
        return delivered.contains(key(sender, seq));
    }

    /** Marks a message as already reflected in the node's state (after a snapshot repair). */
    public void markDelivered(int sender, long seq) {
        delivered.add(key(sender, seq));
    }

    public boolean dedup() {
        return dedup;
    }
}
