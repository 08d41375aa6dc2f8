package dev.atomik.lean.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atomik.model.Context;
import dev.atomik.model.Width;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Twins of ContextOps, Rollback, Merge and Masking: one Context of a random width 1 … 64. */
class ContextTwins {

    /** CTX-INIT-1: a fresh context reads 0 and has count 0. */
    @Property
    void freshContextReadsZero(@ForAll @IntRange(min = 1, max = 64) int w) {
        Context c = new Context(w);
        assertEquals(0L, c.read());
        assertEquals(0L, c.deltaCount());
    }

    /** CTX-READ-1: READ is reference XOR accumulator and changes nothing. */
    @Property
    void readIsReferenceXorAccumulator(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r, @ForAll long d) {
        Context c = Gen.loaded(w, r);
        c.accum(d);
        long ref = c.reference();
        long acc = c.accumulator();
        long count = c.deltaCount();
        assertEquals(ref ^ acc, c.read());
        assertEquals(ref, c.reference());
        assertEquals(acc, c.accumulator());
        assertEquals(count, c.deltaCount());
    }

    /** CTX-LOAD-1: after LOAD v, READ is v masked, count 0, width kept. */
    @Property
    void loadThenRead(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long before, @ForAll long v) {
        Context c = new Context(w);
        c.accum(before);
        c.load(v);
        assertEquals(v & Width.maskOf(w), c.read());
        assertEquals(0L, c.deltaCount());
        assertEquals(0L, c.accumulator());
        assertEquals(w, c.width());
    }

    /** CTX-ACCUM-1, CTX-COUNT-1: ACCUM d XORs d masked into the state, adds 1 to the count, keeps R and the width. */
    @Property
    void accumThenRead(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r, @ForAll long a, @ForAll long d) {
        Context c = Gen.loaded(w, r);
        c.accum(a);
        long before = c.read();
        long ref = c.reference();
        long count = c.deltaCount();
        c.accum(d);
        assertEquals(before ^ (d & Width.maskOf(w)), c.read());
        assertEquals(count + 1, c.deltaCount());
        assertEquals(ref, c.reference());
        assertEquals(w, c.width());
    }

    /** CTX-SWAP-1: SWAP returns the state, keeps it as the new reference, clears A and C. */
    @Property
    void swapReturnsAndRestarts(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r, @ForAll long d) {
        Context c = Gen.loaded(w, r);
        c.accum(d);
        long state = c.read();
        assertEquals(state, c.swap());
        assertEquals(state, c.read());
        assertEquals(0L, c.accumulator());
        assertEquals(0L, c.deltaCount());
    }

    /** CTX-SWAP-2: SWAP v returns the state and then reads v masked. */
    @Property
    void swapValue(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r, @ForAll long d, @ForAll long v) {
        Context c = Gen.loaded(w, r);
        c.accum(d);
        long state = c.read();
        assertEquals(state, c.swap(v));
        assertEquals(v & Width.maskOf(w), c.read());
    }

    /** CTX-ROLLBACK-1: ROLLBACK d has the effect of ACCUM d, and undoes a preceding ACCUM d. */
    @Property
    void rollbackIsAccumAndUndoes(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r, @ForAll long d) {
        Context viaRollback = Gen.loaded(w, r);
        Context viaAccum = Gen.loaded(w, r);
        viaRollback.rollback(d);
        viaAccum.accum(d);
        assertEquals(viaAccum.read(), viaRollback.read());
        assertEquals(viaAccum.deltaCount(), viaRollback.deltaCount());
        Context c = Gen.loaded(w, r);
        long before = c.read();
        c.accum(d);
        c.rollback(d);
        assertEquals(before, c.read());
    }

    /** CTX-MERGE-1: MERGE XORs the source accumulator into the destination and adds counts. */
    @Property
    void mergeFoldsTheSource(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r, @ForAll long a, @ForAll long b) {
        Context dst = Gen.loaded(w, r);
        dst.accum(a);
        Context src = new Context(w);
        src.accum(b);
        src.accum(a);
        long before = dst.read();
        long dstCount = dst.deltaCount();
        dst.merge(src);
        assertEquals(before ^ src.accumulator(), dst.read());
        assertEquals(dstCount + src.deltaCount(), dst.deltaCount());
    }

    /** CTX-MERGE-1: merging a context into itself clears A and doubles C. */
    @Property
    void mergeIntoItself(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r, @ForAll long a, @ForAll long b) {
        Context c = Gen.loaded(w, r);
        c.accum(a);
        c.accum(b);
        long count = c.deltaCount();
        c.merge(c);
        assertEquals(0L, c.accumulator());
        assertEquals(2 * count, c.deltaCount());
    }

    /** VAL-MASK-1, VAL-MASK-2: masking is idempotent, distributes over XOR, and every result stays within W bits. */
    @Property
    void maskingKeepsValuesWithinWidth(@ForAll @IntRange(min = 1, max = 64) int w, @ForAll long r, @ForAll long a, @ForAll long b) {
        long m = Width.maskOf(w);
        assertEquals(a & m, (a & m) & m);
        assertEquals((a & m) ^ (b & m), (a ^ b) & m);
        Context c = Gen.loaded(w, r);
        c.accum(a);
        c.accum(b);
        assertEquals(c.accumulator(), c.accumulator() & m);
        assertEquals(c.reference(), c.reference() & m);
        assertEquals(c.read(), c.read() & m);
    }
}
