package dev.atomik.model;

/** Widths and masking (spec/values.md). */
public final /*@ spec_java_math @*/ class Width {
    public static final int MIN = 1;
    public static final int MAX = 64;

    private Width() {
    }

    /**
     * Clauses: VAL-MASK-1. The mask 2^width − 1 of a legal width. The (long) cast matters: JML
     * arithmetic is unbounded, and for width 63 Java's (1L << 63) − 1 wraps to Long.MAX_VALUE.
     */
    /*@ public normal_behavior
      @   requires 1 <= width && width <= 64;
      @   ensures width == 64 ==> \result == -1L;
      @   ensures width < 64 ==> \result == (long) ((1L << width) - 1L);
      @   assignable \nothing;
      @*/
    public static /*@ pure @*/ long maskOf(int width) {
        if (width == 64) {
            return -1L;
        }
        return (1L << width) - 1L;
    }

    /** Clauses: VAL-WIDTH-1, ERR-CODES-1. Fails with BAD_WIDTH unless 1 ≤ width ≤ 64. */
    /*@ public normal_behavior
      @   requires 1 <= width && width <= 64;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires width < 1 || width > 64;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_WIDTH;
      @   assignable \nothing;
      @*/
    public static void check(int width) {
        if (width < MIN || width > MAX) {
            throw new AtomikError(ErrorCode.BAD_WIDTH);
        }
    }
}
