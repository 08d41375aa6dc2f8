package dev.atomik.lean.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atomik.model.Context;
import dev.atomik.model.DeltaMessage;
import dev.atomik.model.DeltaStream;
import dev.atomik.model.Width;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Twins of OrderIndependence, Convergence and NonGuarantees: lists of deltas, permutations, replicas. */
class OrderTwins {

    /** CTX-ALG-1, NG-ORDER-1: any permutation of the same deltas gives the same state. */
    @Property
    void permutationsReadTheSame(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r,
                                 @ForAll @Size(max = 12) List<Long> ds, @ForAll long seed) {
        assertEquals(Gen.readAfter(w, r, ds), Gen.readAfter(w, r, Gen.shuffled(ds, seed)));
    }

    /** CTX-ALG-1: LOAD r; ACCUM d1 … dn reads r ^ d1 ^ … ^ dn (masked); the count is n. */
    @Property
    void loadThenAccumAll(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r, @ForAll @Size(max = 12) List<Long> ds) {
        long m = Width.maskOf(w);
        Context c = Gen.loaded(w, r);
        ds.forEach(c::accum);
        assertEquals((r & m) ^ Gen.xorAll(ds, m), c.read());
        assertEquals(ds.size(), c.deltaCount());
        assertEquals(w, c.width());
    }

    /** NG-ORDER-1: two ACCUMs commute. */
    @Property
    void twoAccumsCommute(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r, @ForAll long a, @ForAll long b) {
        assertEquals(Gen.readAfter(w, r, List.of(a, b)), Gen.readAfter(w, r, List.of(b, a)));
    }

    /** REP-CONV-1: two replicas that LOAD the same reference and APPLY the same messages in different orders converge to r ^ XOR(deltas). */
    @Property
    void replicasConverge(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r,
                          @ForAll @Size(max = 12) List<Long> ds, @ForAll long seed) {
        List<DeltaMessage> messages = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            messages.add(new DeltaMessage(5, ds.get(i), i + 1));
        }
        DeltaStream a = Gen.replica(w, 5, r, messages);
        DeltaStream b = Gen.replica(w, 5, r, Gen.shuffled(messages, seed));
        long m = Width.maskOf(w);
        assertEquals(a.read(5), b.read(5));
        assertEquals((r & m) ^ Gen.xorAll(ds, m), b.read(5));
    }

    /** NG-DUP-1: the same delta twice cancels. */
    @Property
    void duplicateDeltaCancels(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r, @ForAll long a, @ForAll long d) {
        Context c = Gen.loaded(w, r);
        c.accum(a);
        long before = c.read();
        c.accum(d);
        c.accum(d);
        assertEquals(before, c.read());
    }

    /** REP-DEDUP-1: delivering a non-zero delta twice differs from delivering it once. */
    @Property
    void duplicateDeliveryDiffers(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r, @ForAll long d) {
        long m = Width.maskOf(w);
        DeltaStream once = Gen.replica(w, 1, r, List.of(new DeltaMessage(1, d, 1)));
        DeltaStream twice = Gen.replica(w, 1, r, List.of(new DeltaMessage(1, d, 1), new DeltaMessage(1, d, 1)));
        assertEquals((d & m) != 0, once.read(1) != twice.read(1));
    }

    /** NG-CONC-1: puts of X and Y at a key holding R give R ^ X ^ Y on a replica that receives both, which is X only when Y = R. */
    @Property
    void concurrentPuts(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r0, @ForAll long x0, @ForAll long y0) {
        long m = Width.maskOf(w);
        long r = r0 & m;
        long x = x0 & m;
        long y = y0 & m;
        assertEquals(r ^ x ^ y, r ^ (r ^ x) ^ (r ^ y));
        DeltaStream s = Gen.replica(w, 9, r, List.of(new DeltaMessage(9, r ^ x, 1), new DeltaMessage(9, r ^ y, 1)));
        assertEquals(r ^ x ^ y, s.read(9));
        assertEquals(y == r, s.read(9) == x);
    }
}
