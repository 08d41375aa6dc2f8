package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.trace.Hex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws multi-node sequences (kind {@code cache}, spec/trace-format-multinode.md) for an adapter that
 * hosts several nodes: an init of 2..min(nodes, 4) nodes with a width and de-duplication on or off,
 * loads of a common starting state, then puts at random nodes and keys (edge-weighted values), sends
 * of issued messages to peers (resends included), duplicates and drops of copies in flight,
 * deliveries, now and then a partition and a heal, gets, swaps and checks, and a final check.
 *
 * <p>Only valid schedules are drawn: the generator keeps its own list of the copies in flight and
 * of the cut, and picks a network step only among the copies it may move. The steps carry no
 * {@code bytes} and no expectations: {@link MultiNodePlan} adds the bytes the model's puts issued,
 * and a finding's expectations come from the model.
 */
final class MultiNodeGenerator {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Keys drawn from: 0, 1, the last u32 address and a few random ones; 2^32 now and then for ADDRESS_OUT_OF_RANGE. */
    private static final long OUT_OF_RANGE = 0x1_0000_0000L;

    private final Capabilities caps;
    private final boolean load;
    private final boolean swap;

    MultiNodeGenerator(Capabilities caps) {
        this.caps = caps;
        this.load = caps.ops().contains("load");
        this.swap = caps.ops().contains("swap");
    }

    /** True when the adapter declares what a multi-node sequence needs. */
    static boolean applies(Capabilities caps) {
        return caps.kinds().contains("cache") && caps.nodes() >= 2 && caps.ops().contains("init")
                && caps.ops().containsAll(List.of("put", "get", "receive"));
    }

    /** A copy on a link. */
    private record Copy(String from, String to, long seq) {
    }

    /** One sequence of about {@code length} steps after the init (a final check is added). */
    FuzzSequence sequence(SplittableRandom rnd, long index, int length) {
        return new Draw(rnd).build(index, length);
    }

    private final class Draw {
        private final SplittableRandom rnd;
        private final List<ObjectNode> steps = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<Long> keys = new ArrayList<>();
        private final List<Copy> inFlight = new ArrayList<>();
        private final List<Copy> issued = new ArrayList<>(); // (node, -, seq) of every successful put
        private final int[] lastSeq = new int[4];
        private Set<String> isolated = Set.of();
        private int width;

        Draw(SplittableRandom rnd) {
            this.rnd = rnd;
        }

