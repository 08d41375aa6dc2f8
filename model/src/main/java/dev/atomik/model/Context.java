package dev.atomik.model;

/**
 * One ATOMiK context: a W-bit reference, a W-bit accumulator and a delta count (spec/context.md).
 * The state is reference XOR accumulator; it is reconstructed on READ, never stored.
 */
public final /*@ spec_java_math @*/ class Context {
    private /*@ spec_public @*/ final int width;
    private /*@ spec_public @*/ final long mask;
    private /*@ spec_public @*/ long reference;
    private /*@ spec_public @*/ long accumulator;
    private /*@ spec_public @*/ long deltaCount;

    //@ public invariant 1 <= width && width <= 64;
    //@ public invariant deltaCount >= 0;

    /** Clauses: CTX-INIT-1, VAL-WIDTH-1. */
    /*@ public normal_behavior
      @   requires 1 <= width && width <= 64;
      @   ensures this.width == width && reference == 0 && accumulator == 0 && deltaCount == 0;
      @   ensures width == 64 ==> mask == -1L;
      @   ensures width < 64 ==> mask == (long) ((1L << width) - 1L);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires width < 1 || width > 64;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_WIDTH;
      @   assignable \nothing;
      @*/
    public Context(int width) {
        // KeY requires the class invariant even when a constructor throws, so the fields get legal
        // placeholder values before the check; the half-built object is never reachable.
        int legal = width >= Width.MIN && width <= Width.MAX ? width : Width.MIN;
        this.width = legal;
        this.mask = Width.maskOf(legal);
        this.reference = 0L;
        this.accumulator = 0L;
        this.deltaCount = 0L;
        Width.check(width);
    }

    /** Clauses: CTX-LOAD-1, VAL-MASK-1. */
    /*@ public normal_behavior
      @   ensures reference == (value & mask) && accumulator == 0 && deltaCount == 0;
      @   assignable reference, accumulator, deltaCount;
      @*/
    public void load(long value) {
        reference = value & mask;
        accumulator = 0L;
        deltaCount = 0L;
    }

    /** Clauses: CTX-ACCUM-1, VAL-MASK-1, CTX-COUNT-1. */
    /*@ public normal_behavior
      @   requires deltaCount < 9223372036854775807L;
      @   ensures accumulator == (\old(accumulator) ^ (delta & mask));
      @   ensures deltaCount == \old(deltaCount) + 1;
      @   ensures reference == \old(reference);
      @   assignable accumulator, deltaCount;
      @*/
    public void accum(long delta) {
        accumulator = accumulator ^ (delta & mask);
        deltaCount = deltaCount + 1;
    }

    /** Clauses: CTX-ROLLBACK-1. Rollback is ACCUM because XOR is self-inverse. */
    /*@ public normal_behavior
      @   requires deltaCount < 9223372036854775807L;
      @   ensures accumulator == (\old(accumulator) ^ (delta & mask));
      @   ensures deltaCount == \old(deltaCount) + 1;
      @   ensures reference == \old(reference);
      @   assignable accumulator, deltaCount;
      @*/
    public void rollback(long delta) {
        accum(delta);
    }

    /** Clauses: CTX-READ-1. */
    /*@ public normal_behavior
      @   ensures \result == (reference ^ accumulator);
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ long read() {
        return reference ^ accumulator;
    }

    /** Clauses: CTX-SWAP-1. */
    /*@ public normal_behavior
      @   ensures \result == (\old(reference) ^ \old(accumulator));
      @   ensures reference == \result && accumulator == 0 && deltaCount == 0;
      @   assignable reference, accumulator, deltaCount;
      @*/
    public long swap() {
        long state = reference ^ accumulator;
        reference = state;
        accumulator = 0L;
        deltaCount = 0L;
        return state;
    }

    /** Clauses: CTX-SWAP-2, VAL-MASK-1. */
    /*@ public normal_behavior
      @   ensures \result == (\old(reference) ^ \old(accumulator));
      @   ensures reference == (value & mask) && accumulator == 0 && deltaCount == 0;
      @   assignable reference, accumulator, deltaCount;
      @*/
    public long swap(long value) {
        long state = reference ^ accumulator;
        reference = value & mask;
        accumulator = 0L;
        deltaCount = 0L;
        return state;
    }

    /** Clauses: CTX-MERGE-1. Merging a context into itself clears the accumulator (x ^ x = 0). */
    /*@ public normal_behavior
      @   requires other != null && other.width == width;
      @   requires 0 <= other.deltaCount && other.deltaCount <= 9223372036854775807L - deltaCount;
      @   ensures accumulator == (\old(accumulator) ^ \old(other.accumulator));
      @   ensures deltaCount == \old(deltaCount) + \old(other.deltaCount);
      @   ensures reference == \old(reference);
      @   assignable accumulator, deltaCount;
      @ also public exceptional_behavior
      @   requires other != null && other.width != width;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_WIDTH;
      @   assignable \nothing;
      @*/
    public void merge(Context other) {
        if (other.width != width) {
            throw new AtomikError(ErrorCode.BAD_WIDTH);
        }
        long otherAccumulator = other.accumulator;
        long otherCount = other.deltaCount;
        accumulator = accumulator ^ otherAccumulator;
        deltaCount = deltaCount + otherCount;
    }

    /** Clauses: CTX-COUNT-1. */
    /*@ public normal_behavior
      @   ensures \result == deltaCount;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ long deltaCount() {
        return deltaCount;
    }

    /** Clauses: CTX-LOAD-1. The reference R. */
    /*@ public normal_behavior
      @   ensures \result == reference;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ long reference() {
        return reference;
    }

    /** Clauses: CTX-ACCUM-1. The accumulator A. */
    /*@ public normal_behavior
      @   ensures \result == accumulator;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ long accumulator() {
        return accumulator;
    }

    /** Clauses: VAL-WIDTH-1. The width W. */
    /*@ public normal_behavior
      @   ensures \result == width;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ int width() {
        return width;
    }
}
