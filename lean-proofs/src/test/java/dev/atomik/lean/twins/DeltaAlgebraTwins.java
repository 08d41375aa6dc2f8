package dev.atomik.lean.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.atomik.model.Context;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Twins of Atomik/Thm/DeltaGroup.lean, checked through the Java model's Context at width 64 (CTX-ALG-1, CTX-ROLLBACK-1). */
class DeltaAlgebraTwins {

    /** CTX-ALG-1: LOAD a; ACCUM b; ACCUM c reads (a ^ b) ^ c = a ^ (b ^ c). */
    @Property
    void deltasAssociate(@ForAll long a, @ForAll long b, @ForAll long c) {
        Context ctx = Gen.loaded(64, a);
        ctx.accum(b);
        ctx.accum(c);
        assertEquals(a ^ (b ^ c), ctx.read());
        assertEquals((a ^ b) ^ c, ctx.read());
    }

    /** CTX-ALG-1: ACCUM a; ACCUM b and ACCUM b; ACCUM a read the same. */
    @Property
    void deltasCommute(@ForAll long a, @ForAll long b) {
        assertEquals(Gen.readAfter(64, 0, java.util.List.of(a, b)), Gen.readAfter(64, 0, java.util.List.of(b, a)));
    }

    /** CTX-ALG-1: ACCUM 0 changes no state. */
    @Property
    void zeroDeltaIsIdentity(@ForAll long a) {
        Context ctx = Gen.loaded(64, a);
        ctx.accum(0L);
        assertEquals(a, ctx.read());
    }

    /** CTX-ROLLBACK-1: every delta is its own inverse; MERGE of a context into itself clears it. */
    @Property
    void everyDeltaIsItsOwnInverse(@ForAll long a) {
        Context ctx = new Context(64);
        ctx.accum(a);
        ctx.accum(a);
        assertEquals(0L, ctx.read());
    }

    /** CTX-ROLLBACK-1: a ^ (a ^ b) = b and (a ^ b) ^ b = a, via ROLLBACK. */
    @Property
    void inverseCancels(@ForAll long a, @ForAll long b) {
        Context ctx = Gen.loaded(64, a);
        ctx.accum(b);
        ctx.rollback(b);
        assertEquals(a, ctx.read());
        Context left = Gen.loaded(64, a);
        left.accum(a);
        left.accum(b);
        assertEquals(b, left.read());
    }

    /** NG-ORDER-1: a ^ (b ^ c) = b ^ (a ^ c). */
    @Property
    void deltasExchangeUnderALeftOperand(@ForAll long a, @ForAll long b, @ForAll long c) {
        assertEquals(Gen.readAfter(64, a, java.util.List.of(b, c)), Gen.readAfter(64, b, java.util.List.of(a, c)));
    }

    /** CTX-ALG-1: distinct deltas applied to the same state give distinct states. */
    @Property
    void accumIsInjective(@ForAll long a, @ForAll long b, @ForAll long c) {
        if (b != c) {
            assertNotEquals(Gen.readAfter(64, a, java.util.List.of(b)), Gen.readAfter(64, a, java.util.List.of(c)));
        } else {
            assertEquals(Gen.readAfter(64, a, java.util.List.of(b)), Gen.readAfter(64, a, java.util.List.of(c)));
        }
    }

    /** CTX-ROLLBACK-1: the only delta that brings a back to 0 is a itself. */
    @Property
    void inverseIsUnique(@ForAll long a, @ForAll long b) {
        assertEquals(a == b, Gen.readAfter(64, a, java.util.List.of(b)) == 0L);
    }
}
