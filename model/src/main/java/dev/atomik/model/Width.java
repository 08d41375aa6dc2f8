package dev.atomik.model;

/** Widths and masking (spec/values.md). */
public final class Width {
    public static final int MIN = 1;
    public static final int MAX = 64;

    private Width() {
    }

    /** The mask 2^width − 1 of a legal width (VAL-MASK-1). */
    /*@ public normal_behavior
      @   requires 1 <= width && width <= 64;
      @   ensures width == 64 ==> \result == -1L;
      @   ensures width < 64 ==> \result == (1L << width) - 1L;
      @   assignable \nothing;
      @*/
    public static /*@ pure @*/ long maskOf(int width) {
        if (width == 64) {
            return -1L;
        }
        return (1L << width) - 1L;
    }

    /** Fails with BAD_WIDTH unless 1 ≤ width ≤ 64 (VAL-WIDTH-1). */
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
