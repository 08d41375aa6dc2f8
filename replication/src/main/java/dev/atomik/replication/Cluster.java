package dev.atomik.replication;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.model.AtomikError;
import dev.atomik.model.CacheNode;
import dev.atomik.model.DeltaMessage;
import dev.atomik.model.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * N cache nodes wired as a full mesh, the links between them, and one delivery layer per node.
 * Every operation is recorded as a step in the multi-node trace vocabulary
 * (spec/trace-format-multinode.md), with its observed result as the expectation: the recording is
 * both the simulator's replayable schedule and a golden trace. The cluster makes no random choice;
 * {@link Simulator} decides what happens, {@link Replay} re-does a recording.
 */
public final class Cluster {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final int width;
    private final boolean dedup;
    private final CacheNode[] nodes;
    private final DeliveryLayer[] layers;
    /** Per sender: every message it issued, by seq, so links and repair can resend it. */
    private final List<Map<Long, DeltaMessage>> issued = new ArrayList<>();
    /** Copies on the links, with multiplicity; insertion-ordered so iteration is deterministic. */
    private final Map<Copy, Integer> inFlight = new LinkedHashMap<>();
    private Set<Integer> isolated = Collections.emptySet();
    private final List<ObjectNode> steps = new ArrayList<>();

    public Cluster(int nodeCount, int width, boolean dedup) {
        this(nodeCount, width, dedup, null, null);
    }

    /**
     * Nodes of {@code capacity} keys each, recorded as the init's {@code capacity} (a trace
     * without it leaves the implementation's default, the model's {@link CacheNode#DEFAULT_KEYS}).
     */
    public Cluster(int nodeCount, int width, boolean dedup, int capacity) {
        this(nodeCount, width, dedup, capacity, null);
    }

    /**
     * An init the model refuses (a width outside 1..64: BAD_WIDTH; a capacity below 1: BAD_SIZE),
     * recorded with the model's error as the init's {@code expect_error}; {@code capacity} null
     * leaves it out. Such a cluster creates no node and records no other step.
     */
    public static Cluster refusedInit(int nodeCount, int width, Integer capacity) {
        try {
            new CacheNode(0, width, capacity == null ? CacheNode.DEFAULT_KEYS : capacity);
        } catch (AtomikError e) {
            return new Cluster(nodeCount, width, true, capacity, ErrorCode.name(e.code));
        }
        throw new IllegalStateException("a cache init of width " + width + ", capacity " + capacity
                + " was meant to be refused but the model accepted it");
    }

    private Cluster(int nodeCount, int width, boolean dedup, Integer capacity, String initError) {
        if (nodeCount < 2 || nodeCount > NodeNames.MAX_NODES) {
            throw new IllegalArgumentException("a cluster needs 2.." + NodeNames.MAX_NODES + " nodes, got " + nodeCount);
        }
        this.width = width;
        this.dedup = dedup;
        this.nodes = new CacheNode[nodeCount];
        this.layers = new DeliveryLayer[nodeCount];
        ArrayNode names = JSON.arrayNode();
        for (int i = 0; i < nodeCount; i++) {
            nodes[i] = initError != null ? null
                    : new CacheNode(i, width, capacity == null ? CacheNode.DEFAULT_KEYS : capacity);
            layers[i] = new DeliveryLayer(dedup);
            issued.add(new HashMap<>());
            names.add(NodeNames.name(i));
        }
        ObjectNode init = step("init");
        init.put("kind", "cache");
        init.put("width", width);
        init.set("nodes", names);
        init.put("dedup", dedup);
        if (capacity != null) {
            init.put("capacity", capacity);
        }
        if (initError != null) {
            init.put("expect_error", initError);
        }
    }

    private ObjectNode step(String op) {
        ObjectNode s = JSON.objectNode();
        s.put("op", op);
        steps.add(s);
        return s;
    }

