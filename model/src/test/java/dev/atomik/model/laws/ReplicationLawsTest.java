package dev.atomik.model.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.atomik.model.DeltaMessage;
import dev.atomik.model.DeltaStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of replicas built from {@link DeltaStream}s exchanging {@link DeltaMessage}s
 * (spec/replication.md, spec/non-guarantees.md): convergence under any delivery order, and the
 * documented non-guarantee that a duplicate delivery cancels a delta.
 */
class ReplicationLawsTest {

    /** A write at a pool address, turned into a message by a sender stream. */
    record Write(long address, long delta) {
    }

    @Provide
    Arbitrary<List<List<Write>>> writesAndPermutation() {
        Arbitrary<Write> write = Combinators.combine(StreamOp.poolAddress(), Arbitraries.longs()).as(Write::new);
        return write.list().ofMaxSize(24)
                .flatMap(writes -> Arbitraries.shuffle(writes).map(perm -> List.of(writes, perm)));
    }

    /** A replica that LOADed the same reference at every pool address, then SWAPped {@code swaps} times. */
    private static DeltaStream replica(int width, List<Long> references, int swaps) {
        DeltaStream s = StreamOp.small(width);
        for (int i = 0; i < StreamOp.POOL.size(); i++) {
            s.load(StreamOp.POOL.get(i), references.get(i));
        }
        for (int i = 0; i < swaps; i++) {
            s.swap(StreamOp.POOL.get(i % StreamOp.POOL.size()));
        }
        return s;
    }

    /** The messages a sender stream issues for the writes, in issue order. */
    private static List<DeltaMessage> send(int width, List<Write> writes) {
        DeltaStream sender = StreamOp.small(width);
        writes.forEach(w -> sender.accum(w.address(), w.delta()));
        return Arrays.asList(sender.drain());
    }

    /**
     * REP-CONV-1: two replicas that start from the same references (with different epochs, STR-EPOCH-1)
     * and each APPLY the same multiset of messages exactly once, in two arbitrary orders, read the same
     * state at every address, namely reference ⊕ (XOR of that address's deltas, masked).
     * A failure means replicas diverge although every message arrived exactly once.
     */
    @Property
    void required_REP_CONV_1_replicas_applying_same_messages_in_any_order_converge(
            @ForAll @IntRange(min = 1, max = 64) int width,
            @ForAll @Size(8) List<Long> references,
            @ForAll("writesAndPermutation") List<List<Write>> writesAndPermutation,
            @ForAll @IntRange(min = 0, max = 3) int extraSwaps) {
        List<Write> writes = writesAndPermutation.get(0);
        List<DeltaMessage> messages = send(width, writes);
        // The same messages in the permuted order: match each permuted write to its own message.
        List<DeltaMessage> permuted = new ArrayList<>();
        List<DeltaMessage> remaining = new ArrayList<>(messages);
        for (Write w : writesAndPermutation.get(1)) {
            for (int i = 0; i < remaining.size(); i++) {
                DeltaMessage m = remaining.get(i);
                if (m.addr == w.address() && m.delta == (w.delta() & Oracle.mask(width))) {
                    permuted.add(remaining.remove(i));
                    break;
                }
            }
        }
        assertEquals(messages.size(), permuted.size());

        DeltaStream a = replica(width, references, 0);
        DeltaStream b = replica(width, references, extraSwaps);
        messages.forEach(a::apply);
        permuted.forEach(b::apply);
        for (int i = 0; i < StreamOp.POOL.size(); i++) {
            long address = StreamOp.POOL.get(i);
            List<Long> deltasHere = writes.stream().filter(w -> w.address() == address).map(Write::delta).toList();
            long expected = (references.get(i) & Oracle.mask(width)) ^ Oracle.xorAll(deltasHere, width);
            assertEquals(expected, a.read(address), "replica A at 0x" + Long.toHexString(address));
            assertEquals(expected, b.read(address), "replica B at 0x" + Long.toHexString(address));
        }
    }

    /**
     * NG-DUP-1: APPLYing the same message twice leaves every address reading as if it never arrived
     * (the model does not de-duplicate; that is the transport's job, REP-DEDUP-1), while applying it
     * once changes the state whenever its masked delta is non-zero. A failure means the algebra hides
     * or mishandles duplicates.
     */
    @Property
    void required_NG_DUP_1_applying_a_message_twice_cancels_it(@ForAll @IntRange(min = 1, max = 64) int width,
            @ForAll @Size(max = 24) List<@net.jqwik.api.From("ops") StreamOp> history,
            @ForAll("poolAddress") long address, @ForAll long delta, @ForAll long seqSeed) {
        DeltaStream s = StreamOp.small(width);
        history.forEach(op -> op.applyTo(s));
        long before = s.read(address);
        DeltaMessage m = new DeltaMessage(address, delta, 1 + Math.floorMod(seqSeed, 0xffffffffL));
        s.apply(m);
        long once = s.read(address);
        s.apply(m);
        assertEquals(before, s.read(address));
        if ((delta & Oracle.mask(width)) != 0) {
            assertNotEquals(before, once, "a single APPLY of a non-zero delta must change the state");
        }
    }

    /**
     * NG-CONC-1: two cache nodes that concurrently put X and Y at a key holding R (each LOADs locally
     * and sends old ⊕ new, REP-CACHE-1) end, on every replica that received both deltas, at
     * R ⊕ X ⊕ Y (masked), which in general neither wrote. A failure means the model picks a winner.
     */
    @Property
    void required_NG_CONC_1_concurrent_puts_converge_to_xor_of_both(@ForAll @IntRange(min = 1, max = 64) int width,
            @ForAll("poolAddress") long key, @ForAll long r, @ForAll long x, @ForAll long y) {
        DeltaStream node1 = StreamOp.small(width);
        DeltaStream node2 = StreamOp.small(width);
        DeltaStream node3 = StreamOp.small(width);
        for (DeltaStream n : List.of(node1, node2, node3)) {
            n.load(key, r);
        }
        DeltaMessage fromNode1 = put(node1, key, x, 1);
        DeltaMessage fromNode2 = put(node2, key, y, 1);
        node1.apply(fromNode2);
        node2.apply(fromNode1);
        node3.apply(fromNode2);
        node3.apply(fromNode1);
        long m = Oracle.mask(width);
        long expected = (r ^ x ^ y) & m;
        assertEquals(expected, node1.read(key));
        assertEquals(expected, node2.read(key));
        assertEquals(expected, node3.read(key));
    }

    /** REP-CACHE-1's put, from stream primitives: read the old state, LOAD the new, send old ⊕ new. */
    private static DeltaMessage put(DeltaStream node, long key, long value, long seq) {
        long old = node.read(key);
        node.load(key, value);
        return new DeltaMessage(key, old ^ node.read(key), seq);
    }

    @Provide
    Arbitrary<StreamOp> ops() {
        return StreamOp.any();
    }

    @Provide
    Arbitrary<Long> poolAddress() {
        return StreamOp.poolAddress();
    }
}
