package dev.atomik.replication;

import dev.atomik.model.CacheNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every demonstration of spec/replication.md and spec/non-guarantees.md as a recorded run. Tests
 * assert their outcomes; {@code MultiNodeTraceGenerator} writes them as golden traces.
 */
public final class Scenarios {
    public static final long KEY = 0L;
    public static final long REFERENCE = 0xCAFEBABEL;
    public static final long WRITE = 0xDEADBEEFL;
    static final int A = 0;
    static final int B = 1;
    static final int C = 2;

    private Scenarios() {
    }

    /** Three nodes holding the tutorial's reference at key 0, checked. */
    private static Cluster tutorialStart(boolean dedup) {
        Cluster c = new Cluster(3, 64, dedup);
        for (int n = A; n <= C; n++) {
            c.load(n, KEY, REFERENCE);
        }
        c.check();
        return c;
    }

    private static void getEverywhere(Cluster c, long key) {
        for (int n = 0; n < c.size(); n++) {
            c.get(n, key);
        }
    }

    /** REP-CACHE-1's example, step by step. */
    public static Cluster tutorial() {
        Cluster c = tutorialStart(true);
        c.putAndBroadcast(A, KEY, WRITE);
        c.deliver(A, B, 1);
        c.deliver(A, C, 1);
        getEverywhere(c, KEY);
        c.check();
        return c;
    }

    /** Two deltas reach B and C in opposite orders (NG-ORDER-1, REP-CONV-1). */
    public static Cluster oppositeOrders() {
        Cluster c = tutorialStart(true);
        c.putAndBroadcast(A, KEY, 0x1111L);
        c.putAndBroadcast(A, KEY, 0x2222L);
        c.deliver(A, B, 1);
        c.deliver(A, B, 2);
        c.deliver(A, C, 2);
        c.check();
        c.deliver(A, C, 1);
        getEverywhere(c, KEY);
        c.check();
        return c;
    }

    /** A copy duplicated on the link A→B and applied twice cancels at B (NG-DUP-1) unless filtered. */
    public static Cluster duplicate(boolean dedup) {
        Cluster c = tutorialStart(dedup);
        c.putAndBroadcast(A, KEY, WRITE);
        c.duplicate(A, B, 1);
        c.deliver(A, B, 1);
        c.deliver(A, C, 1);
        c.get(B, KEY);
        c.deliver(A, B, 1);
        getEverywhere(c, KEY);
        c.check();
        return c;
    }

    /** A→C is lost; the replicas stay apart until A re-sends seq 1 or C takes a snapshot. */
    public static Cluster dropThenRepair(boolean bySnapshot) {
        Cluster c = tutorialStart(true);
        c.putAndBroadcast(A, KEY, WRITE);
        c.drop(A, C, 1);
        c.deliver(A, B, 1);
        getEverywhere(c, KEY);
        c.check();
        if (bySnapshot) {
            c.snapshot(B, C);
        } else {
            Repair.resendMissing(c);
        }
        getEverywhere(c, KEY);
        c.check();
        return c;
    }

    /** A re-sends everything after a loss to C: B gets seq 1 twice, filtered only with dedup. */
    public static Cluster blindResend(boolean dedup) {
        Cluster c = tutorialStart(dedup);
        c.putAndBroadcast(A, KEY, WRITE);
        c.drop(A, C, 1);
        c.deliver(A, B, 1);
        c.check();
        Repair.resendAll(c, A);
        getEverywhere(c, KEY);
        c.check();
        return c;
    }

    /** NG-CONC-1: A puts x and B puts y at a key holding r before either hears of the other. */
    public static Cluster concurrent(long r, long x, long y) {
        Cluster c = new Cluster(3, 64, true);
        for (int n = A; n <= C; n++) {
            c.load(n, KEY, r);
        }
        c.putAndBroadcast(A, KEY, x);
        c.putAndBroadcast(B, KEY, y);
        c.deliver(B, C, 1);
        c.deliver(A, B, 1);
        c.deliver(B, A, 1);
        c.deliver(A, C, 1);
        getEverywhere(c, KEY);
        c.check();
        return c;
    }