    private void checkNode(int node) {
        if (node < 0 || node >= nodes.length) {
            throw new IllegalArgumentException("no node " + node + " in a cluster of " + nodes.length);
        }
        if (nodes[node] == null) {
            throw new IllegalStateException("the init was refused: the cluster has no node " + NodeNames.name(node));
        }
    }

    // ---- node operations -------------------------------------------------------------------

    /** LOAD without replication: initial state, or installing a snapshot (REP-REPAIR-1). */
    public void load(int node, long key, long value) {
        checkNode(node);
        nodes[node].load(key, value);
        ObjectNode s = step("load");
        s.put("node", NodeNames.name(node));
        s.put("addr", Hex.of(key));
        s.put("value", Hex.of(value));
    }

    /** put at one node (REP-CACHE-1); the message is issued but not yet on any link. */
    public DeltaMessage put(int node, long key, long value) {
        checkNode(node);
        DeltaMessage m = nodes[node].put(key, value);
        issued.get(node).put(m.seq, m);
        ObjectNode s = step("put");
        s.put("node", NodeNames.name(node));
        s.put("addr", Hex.of(key));
        s.put("value", Hex.of(value));
        s.set("expect", messageJson(m));
        return m;
    }

    /**
     * A node operation ({@code load}, {@code put}, {@code get} or {@code swap}) that the node must
     * refuse, recorded with the model's error as {@code expect_error} (ERR-ATOMIC-1: it changes
     * nothing; a refused put issues no seq). {@code value} is ignored for {@code get}.
     */
    public void refuse(String op, int node, long key, long value) {
        checkNode(node);
        CacheNode n = nodes[node];
        try {
            switch (op) {
                case "load" -> n.load(key, value);
                case "put" -> n.put(key, value);
                case "get" -> n.get(key);
                case "swap" -> n.swap(key, value);
                default -> throw new IllegalArgumentException(op + " cannot be refused in a multi-node trace");
            }
        } catch (AtomikError e) {
            ObjectNode s = step(op);
            s.put("node", NodeNames.name(node));
            s.put("addr", Hex.of(key));
            if (!op.equals("get")) {
                s.put("value", Hex.of(value));
            }
            s.put("expect_error", ErrorCode.name(e.code));
            return;
        }
        throw new IllegalStateException(op + " at node " + NodeNames.name(node) + " key " + Hex.of(key)
                + " was meant to be refused but the model accepted it");
    }

    /** put, then send the message to every peer: the full-mesh write of the tutorial. */
    public DeltaMessage putAndBroadcast(int node, long key, long value) {
        DeltaMessage m = put(node, key, value);
        for (int peer = 0; peer < nodes.length; peer++) {
            if (peer != node) {
                send(node, peer, m.seq);
            }
        }
        return m;
    }

    public long get(int node, long key) {
        checkNode(node);
        long v = nodes[node].get(key);
        ObjectNode s = step("get");
        s.put("node", NodeNames.name(node));
        s.put("addr", Hex.of(key));
        s.put("expect", Hex.of(v));
        return v;
    }

    /** Local SWAP: no message, no seq (NG-SWAP-1). */
    public long swap(int node, long key, long value) {
        checkNode(node);
        long before = nodes[node].swap(key, value);
        ObjectNode s = step("swap");
        s.put("node", NodeNames.name(node));
        s.put("addr", Hex.of(key));
        s.put("value", Hex.of(value));
        s.put("expect", Hex.of(before));
        return before;
    }

