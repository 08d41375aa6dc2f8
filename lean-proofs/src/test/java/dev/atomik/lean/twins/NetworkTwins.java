package dev.atomik.lean.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.atomik.model.CacheNode;
import dev.atomik.model.DeltaMessage;
import dev.atomik.model.Width;
import dev.atomik.replication.Cluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Twins of Thm/Network.lean on the real classes: {@link Cluster} (which runs {@link CacheNode}s and
 * sends every message through its 16-byte encoding) and CacheNode itself.
 *
 * <p>The exhaustive domain, declared in twins.json and counted here: N ∈ {2, 3} nodes, width 8, every
 * node LOADs R at key 0; P ∈ {1, 2, 3} puts at key 0, put i by writer w(i) for every map w from puts to
 * nodes (N^P), all issued before any delivery and each sent once to every peer; then every choice, per
 * copy, of dropped / delivered once / duplicated (3^(P·(N−1))); then, per receiver, every distinct order
 * of its copies. Receivers do not interact, so the orders of different receivers are combined as one
 * run per combination. One case is one such run; each is checked against the Lean statements.
 */
class NetworkTwins {
    private static final int W = 8;
    private static final long R = 0x5A;
    private static final long[] VALUES = {0x13, 0xC4, 0x7E};


    /** REP-CONV-1, REP-CACHE-1, NG-DUP-1, REP-REPAIR-1, NG-CONC-1: every order, drop and duplicate of up to 3 nodes × 3 puts. */
    @Test
    void everyDeliveryOrderDropAndDuplicateOfThreeNodesThreePuts(TestReporter reporter) {
        long cases = 0;
        for (int n = 2; n <= 3; n++) {
            for (int p = 1; p <= 3; p++) {
                int writerMaps = (int) Math.pow(n, p);
                for (int wm = 0; wm < writerMaps; wm++) {
                    int[] writer = new int[p];
                    for (int i = 0, x = wm; i < p; i++, x /= n) {
                        writer[i] = x % n;
                    }
                    cases += runAllChoices(n, p, writer);
                }
            }
        }
        reporter.publishEntry("cases", Long.toString(cases));
    }

    /** One copy of put i on its way to a receiver, with its multiplicity 0 (dropped), 1 or 2 (duplicated). */
    private record CopyChoice(int put, int to) {
    }