    /** NG-SWAP-1: A SWAPs key 0 to 0x5 while B puts 0x7; SWAP sends nothing and does not win. */
    public static Cluster swapIsLocal() {
        Cluster c = new Cluster(3, 64, true);
        for (int n = A; n <= C; n++) {
            c.load(n, KEY, 0x3L);
        }
        c.putAndBroadcast(B, KEY, 0x7L);
        c.swap(A, KEY, 0x5L);
        c.deliver(B, A, 1);
        c.deliver(B, C, 1);
        getEverywhere(c, KEY);
        c.check();
        return c;
    }

    private static Workload randomWork(int nodes, int keys, int puts) {
        Workload w = Workload.random(nodes, keys, puts);
        for (long k = 0; k < keys; k++) {
            w = w.withInitial(k, REFERENCE + k);
        }
        return w;
    }

    /** A simulated run followed by precise re-sending of whatever was lost, and a final check. */
    private static Cluster simulateThenRepair(long seed, Workload w, Faults f, boolean dedup) {
        Cluster c = Simulator.run(seed, w, f, dedup);
        Repair.resendMissing(c);
        c.check();
        return c;
    }

    /** All scenarios, in the order the generator writes them. */
    // ---- edges found by mutation testing (conformance/selftest/PIT.md) -----------------------

    private static final long U32_MAX = 0xFFFF_FFFFL;

    /** Width 1: values and deltas keep only bit 0 (VAL-MASK-1), at a key no node loaded. */
    public static Cluster widthOne() {
        Cluster c = new Cluster(2, 1, true);
        c.load(A, KEY, 0x3L);
        c.load(B, KEY, 0x1L);
        c.get(A, KEY);
        c.putAndBroadcast(A, 5L, 0x3L);
        c.deliver(A, B, 1);
        c.get(B, 5L);
        c.put(A, KEY, 0x2L);
        c.send(A, B, 2);
        c.deliver(A, B, 2);
        c.check();
        return c;
    }

    /** 0xffffffff is a key; 2^32 and 2^64-1 are refused by every node op (STR-SPARSE-1 for caches). */
    public static Cluster addressEdges() {
        Cluster c = new Cluster(2, 64, true);
        c.putAndBroadcast(A, U32_MAX, 0x5L);
        c.deliver(A, B, 1);
        c.get(B, U32_MAX);
        c.swap(B, U32_MAX, 0x9L);
        c.load(A, U32_MAX, 0x6L);
        for (long bad : new long[] {U32_MAX + 1, -1L}) {
            c.refuse("load", A, bad, 0x1L);
            c.refuse("put", A, bad, 0x1L);
            c.refuse("get", A, bad, 0L);
            c.refuse("swap", A, bad, 0x1L);
        }
        c.put(A, U32_MAX, 0x7L);
        c.check();
        return c;
    }

    /** Every op at keys a node never loaded: get reads 0 without taking a slot, swap and put take one, a delivery creates it. */
    public static Cluster unloadedKeys() {
        Cluster c = new Cluster(3, 64, true);
        c.get(A, 0x10L);
        c.swap(A, 0x11L, 0x4L);
        c.get(A, 0x11L);
        c.putAndBroadcast(A, 0x12L, 0x8L);
        c.deliver(A, B, 1);
        c.get(B, 0x12L);
        c.putAndBroadcast(B, 0x13L, 0x1L);
        c.deliver(B, A, 1);
        c.deliver(B, C, 1);
        c.deliver(A, C, 1);
        c.swap(C, 0x14L, 0x2L);
        c.check();
        return c;
    }