    /**
     * Snapshot repair (REP-REPAIR-1): LOADs on {@code target} the state {@code source} holds at
     * each of its keys, sending nothing, and counts every message issued so far as delivered at
     * the target. Refused unless the source has had every other node's messages delivered and
     * nothing is in flight to the target: otherwise the snapshot would lose a write or a late copy
     * would land on a state that already contains it. Recorded as one {@code snapshot} step.
     */
    public void snapshot(int source, int target) {
        checkNode(source);
        checkNode(target);
        for (Copy copy : inFlight()) {
            if (copy.to() == target) {
                throw new IllegalStateException("snapshot to " + NodeNames.name(target) + ": " + copy + " is still in flight");
            }
        }
        for (int from = 0; from < nodes.length; from++) {
            for (long seq : issuedSeqs(from)) {
                if (from != source && !layers[source].hasDelivered(from, seq)) {
                    throw new IllegalStateException("snapshot from " + NodeNames.name(source) + ": it lacks "
                            + NodeNames.name(from) + " seq " + seq);
                }
            }
        }
        CacheNode src = nodes[source];
        for (int slot = 0; slot < src.size(); slot++) {
            long key = src.keyAt(slot);
            nodes[target].load(key, src.get(key));
        }
        for (int from = 0; from < nodes.length; from++) {
            for (long seq : issuedSeqs(from)) {
                layers[target].markDelivered(from, seq);
            }
        }
        ObjectNode s = step("snapshot");
        s.put("from", NodeNames.name(source));
        s.put("to", NodeNames.name(target));
    }

    // ---- network operations ----------------------------------------------------------------

    /** Puts one copy of the message (from, seq) on the link from → to. Resending is sending again. */
    public void send(int from, int to, long seq) {
        Copy c = copy(from, to, seq);
        if (!issued.get(from).containsKey(seq)) {
            throw new IllegalStateException("send " + c + ": " + NodeNames.name(from) + " never issued seq " + seq);
        }
        inFlight.merge(c, 1, Integer::sum);
        linkStep("send", c);
    }

    /** The link makes one extra copy of a message in flight. */
    public void duplicate(int from, int to, long seq) {
        Copy c = requireInFlight("duplicate", from, to, seq);
        inFlight.merge(c, 1, Integer::sum);
        linkStep("duplicate", c);
    }

    /** The link loses one copy. */
    public void drop(int from, int to, long seq) {
        Copy c = requireInFlight("drop", from, to, seq);
        removeOne(c);
        linkStep("drop", c);
    }

    /**
     * Takes one copy off the link, through its 16-byte wire encoding, to the receiver's delivery
     * layer, which applies it (receive = APPLY) unless de-duplication filters it. Returns whether
     * it was applied.
     */
    public boolean deliver(int from, int to, long seq) {
        Copy c = requireInFlight("deliver", from, to, seq);
        if (crossesCut(from, to)) {
            throw new IllegalStateException("deliver " + c + ": the link is cut by a partition");
        }
        removeOne(c);
        byte[] wire = issued.get(from).get(seq).encode();
        boolean applied = layers[to].accept(from, seq);
        String refused = null;
        if (applied) {
            try {
                nodes[to].receive(DeltaMessage.decode(wire));
            } catch (AtomikError e) {
                // a full node refuses a new key (CAPACITY_EXCEEDED) and changes nothing (ERR-ATOMIC-1)
                refused = ErrorCode.name(e.code);
            }
        }
        ObjectNode s = linkStep("deliver", c);
        s.put("bytes", Hex.bytes(wire));
        if (refused != null) {
            s.put("expect_error", refused);
        } else {
            s.put("expect", applied ? "applied" : "filtered");
        }
        return applied;
    }

    /** Cuts every link between {@code side} and the other nodes until {@link #heal()}. */
    public void partition(Set<Integer> side) {
        for (int n : side) {
            checkNode(n);
        }
        isolated = Collections.unmodifiableSet(new TreeSet<>(side));
        ObjectNode s = step("partition");
        ArrayNode names = s.putArray("isolate");
        for (int n : isolated) {
            names.add(NodeNames.name(n));
        }
    }

    public void heal() {
        isolated = Collections.emptySet();
        step("heal");
    }

    public boolean crossesCut(int from, int to) {
        return isolated.contains(from) != isolated.contains(to);
    }

    private Copy copy(int from, int to, long seq) {
        checkNode(from);
        checkNode(to);
        if (from == to) {
            throw new IllegalArgumentException("a node does not send to itself: " + NodeNames.name(from));
        }
        return new Copy(from, to, seq);
    }

