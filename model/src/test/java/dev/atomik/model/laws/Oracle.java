package dev.atomik.model.laws;

import dev.atomik.model.AtomikError;
import dev.atomik.model.Context;
import dev.atomik.model.ErrorCode;
import java.util.List;

/**
 * Expected values computed independently of the model, so that a law never checks the model against
 * itself. The mask is built by an unsigned right shift, the model builds it by {@code (1 << W) - 1}:
 * a bug in either shows up as a disagreement.
 */
final class Oracle {
    private Oracle() {
    }

    /** 2^W − 1 for 1 ≤ W ≤ 64 (VAL-MASK-1), without the special case for W = 64. */
    static long mask(int width) {
        return -1L >>> (64 - width);
    }

    /** XOR of every delta in the list, each masked to W bits. */
    static long xorAll(List<Long> deltas, int width) {
        long acc = 0L;
        for (long d : deltas) {
            acc ^= d & mask(width);
        }
        return acc;
    }

    /** The observable state of a context as one comparable value: (R, A, C, READ). */
    static List<Long> observe(Context c) {
        return List.of(c.reference(), c.accumulator(), c.deltaCount(), c.read());
    }

    /** Runs {@code action}, which must fail, and returns its error code; a normal return is a failure. */
    static int errorCodeOf(Runnable action) {
        try {
            action.run();
        } catch (AtomikError e) {
            return e.code;
        }
        throw new AssertionError("expected an AtomikError, but the operation returned normally");
    }

    /** The message for an assertion on an error code: expected and actual, by name. */
    static String codeMismatch(int expected, int actual) {
        return "expected " + ErrorCode.name(expected) + " but got " + ErrorCode.name(actual);
    }
}