    /** A node holding its full key capacity refuses a new key (CAPACITY_EXCEEDED) but still serves held keys and reads others as 0. */
    public static Cluster fullNode() {
        Cluster c = new Cluster(2, 64, true);
        for (long k = 0; k < CacheNode.DEFAULT_KEYS; k++) {
            c.load(B, k, k);
        }
        long next = CacheNode.DEFAULT_KEYS;
        c.refuse("load", B, next, 0x1L);
        c.refuse("put", B, next, 0x1L);
        c.refuse("swap", B, next, 0x1L);
        c.get(B, next);
        c.put(B, 0L, 0x1L);
        c.swap(B, next - 1, 0x2L);
        c.load(B, 1L, 0x3L);
        c.get(B, 1L);
        c.send(B, A, 1);
        c.deliver(B, A, 1);
        c.get(A, 0L);
        c.check();
        return c;
    }

    /** A full A receives a message for a key it lacks: CAPACITY_EXCEEDED, and A is unchanged. */
    public static Cluster fullReceiver() {
        Cluster c = new Cluster(2, 64, true);
        for (long k = 0; k < CacheNode.DEFAULT_KEYS; k++) {
            c.load(A, k, k);
        }
        long next = CacheNode.DEFAULT_KEYS;
        c.put(B, next, 0x5L);
        c.send(B, A, 1);
        c.deliver(B, A, 1);
        c.get(A, next);
        c.put(B, 0L, 0x7L);
        c.send(B, A, 2);
        c.deliver(B, A, 2);
        c.get(A, 0L);
        c.check();
        return c;
    }

    /** Nodes of capacity 1 (set in init): the second key is refused locally and on delivery. */
    public static Cluster capacityOne() {
        Cluster c = new Cluster(2, 64, true, 1);
        c.load(A, 0L, 0x3L);
        c.refuse("load", A, 1L, 0x1L);
        c.put(B, 5L, 0x9L);
        c.send(B, A, 1);
        c.deliver(B, A, 1);
        c.get(A, 5L);
        c.put(A, 0L, 0x6L);
        c.send(A, B, 1);
        c.deliver(A, B, 1);
        c.check();
        return c;
    }