    private Copy requireInFlight(String op, int from, int to, long seq) {
        Copy c = copy(from, to, seq);
        if (inFlight.getOrDefault(c, 0) == 0) {
            throw new IllegalStateException(op + " " + c + ": no such message in flight");
        }
        return c;
    }

    private void removeOne(Copy c) {
        int left = inFlight.get(c) - 1;
        if (left == 0) {
            inFlight.remove(c);
        } else {
            inFlight.put(c, left);
        }
    }

    private ObjectNode linkStep(String op, Copy c) {
        ObjectNode s = step(op);
        s.put("from", NodeNames.name(c.from()));
        s.put("to", NodeNames.name(c.to()));
        s.put("seq", Hex.of(c.seq()));
        return s;
    }

    private static ObjectNode messageJson(DeltaMessage m) {
        ObjectNode o = JSON.objectNode();
        o.put("addr", Hex.of(m.addr));
        o.put("delta", Hex.of(m.delta));
        o.put("seq", Hex.of(m.seq));
        return o;
    }

    // ---- observation -----------------------------------------------------------------------

    /** Every node's state at every key any node touched; not recorded. */
    public ConvergenceReport convergence() {
        TreeSet<Long> keys = new TreeSet<>();
        for (CacheNode n : nodes) {
            for (int slot = 0; slot < n.size(); slot++) {
                keys.add(n.keyAt(slot));
            }
        }
        TreeMap<Long, long[]> states = new TreeMap<>();
        for (long key : keys) {
            long[] values = new long[nodes.length];
            for (int i = 0; i < nodes.length; i++) {
                values[i] = nodes[i].get(key);
            }
            states.put(key, values);
        }
        return new ConvergenceReport(states);
    }

    /** Records a check step asserting every node's state, convergence and the copies in flight. */
    public ConvergenceReport check() {
        ConvergenceReport report = convergence();
        ObjectNode expect = step("check").putObject("expect");
        expect.put("converged", report.converged());
        ObjectNode perNode = expect.putObject("nodes");
        for (int i = 0; i < nodes.length; i++) {
            ArrayNode cells = perNode.putArray(NodeNames.name(i));
            for (Map.Entry<Long, long[]> e : report.states().entrySet()) {
                ObjectNode cell = cells.addObject();
                cell.put("addr", Hex.of(e.getKey()));
                cell.put("state", Hex.of(e.getValue()[i]));
            }
        }
        expect.put("in_flight", inFlightCount());
        return report;
    }

    public int inFlightCount() {
        int total = 0;
        for (int k : inFlight.values()) {
            total += k;
        }
        return total;
    }

    /** One entry per copy in flight (a duplicated copy appears twice), in a deterministic order. */
    public List<Copy> inFlight() {
        List<Copy> out = new ArrayList<>();
        for (Map.Entry<Copy, Integer> e : inFlight.entrySet()) {
            for (int k = 0; k < e.getValue(); k++) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    public int size() {
        return nodes.length;
    }

    public int width() {
        return width;
    }

    public boolean dedup() {
        return dedup;
    }

    /** Read-only view of a node, for checks that must not be recorded. */
    public long peek(int node, long key) {
        checkNode(node);
        return nodes[node].get(key);
    }

    public CacheNode node(int node) {
        checkNode(node);
        return nodes[node];
    }

    public DeliveryLayer layer(int node) {
        checkNode(node);
        return layers[node];
    }

    /** Seqs issued by {@code sender}, ascending. */
    public List<Long> issuedSeqs(int sender) {
        checkNode(sender);
        List<Long> seqs = new ArrayList<>(issued.get(sender).keySet());
        Collections.sort(seqs);
        return seqs;
    }

    /** The recorded steps, starting with init. */
    public List<ObjectNode> steps() {
        return Collections.unmodifiableList(steps);
    }
}