        FuzzSequence build(long index, int length) {
            int n = rnd.nextInt(2, Math.min(caps.nodes(), 4) + 1);
            ArrayNode list = JSON.arrayNode();
            for (int i = 0; i < n; i++) {
                names.add(String.valueOf((char) ('A' + i)));
                list.add(names.get(i));
            }
            width = Edges.width(rnd, Math.max(1, caps.minWidth()), Math.min(64, caps.maxWidth()));
            ObjectNode init = JSON.objectNode().put("op", "init").put("kind", "cache").put("width", width);
            init.set("nodes", list);
            init.put("dedup", rnd.nextBoolean());
            steps.add(init);
            long[] pool = {0, 1, Edges.U32_MAX, rnd.nextLong(2, 16), rnd.nextLong(0, Edges.U32_MAX)};
            int keyCount = rnd.nextInt(1, 4);
            while (keys.size() < keyCount) {
                long k = pool[rnd.nextInt(pool.length)];
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
            if (load && rnd.nextInt(4) != 0) {
                for (long key : keys) { // a common starting state: every node loads the same value
                    long v = Edges.value(rnd, width);
                    for (String name : names) {
                        steps.add(node("load", name, key, v));
                    }
                }
            }
            int end = steps.size() + length;
            while (steps.size() < end) {
                next();
            }
            if (rnd.nextInt(3) == 0) { // settle: heal and deliver everything, so the check can show convergence
                heal();
                while (!inFlight.isEmpty()) {
                    deliver(inFlight.get(rnd.nextInt(inFlight.size())));
                }
            }
            steps.add(JSON.objectNode().put("op", "check"));
            return new FuzzSequence(index, "cache", steps);
        }

        private void next() {
            int pick = rnd.nextInt(100);
            if (pick < 24 || issued.isEmpty()) {
                put();
            } else if (pick < 44) {
                Copy m = recentIssued();
                String to = other(m.from());
                inFlight.add(new Copy(m.from(), to, m.seq()));
                steps.add(network("send", m.from(), to, m.seq()));
            } else if (pick < 68) {
                List<Copy> open = deliverable();
                if (!open.isEmpty()) {
                    deliver(open.get(rnd.nextInt(open.size())));
                }
            } else if (pick < 73) {
                if (!inFlight.isEmpty()) {
                    Copy c = inFlight.get(rnd.nextInt(inFlight.size()));
                    inFlight.add(c);
                    steps.add(network("duplicate", c.from(), c.to(), c.seq()));
                }
            } else if (pick < 77) {
                if (!inFlight.isEmpty()) {
                    Copy c = inFlight.remove(rnd.nextInt(inFlight.size()));
                    steps.add(network("drop", c.from(), c.to(), c.seq()));
                }
            } else if (pick < 80) {
                partition();
            } else if (pick < 83) {
                heal();
            } else if (pick < 93) {
                steps.add(JSON.objectNode().put("op", "get").put("node", anyNode()).put("addr", Hex.format(key())));
            } else if (pick < 96 && swap) {
                steps.add(node("swap", anyNode(), key(), Edges.value(rnd, width)));
            } else if (pick < 98 && load) {
                steps.add(node("load", anyNode(), key(), Edges.value(rnd, width)));
            } else {
                steps.add(JSON.objectNode().put("op", "check"));
            }
        }

        private void put() {
            String at = anyNode();
            long key = key();
            steps.add(node("put", at, key, Edges.value(rnd, width)));
            if (key != OUT_OF_RANGE) { // a failed put issues no seq
                int i = names.indexOf(at);
                issued.add(new Copy(at, at, ++lastSeq[i]));
            }
        }

        /** Mostly one of the last few messages (fresh traffic), sometimes an old one (a resend). */
        private Copy recentIssued() {
            int n = issued.size();
            return rnd.nextInt(4) == 0 ? issued.get(rnd.nextInt(n)) : issued.get(n - 1 - rnd.nextInt(Math.min(n, 3)));
        }

        private List<Copy> deliverable() {
            List<Copy> out = new ArrayList<>();
            for (Copy c : inFlight) {
                if (isolated.contains(c.from()) == isolated.contains(c.to())) {
                    out.add(c);
                }
            }
            return out;
        }

        private void deliver(Copy c) {
            inFlight.remove(c);
            steps.add(network("deliver", c.from(), c.to(), c.seq()));
        }

        private void partition() {
            Set<String> side = new HashSet<>();
            ArrayNode list = JSON.arrayNode();
            int size = rnd.nextInt(1, names.size());
            while (side.size() < size) {
                side.add(anyNode());
            }
            for (String name : names) { // in node order, so the same seed writes the same bytes
                if (side.contains(name)) {
                    list.add(name);
                }
            }
            isolated = side;
            ObjectNode step = JSON.objectNode().put("op", "partition");
            step.set("isolate", list);
            steps.add(step);
        }

        private void heal() {
            if (!isolated.isEmpty()) {
                isolated = Set.of();
                steps.add(JSON.objectNode().put("op", "heal"));
            }
        }

        private String anyNode() {
            return names.get(rnd.nextInt(names.size()));
        }

        private String other(String from) {
            String to = from;
            while (to.equals(from)) {
                to = anyNode();
            }
            return to;
        }

        private long key() {
            return rnd.nextInt(60) == 0 ? OUT_OF_RANGE : keys.get(rnd.nextInt(keys.size()));
        }

        private ObjectNode node(String op, String at, long key, long value) {
            return JSON.objectNode().put("op", op).put("node", at).put("addr", Hex.format(key))
                    .put("value", Edges.hex(rnd, value));
        }

        private ObjectNode network(String op, String from, String to, long seq) {
            return JSON.objectNode().put("op", op).put("from", from).put("to", to).put("seq", Hex.format(seq));
        }
    }
}