    private long runAllChoices(int n, int p, int[] writer) {
        List<CopyChoice> copies = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            for (int r = 0; r < n; r++) {
                if (r != writer[i]) {
                    copies.add(new CopyChoice(i, r));
                }
            }
        }
        int choiceCount = (int) Math.pow(3, copies.size());
        long cases = 0;
        for (int ch = 0; ch < choiceCount; ch++) {
            int[] mult = new int[copies.size()];
            for (int c = 0, x = ch; c < mult.length; c++, x /= 3) {
                mult[c] = x % 3;
            }
            // Per receiver: the list of put indices it gets (with repeats), and all its distinct orders.
            List<List<List<Integer>>> ordersPerReceiver = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                List<Integer> mine = new ArrayList<>();
                for (int c = 0; c < copies.size(); c++) {
                    if (copies.get(c).to() == r) {
                        for (int k = 0; k < mult[c]; k++) {
                            mine.add(copies.get(c).put());
                        }
                    }
                }
                ordersPerReceiver.add(distinctOrders(mine));
            }
            cases += combine(n, p, writer, copies, mult, ordersPerReceiver, 0, new ArrayList<>());
        }
        return cases;
    }

    private long combine(int n, int p, int[] writer, List<CopyChoice> copies, int[] mult,
                         List<List<List<Integer>>> orders, int r, List<List<Integer>> chosen) {
        if (r == n) {
            runOne(n, p, writer, copies, mult, chosen);
            return 1;
        }
        long total = 0;
        for (List<Integer> order : orders.get(r)) {
            chosen.add(order);
            total += combine(n, p, writer, copies, mult, orders, r + 1, chosen);
            chosen.remove(chosen.size() - 1);
        }
        return total;
    }

    /** Every distinct permutation of a multiset (as a sorted list), in lexicographic order. */
    static List<List<Integer>> distinctOrders(List<Integer> items) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> sorted = new ArrayList<>(items);
        sorted.sort(null);
        permute(sorted, new boolean[sorted.size()], new ArrayList<>(), out);
        return out;
    }

    private static void permute(List<Integer> items, boolean[] used, List<Integer> acc, List<List<Integer>> out) {
        if (acc.size() == items.size()) {
            out.add(List.copyOf(acc));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (used[i] || (i > 0 && items.get(i).equals(items.get(i - 1)) && !used[i - 1])) {
                continue;
            }
            used[i] = true;
            acc.add(items.get(i));
            permute(items, used, acc, out);
            acc.remove(acc.size() - 1);
            used[i] = false;
        }
    }

    private void runOne(int n, int p, int[] writer, List<CopyChoice> copies, int[] mult, List<List<Integer>> orders) {
        Cluster cl = new Cluster(n, W, false);
        for (int node = 0; node < n; node++) {
            cl.load(node, 0, R);
        }
        long mask = Width.maskOf(W);
        DeltaMessage[] msgs = new DeltaMessage[p];
        for (int i = 0; i < p; i++) {
            long before = cl.peek(writer[i], 0);
            msgs[i] = cl.put(writer[i], 0, VALUES[i]);
            // put: the delta is old state XOR v, and the writer then reads v (REP-CACHE-1).
            assertEquals(before ^ (VALUES[i] & mask), msgs[i].delta, "delta of put " + i);
            assertEquals(VALUES[i] & mask, cl.peek(writer[i], 0), "writer reads v after put " + i);
        }
        for (int c = 0; c < copies.size(); c++) {
            CopyChoice cc = copies.get(c);
            cl.send(writer[cc.put()], cc.to(), msgs[cc.put()].seq);
            if (mult[c] == 2) {
                cl.duplicate(writer[cc.put()], cc.to(), msgs[cc.put()].seq);
            } else if (mult[c] == 0) {
                cl.drop(writer[cc.put()], cc.to(), msgs[cc.put()].seq);
            }
        }
        for (int r = 0; r < n; r++) {
            for (int put : orders.get(r)) {
                cl.deliver(writer[put], r, msgs[put].seq);
            }
        }
        // run_get: each node reads R XOR the deltas it applied: its own puts, and each received copy once
        // per delivery; a duplicate cancels (NG-DUP-1), a drop leaves the node behind (REP-REPAIR-1).
        long all = 0;
        for (DeltaMessage m : msgs) {
            all ^= m.delta;
        }
        boolean exactlyOnce = true;
        for (int r = 0; r < n; r++) {
            long expected = R;
            for (int i = 0; i < p; i++) {
                if (writer[i] == r) {
                    expected ^= msgs[i].delta;
                }
            }
            for (int c = 0; c < copies.size(); c++) {
                if (copies.get(c).to() == r && mult[c] % 2 == 1) {
                    expected ^= msgs[copies.get(c).put()].delta;
                }
                exactlyOnce &= mult[c] == 1;
            }
            assertEquals(expected, cl.peek(r, 0), "node " + r + " = R XOR the deltas it applied");
        }
        if (exactlyOnce) {
            for (int r = 0; r < n; r++) {
                assertEquals(R ^ all, cl.peek(r, 0), "network_converges: node " + r);
            }
        }
        if (p == 2 && writer[0] != writer[1] && exactlyOnce) {
            // NG-CONC-1: two concurrent writers at R give R XOR X XOR Y everywhere.
            long x = VALUES[0] & mask;
            long y = VALUES[1] & mask;
            for (int r = 0; r < n; r++) {
                assertEquals(R ^ x ^ y, cl.peek(r, 0), "concurrent puts at node " + r);
            }
        }
        // Repair (REP-REPAIR-1): resend every dropped copy once; with no duplicate left, all converge.
        boolean anyDuplicate = false;
        for (int c = 0; c < copies.size(); c++) {
            anyDuplicate |= mult[c] == 2;
            if (mult[c] == 0) {
                CopyChoice cc = copies.get(c);
                long behind = cl.peek(cc.to(), 0);
                cl.send(writer[cc.put()], cc.to(), msgs[cc.put()].seq);
                cl.deliver(writer[cc.put()], cc.to(), msgs[cc.put()].seq);
                assertEquals(behind ^ msgs[cc.put()].delta, cl.peek(cc.to(), 0), "repaired copy applies its delta");
            }
        }
        if (!anyDuplicate) {
            for (int r = 0; r < n; r++) {
                assertEquals(R ^ all, cl.peek(r, 0), "after repair node " + r + " converges");
            }
        }
        assertEquals(0, cl.inFlightCount(), "every copy was delivered or dropped");
    }

    /**
     * REP-CONV-1, REP-CACHE-1 with puts and deliveries interleaved, so that a put's delta depends on what
     * its writer had received: N ∈ {2, 3}, width 8, every node LOADs R at key 0; P ∈ {1, 2, 3} puts at key 0
     * by every writer map (N^P); each put is sent once to every peer; every schedule of the puts and the
     * P·(N−1) deliveries in which a delivery comes after its put and a writer's puts keep their order
     * (209,246 schedules). After each, every node reads R XOR the deltas as they were issued.
     */
    @Test
    void everyScheduleOfPutsAndDeliveriesConverges(TestReporter reporter) {
        long cases = 0;
        for (int n = 2; n <= 3; n++) {
            for (int p = 1; p <= 3; p++) {
                int writerMaps = (int) Math.pow(n, p);
                for (int wm = 0; wm < writerMaps; wm++) {
                    int[] writer = new int[p];
                    for (int i = 0, x = wm; i < p; i++, x /= n) {
                        writer[i] = x % n;
                    }
                    List<int[]> events = new ArrayList<>();
                    for (int i = 0; i < p; i++) {
                        events.add(new int[] {i, -1});
                        for (int r = 0; r < n; r++) {
                            if (r != writer[i]) {
                                events.add(new int[] {i, r});
                            }
                        }
                    }
                    cases += schedules(n, writer, events, new boolean[events.size()], new ArrayList<>());
                }
            }
        }
        reporter.publishEntry("cases", Long.toString(cases));
    }

    /** Extends a partial schedule by every event allowed next; replays each complete one. */
    private long schedules(int n, int[] writer, List<int[]> events, boolean[] done, List<int[]> schedule) {
        if (schedule.size() == events.size()) {
            replay(n, writer, schedule);
            return 1;
        }
        long total = 0;
        for (int e = 0; e < events.size(); e++) {
            if (done[e] || !allowed(events.get(e), writer, events, done)) {
                continue;
            }
            done[e] = true;
            schedule.add(events.get(e));
            total += schedules(n, writer, events, done, schedule);
            schedule.remove(schedule.size() - 1);
            done[e] = false;
        }
        return total;
    }

    private static boolean allowed(int[] ev, int[] writer, List<int[]> events, boolean[] done) {
        for (int k = 0; k < events.size(); k++) {
            int[] other = events.get(k);
            boolean mustPrecede = ev[1] >= 0
                    ? other[1] == -1 && other[0] == ev[0]
                    : other[1] == -1 && other[0] < ev[0] && writer[other[0]] == writer[ev[0]];
            if (mustPrecede && !done[k]) {
                return false;
            }
        }
        return true;
    }

    private void replay(int n, int[] writer, List<int[]> schedule) {
        Cluster cl = new Cluster(n, W, false);
        for (int node = 0; node < n; node++) {
            cl.load(node, 0, R);
        }
        long[] seq = new long[writer.length];
        long all = R;
        for (int[] ev : schedule) {
            if (ev[1] < 0) {
                DeltaMessage m = cl.putAndBroadcast(writer[ev[0]], 0, VALUES[ev[0]]);
                seq[ev[0]] = m.seq;
                all ^= m.delta;
            } else {
                cl.deliver(writer[ev[0]], ev[1], seq[ev[0]]);
            }
        }
        for (int r = 0; r < n; r++) {
            assertEquals(all, cl.peek(r, 0), "node " + r + " reads R XOR the issued deltas");
        }
    }

    /** REP-CACHE-1: on CacheNode itself, a peer in the writer's old state that receives put(k, v)'s delta reads v. */
    @Test
    void peerReceivingAPutReadsItsValue(TestReporter reporter) {
        long cases = 0;
        for (long old = 0; old < 16; old++) {
            for (long v = 0; v < 16; v++) {
                CacheNode writer = new CacheNode(0, 4);
                CacheNode peer = new CacheNode(1, 4);
                writer.load(7, old);
                peer.load(7, old);
                DeltaMessage m = writer.put(7, v);
                peer.receive(DeltaMessage.decode(m.encode()));
                assertEquals(v, writer.get(7));
                assertEquals(v, peer.get(7));
                assertEquals(old ^ v, m.delta);
                cases++;
            }
        }
        reporter.publishEntry("cases", Long.toString(cases));
    }

    /** NG-SWAP-1: on CacheNode and Cluster, SWAP returns the state, restarts from v, sends nothing, takes no seq. */
    @Test
    void swapIsLocalOnTheCluster(TestReporter reporter) {
        long cases = 0;
        for (long r = 0; r < 16; r++) {
            for (long v = 0; v < 16; v++) {
                Cluster cl = new Cluster(3, 4, false);
                for (int node = 0; node < 3; node++) {
                    cl.load(node, 2, r);
                }
                long seq = cl.node(0).lastSeq();
                assertEquals(r, cl.swap(0, 2, v));
                assertEquals(v, cl.peek(0, 2));
                assertEquals(seq, cl.node(0).lastSeq());
                assertEquals(0, cl.inFlightCount());
                assertEquals(r, cl.peek(1, 2));
                assertEquals(r, cl.peek(2, 2));
                if (v != r) {
                    assertNotEquals(cl.peek(0, 2), cl.peek(1, 2), "SWAP gives no convergence");
                }
                cases++;
            }
        }
        reporter.publishEntry("cases", Long.toString(cases));
    }
}
