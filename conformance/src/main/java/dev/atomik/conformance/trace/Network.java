package dev.atomik.conformance.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The network of a multi-node trace (spec/trace-format-multinode.md): which seqs each node issued,
 * the copies in flight on each link, the partition cut, and one delivery layer per node that
 * remembers every (sender, seq) it delivered and, with de-duplication on, filters a repeat
 * (REP-DEDUP-1). It also tracks the keys each node holds, so {@code check} and {@code snapshot}
 * know which keys to read.
 *
 * <p>The trace owns the network, so this is pure bookkeeping with no randomness: the validator runs
 * it over a trace to reject impossible steps, and the runner runs it again while executing, so the
 * pool and the delivery layer live in the runner, never in the implementation. A step that is not
 * possible throws {@link IllegalArgumentException} with the reason.
 */
public final class Network {
    private final List<String> names;
    private final boolean dedup;
    private final Map<String, Integer> lastSeq = new HashMap<>();
    /** Copies on the links, with multiplicity; insertion-ordered for deterministic messages. */
    private final Map<String, Integer> inFlight = new LinkedHashMap<>();
    /** Per receiver: "sender:seq" of every copy delivered (or counted delivered by a snapshot). */
    private final Map<String, Set<String>> delivered = new HashMap<>();
    /** Per node: the keys it holds (loaded, put, swapped, received or installed by a snapshot). */
    private final Map<String, Set<Long>> keys = new HashMap<>();
    private Set<String> isolated = Set.of();

    public Network(List<String> names, boolean dedup) {
        this.names = List.copyOf(names);
        this.dedup = dedup;
        for (String name : names) {
            lastSeq.put(name, 0);
            delivered.put(name, new HashSet<>());
            keys.put(name, new TreeSet<>(Long::compareUnsigned));
        }
    }

    public List<String> names() {
        return names;
    }

    public boolean dedup() {
        return dedup;
    }

    /** Throws unless {@code name} is one of the nodes {@code init} created. */
    public void requireNode(String field, String name) {
        if (!lastSeq.containsKey(name)) {
            throw new IllegalArgumentException(field + ": no node " + name + " (init created " + names + ")");
        }
    }

    /** A successful put at {@code node}: it issues the next seq (STR-SEQ-1), returned. */
    public long issue(String node) {
        int seq = lastSeq.merge(node, 1, Integer::sum);
        return seq;
    }

    /** The seq the next put at {@code node} issues. */
    public long nextSeq(String node) {
        return lastSeq.get(node) + 1L;
    }

    public boolean issued(String node, long seq) {
        return seq >= 1 && seq <= lastSeq.get(node);
    }

    /** The node now holds {@code addr} (a local load, put or swap, or an applied delivery). */
    public void touch(String node, long addr) {
        keys.get(node).add(addr);
    }

    /** Keys {@code node} holds, ascending (as unsigned numbers). */
    public List<Long> keysOf(String node) {
        return new ArrayList<>(keys.get(node));
    }

    /** Keys any node holds, ascending: what a {@code check} lists. */
    public List<Long> allKeys() {
        TreeSet<Long> all = new TreeSet<>(Long::compareUnsigned);
        keys.values().forEach(all::addAll);
        return new ArrayList<>(all);
    }

    public void send(String from, String to, long seq) {
        link(from, to);
        if (!issued(from, seq)) {
            throw new IllegalArgumentException("send " + copy(from, to, seq) + ": " + from + " has not issued seq "
                    + Hex.format(seq) + " (it issued " + lastSeq.get(from) + " so far; a put issues the next one)");
        }
        inFlight.merge(copy(from, to, seq), 1, Integer::sum);
    }

    public void duplicate(String from, String to, long seq) {
        inFlight.merge(requireInFlight("duplicate", from, to, seq), 1, Integer::sum);
    }

    public void drop(String from, String to, long seq) {
        removeOne(requireInFlight("drop", from, to, seq));
    }

    /**
     * One copy leaves the link and reaches {@code to}'s delivery layer. Returns true when the layer
     * applies it ({@code receive}), false when de-duplication filters it.
     */
    public boolean deliver(String from, String to, long seq) {
        String copy = requireInFlight("deliver", from, to, seq);
        if (isolated.contains(from) != isolated.contains(to)) {
            throw new IllegalArgumentException("deliver " + copy + ": the link is cut by the partition isolating "
                    + isolated + " (heal first)");
        }
        removeOne(copy);
        boolean first = delivered.get(to).add(from + ":" + seq);
        return first || !dedup;
    }

    /** Cuts every link between {@code side} and the other nodes, replacing any earlier cut. */
    public void partition(List<String> side) {
        if (side.isEmpty()) {
            throw new IllegalArgumentException("isolate: name at least one node");
        }
        for (String name : side) {
            requireNode("isolate", name);
        }
        isolated = Set.copyOf(side);
    }

    public void heal() {
        isolated = Set.of();
    }

    /**
     * Checks that {@code to} may install {@code from}'s state (nothing in flight to {@code to},
     * {@code from} has every message another node issued), then counts every issued message as
     * delivered at {@code to} and gives it {@code from}'s keys. The caller does the gets and loads.
     */
    public void snapshot(String from, String to) {
        link(from, to);
        for (Map.Entry<String, Integer> e : inFlight.entrySet()) {
            if (e.getKey().contains("→" + to + " ")) {
                throw new IllegalArgumentException("snapshot " + from + "→" + to + ": " + e.getKey()
                        + " is still in flight to " + to + " (it would be applied on top of a state that contains it)");
            }
        }
        for (String sender : names) {
            for (long seq = 1; seq <= lastSeq.get(sender); seq++) {
                if (!sender.equals(from) && !delivered.get(from).contains(sender + ":" + seq)) {
                    throw new IllegalArgumentException("snapshot " + from + "→" + to + ": " + from + " lacks "
                            + sender + " seq " + Hex.format(seq) + " (the snapshot would lose that write)");
                }
            }
        }
        for (String sender : names) {
            for (long seq = 1; seq <= lastSeq.get(sender); seq++) {
                delivered.get(to).add(sender + ":" + seq);
            }
        }
        keys.get(to).addAll(keys.get(from));
    }

    /** Copies in flight, duplicates counted. */
    public int inFlight() {
        int total = 0;
        for (int n : inFlight.values()) {
            total += n;
        }
        return total;
    }

    private void link(String from, String to) {
        requireNode("from", from);
        requireNode("to", to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("from and to are both " + from + " (a node does not send to itself)");
        }
    }

    private String requireInFlight(String op, String from, String to, long seq) {
        link(from, to);
        String copy = copy(from, to, seq);
        if (inFlight.getOrDefault(copy, 0) == 0) {
            throw new IllegalArgumentException(op + " " + copy + ": no such copy in flight"
                    + (issued(from, seq) ? " (send it first)" : " (" + from + " never issued that seq)"));
        }
        return copy;
    }

    private void removeOne(String copy) {
        int left = inFlight.get(copy) - 1;
        if (left == 0) {
            inFlight.remove(copy);
        } else {
            inFlight.put(copy, left);
        }
    }

    private static String copy(String from, String to, long seq) {
        return from + "→" + to + " seq " + Hex.format(seq);
    }
}