    public static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        out.add(new Scenario("replication/tutorial-3-nodes",
                "The tutorial: A puts 0xdeadbeef over 0xcafebabe at key 0 and broadcasts delta 0x14530451 (= 0xcafebabe^0xdeadbeef); every node reads 0xdeadbeef.",
                List.of("REP-CACHE-1", "REP-CONV-1", "WIRE-FIELDS-1"), 0, Scenarios::tutorial));
        out.add(new Scenario("replication/opposite-delivery-orders",
                "B receives A's seq 1 then 2, C receives 2 then 1; both converge to the same state.",
                List.of("NG-ORDER-1", "REP-CONV-1", "REP-CACHE-1"), 0, Scenarios::oppositeOrders));
        for (long seed = 1; seed <= 4; seed++) {
            final long s = seed;
            int nodes = seed == 4 ? 5 : 3;
            out.add(new Scenario("replication/reorder-delay-seed-" + seed,
                    "Simulated " + nodes + "-node run whose links reorder and delay (" + Faults.reorderOnly(4).describe()
                            + "): every node converges.",
                    List.of("REP-CONV-1", "NG-ORDER-1", "REP-CACHE-1"), s,
                    () -> Simulator.run(s, randomWork(nodes, 2, 8), Faults.reorderOnly(4), true)));
        }
        out.add(new Scenario("replication/duplicate-without-dedup",
                "A's message reaches B twice with no de-duplication: the delta cancels and B reads 0xcafebabe again while A and C read 0xdeadbeef.",
                List.of("NG-DUP-1", "REP-CONV-1"), 0, () -> duplicate(false)));
        out.add(new Scenario("replication/duplicate-with-dedup",
                "A's message reaches B twice; the delivery layer filters the second copy by (sender, seq) and every node reads 0xdeadbeef.",
                List.of("REP-DEDUP-1", "NG-DUP-1", "REP-CONV-1"), 0, () -> duplicate(true)));
        Faults dupFaults = Faults.reorderOnly(2).withDuplicates(0.3);
        out.add(new Scenario("replication/random-duplicates-without-dedup-seed-7",
                "Simulated run whose links duplicate copies (" + dupFaults.describe() + ") with no de-duplication: replicas end apart.",
                List.of("NG-DUP-1", "REP-CONV-1"), 7, () -> Simulator.run(7, randomWork(3, 2, 8), dupFaults, false)));
        out.add(new Scenario("replication/random-duplicates-with-dedup-seed-7",
                "The same simulated run with de-duplication by (sender, seq): every node converges.",
                List.of("REP-DEDUP-1", "NG-DUP-1", "REP-CONV-1"), 7, () -> Simulator.run(7, randomWork(3, 2, 8), dupFaults, true)));
        out.add(new Scenario("replication/drop-then-resend",
                "A's copy to C is lost: C stays at 0xcafebabe until A re-sends seq 1 to C, then every node reads 0xdeadbeef.",
                List.of("REP-REPAIR-1", "REP-CONV-1"), 0, () -> dropThenRepair(false)));
        out.add(new Scenario("replication/drop-then-snapshot",
                "A's copy to C is lost: C stays at 0xcafebabe until it LOADs a snapshot of B's state, then every node reads 0xdeadbeef.",
                List.of("REP-REPAIR-1", "REP-CONV-1"), 0, () -> dropThenRepair(true)));
        out.add(new Scenario("replication/blind-resend-without-dedup",
                "After a loss to C, A re-sends everything to everyone with no de-duplication: C is repaired but B applies seq 1 twice and falls back to 0xcafebabe.",
                List.of("REP-REPAIR-1", "NG-DUP-1"), 0, () -> blindResend(false)));
        out.add(new Scenario("replication/blind-resend-with-dedup",
                "After a loss to C, A re-sends everything to everyone; de-duplication filters B's second copy and every node reads 0xdeadbeef.",
                List.of("REP-REPAIR-1", "REP-DEDUP-1", "REP-CONV-1"), 0, () -> blindResend(true)));
        out.add(new Scenario("replication/concurrent-writes-small",
                "A puts 0x1 and B puts 0x2 concurrently at a key holding 0xf: every node reads 0xc = R^X^Y, which neither wrote.",
                List.of("NG-CONC-1", "REP-CONV-1"), 0, () -> concurrent(0x0FL, 0x01L, 0x02L)));
        out.add(new Scenario("replication/concurrent-writes-tutorial",
                "A puts 0xdeadbeef and B puts 0x12345678 concurrently over 0xcafebabe: every node reads 0xcafebabe^0xdeadbeef^0x12345678.",
                List.of("NG-CONC-1", "REP-CONV-1"), 0, () -> concurrent(REFERENCE, WRITE, 0x12345678L)));
        out.add(new Scenario("replication/swap-is-not-last-writer-wins",
                "A SWAPs key 0 to 0x5 while B puts 0x7 over 0x3: SWAP sends nothing, B's delta 0x4 still reaches A, and A reads 0x1 while B and C read 0x7.",
                List.of("NG-SWAP-1", "STR-SWAP-1", "REP-CACHE-1"), 0, Scenarios::swapIsLocal));
        Faults lossyCut = Faults.reorderOnly(2).withPartition(new Faults.Partition(2, 12, Set.of(C), true));
        out.add(new Scenario("replication/lossy-partition-then-resend-seed-11",
                "Simulated run with " + lossyCut.describe() + ": C misses what crossed the cut until lost messages are re-sent by sender and seq.",
                List.of("REP-REPAIR-1", "REP-CONV-1", "NG-ORDER-1"), 11,
                () -> simulateThenRepair(11, randomWork(3, 2, 8), lossyCut, true)));
        Faults holdingCut = Faults.reorderOnly(2).withPartition(new Faults.Partition(2, 12, Set.of(A, B), false));
        out.add(new Scenario("replication/holding-partition-seed-12",
                "Simulated run with " + holdingCut.describe() + ": messages wait out the cut and every node converges after it heals.",
                List.of("REP-CONV-1", "NG-ORDER-1"), 12, () -> Simulator.run(12, randomWork(3, 2, 8), holdingCut, true)));
        Faults drops = Faults.reorderOnly(3).withDrops(0.25);
        out.add(new Scenario("replication/random-drops-then-resend-seed-13",
                "Simulated run with " + drops.describe() + ": replicas end apart, then re-sending exactly the lost messages converges them.",
                List.of("REP-REPAIR-1", "REP-CONV-1"), 13, () -> simulateThenRepair(13, randomWork(4, 3, 10), drops, true)));
        out.add(new Scenario("replication/width-1",
                "Two nodes of width 1: a put of 0x3 at a key no node loaded issues delta 0x1, and every node reads bit 0 only.",
                List.of("REP-CACHE-1", "VAL-MASK-1", "REP-CONV-1"), 0, Scenarios::widthOne));
        out.add(new Scenario("replication/address-edges",
                "Key 0xffffffff is put, delivered, swapped and loaded; keys 2^32 and 2^64-1 are refused with ADDRESS_OUT_OF_RANGE by load, put, get and swap.",
                List.of("REP-CACHE-1", "STR-SPARSE-1", "ERR-CODES-1", "ERR-ATOMIC-1"), 0, Scenarios::addressEdges));
        out.add(new Scenario("replication/unloaded-keys",
                "Operations and deliveries at keys a node never loaded: get reads 0, swap and put start the key, a delivery creates it at the receiver.",
                List.of("REP-CACHE-1", "STR-SPARSE-1", "REP-CONV-1"), 0, Scenarios::unloadedKeys));
        out.add(new Scenario("replication/full-node",
                "B holds 1024 keys, its default capacity: load, put and swap of a new key fail with CAPACITY_EXCEEDED, get reads it as 0, held keys still work.",
                List.of("REP-CACHE-1", "STR-CAP-1", "ERR-ATOMIC-1"), 0, Scenarios::fullNode));
        out.add(new Scenario("replication/full-node-receive",
                "A holds 1024 keys, its default capacity: a delivered message for a new key fails with CAPACITY_EXCEEDED and leaves A unchanged; one for a held key applies.",
                List.of("REP-CACHE-1", "STR-CAP-1", "ERR-ATOMIC-1"), 0, Scenarios::fullReceiver));
        out.add(new Scenario("replication/init-width-0",
                "A cache init of width 0 fails with BAD_WIDTH and creates no node.",
                List.of("VAL-WIDTH-1"), 0, () -> Cluster.refusedInit(2, 0, null)));
        out.add(new Scenario("replication/init-width-65",
                "A cache init of width 65 fails with BAD_WIDTH and creates no node.",
                List.of("VAL-WIDTH-1"), 0, () -> Cluster.refusedInit(2, 65, null)));
        out.add(new Scenario("replication/init-capacity-0",
                "A cache init of key capacity 0 fails with BAD_SIZE and creates no node.",
                List.of("REP-CACHE-1", "STR-CAP-1"), 0, () -> Cluster.refusedInit(2, 64, 0)));
        out.add(new Scenario("replication/init-capacity-negative",
                "A cache init of key capacity -1 fails with BAD_SIZE and creates no node.",
                List.of("REP-CACHE-1", "STR-CAP-1"), 0, () -> Cluster.refusedInit(2, 64, -1)));
        out.add(new Scenario("replication/capacity-1",
                "Nodes of key capacity 1: A holds key 0 and B key 5, so a load of key 1 at A and each delivered message for the other key fail with CAPACITY_EXCEEDED; held keys still work.",
                List.of("REP-CACHE-1", "STR-CAP-1", "ERR-ATOMIC-1"), 0, Scenarios::capacityOne));
        return out;
    }
}
