package dev.atomik.model.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.atomik.model.Context;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive (not random) checks at small widths: for W = 1..4 every reference and every pair or
 * triple of deltas, for W = 1..8 every 8-bit input. The expected values come from a bit-by-bit sum
 * modulo 2 and from arithmetic modulo 2^W, never from Java's {@code ^} and {@code &}, so a model that
 * computed its state with the wrong operator would be caught here even if it agreed with itself.
 */
class ExhaustiveSmallWidthTest {

    private static final int MAX_SMALL_WIDTH = 4;

    /** a ⊕ b at width W as the bitwise sum modulo 2, written without the XOR operator. */
    private static long plus(long a, long b, int width) {
        long out = 0;
        for (int i = 0; i < width; i++) {
            long bit = ((a >> i) % 2 + (b >> i) % 2) % 2;
            out += bit << i;
        }
        return out;
    }

    /** x mod 2^W for non-negative x: the masked value (VAL-MASK-1), written without {@code &}. */
    private static long reduce(long x, int width) {
        return Math.floorMod(x, 1L << width);
    }

    private static Context loaded(int width, long reference) {
        Context c = new Context(width);
        c.load(reference);
        return c;
    }

    private static void check(long expected, long actual, String what) {
        if (expected != actual) {
            fail(what + ": expected 0x" + Long.toHexString(expected) + " but was 0x" + Long.toHexString(actual));
        }
    }

    /** CTX-ALG-1 (commutativity): for W = 1..4, every r, a, b: ACCUM a; ACCUM b ≡ ACCUM b; ACCUM a. */
    @Test
    void exhaustive_CTX_ALG_1_commutativity_every_reference_and_pair() {
        for (int w = 1; w <= MAX_SMALL_WIDTH; w++) {
            long n = 1L << w;
            for (long r = 0; r < n; r++) {
                for (long a = 0; a < n; a++) {
                    for (long b = 0; b < n; b++) {
                        Context ab = loaded(w, r);
                        ab.accum(a);
                        ab.accum(b);
                        Context ba = loaded(w, r);
                        ba.accum(b);
                        ba.accum(a);
                        String where = "W=" + w + " r=" + r + " a=" + a + " b=" + b;
                        assertEquals(Oracle.observe(ab), Oracle.observe(ba), where);
                        check(plus(r, plus(a, b, w), w), ab.read(), where);
                    }
                }
            }
        }
    }

    /** CTX-ALG-1 (associativity): for W = 1..4, every r, a, b, c: a, b, c ≡ (a ⊕ b), c ≡ a, (b ⊕ c). */
    @Test
    void exhaustive_CTX_ALG_1_associativity_every_reference_and_triple() {
        for (int w = 1; w <= MAX_SMALL_WIDTH; w++) {
            long n = 1L << w;
            for (long r = 0; r < n; r++) {
                for (long a = 0; a < n; a++) {
                    for (long b = 0; b < n; b++) {
                        for (long c = 0; c < n; c++) {
                            Context one = loaded(w, r);
                            one.accum(a);
                            one.accum(b);
                            one.accum(c);
                            Context left = loaded(w, r);
                            left.accum(plus(a, b, w));
                            left.accum(c);
                            Context right = loaded(w, r);
                            right.accum(a);
                            right.accum(plus(b, c, w));
                            String where = "W=" + w + " r=" + r + " a=" + a + " b=" + b + " c=" + c;
                            long expected = plus(plus(plus(r, a, w), b, w), c, w);
                            check(expected, one.read(), where);
                            check(expected, left.read(), where + " (a⊕b),c");
                            check(expected, right.read(), where + " a,(b⊕c)");
                        }
                    }
                }
            }
        }
    }

    /** CTX-ALG-1 (identity 0): for W = 1..4, every r and prior delta p: ACCUM 0 changes no R, A, READ. */
    @Test
    void exhaustive_CTX_ALG_1_identity_zero_every_state() {
        for (int w = 1; w <= MAX_SMALL_WIDTH; w++) {
            long n = 1L << w;
            for (long r = 0; r < n; r++) {
                for (long p = 0; p < n; p++) {
                    Context c = loaded(w, r);
                    c.accum(p);
                    List<Long> before = Oracle.observe(c);
                    c.accum(0);
                    String where = "W=" + w + " r=" + r + " p=" + p;
                    assertEquals(List.of(before.get(0), before.get(1), 2L, before.get(3)), Oracle.observe(c), where);
                    check(plus(r, p, w), c.read(), where);
                }
            }
        }
    }

    /** CTX-ALG-1 (self-inverse): for W = 1..4, every r, prior p and d: ACCUM d; ACCUM d restores R, A, READ. */
    @Test
    void exhaustive_CTX_ALG_1_self_inverse_every_state_and_delta() {
        for (int w = 1; w <= MAX_SMALL_WIDTH; w++) {
            long n = 1L << w;
            for (long r = 0; r < n; r++) {
                for (long p = 0; p < n; p++) {
                    for (long d = 0; d < n; d++) {
                        Context c = loaded(w, r);
                        c.accum(p);
                        List<Long> before = Oracle.observe(c);
                        c.accum(d);
                        check(plus(plus(r, p, w), d, w), c.read(), "W=" + w + " r=" + r + " p=" + p + " d=" + d + " once");
                        c.accum(d);
                        assertEquals(List.of(before.get(0), before.get(1), 3L, before.get(3)), Oracle.observe(c),
                                "W=" + w + " r=" + r + " p=" + p + " d=" + d);
                    }
                }
            }
        }
    }

    private static final int[][] PERMUTATIONS_OF_3 = {
        {0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0},
    };

    /** CTX-ALG-1 (order independence): for W = 1..4, every r and triple, all 6 orders read r ⊕ a ⊕ b ⊕ c. */
    @Test
    void exhaustive_CTX_ALG_1_order_independence_every_triple_every_permutation() {
        for (int w = 1; w <= MAX_SMALL_WIDTH; w++) {
            long n = 1L << w;
            for (long r = 0; r < n; r++) {
                for (long a = 0; a < n; a++) {
                    for (long b = 0; b < n; b++) {
                        for (long c = 0; c < n; c++) {
                            long[] deltas = {a, b, c};
                            long expected = plus(plus(plus(r, a, w), b, w), c, w);
                            for (int[] order : PERMUTATIONS_OF_3) {
                                Context ctx = loaded(w, r);
                                for (int i : order) {
                                    ctx.accum(deltas[i]);
                                }
                                // Messages are built only on failure: this loop runs ~420,000 times.
                                if (ctx.read() != expected || ctx.deltaCount() != 3L) {
                                    fail("W=" + w + " r=" + r + " deltas=" + a + "," + b + "," + c + " order="
                                            + order[0] + order[1] + order[2] + ": expected READ 0x"
                                            + Long.toHexString(expected) + " COUNT 3, got READ 0x"
                                            + Long.toHexString(ctx.read()) + " COUNT " + ctx.deltaCount());
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** CTX-LOAD-1: for W = 1..4, from every state (r0 ⊕ p) and for every v: LOAD v reads v, A = 0, C = 0. */
    @Test
    void exhaustive_CTX_LOAD_1_every_value_from_every_state() {
        for (int w = 1; w <= MAX_SMALL_WIDTH; w++) {
            long n = 1L << w;
            for (long r0 = 0; r0 < n; r0++) {
                for (long p = 0; p < n; p++) {
                    for (long v = 0; v < n; v++) {
                        Context c = loaded(w, r0);
                        c.accum(p);
                        c.load(v);
                        assertEquals(List.of(v, 0L, 0L, v), Oracle.observe(c), "W=" + w + " r0=" + r0 + " p=" + p + " v=" + v);
                    }
                }
            }
        }
    }

    /** CTX-SWAP-1: for W = 1..4, every r and d: SWAP returns r ⊕ d, then R = r ⊕ d, A = 0, C = 0. */
    @Test
    void exhaustive_CTX_SWAP_1_every_reference_and_delta() {
        for (int w = 1; w <= MAX_SMALL_WIDTH; w++) {
            long n = 1L << w;
            for (long r = 0; r < n; r++) {
                for (long d = 0; d < n; d++) {
                    Context c = loaded(w, r);
                    c.accum(d);
                    long s = plus(r, d, w);
                    String where = "W=" + w + " r=" + r + " d=" + d;
                    check(s, c.swap(), where);
                    assertEquals(List.of(s, 0L, 0L, s), Oracle.observe(c), where);
                }
            }
        }
    }

    /** CTX-SWAP-2: for W = 1..4, every r, d and v: SWAP v returns r ⊕ d, then R = v, A = 0, C = 0. */
    @Test
    void exhaustive_CTX_SWAP_2_every_reference_delta_and_value() {
        for (int w = 1; w <= MAX_SMALL_WIDTH; w++) {
            long n = 1L << w;
            for (long r = 0; r < n; r++) {
                for (long d = 0; d < n; d++) {
                    for (long v = 0; v < n; v++) {
                        Context c = loaded(w, r);
                        c.accum(d);
                        String where = "W=" + w + " r=" + r + " d=" + d + " v=" + v;
                        check(plus(r, d, w), c.swap(v), where);
                        assertEquals(List.of(v, 0L, 0L, v), Oracle.observe(c), where);
                    }
                }
            }
        }
    }

    /** CTX-ROLLBACK-1: for W = 1..4, every r, prior p and d: ACCUM d; ROLLBACK d restores the state. */
    @Test
    void exhaustive_CTX_ROLLBACK_1_every_state_and_delta() {
        for (int w = 1; w <= MAX_SMALL_WIDTH; w++) {
            long n = 1L << w;
            for (long r = 0; r < n; r++) {
                for (long p = 0; p < n; p++) {
                    for (long d = 0; d < n; d++) {
                        Context c = loaded(w, r);
                        c.accum(p);
                        c.accum(d);
                        c.rollback(d);
                        String where = "W=" + w + " r=" + r + " p=" + p + " d=" + d;
                        check(plus(r, p, w), c.read(), where);
                        assertEquals(3L, c.deltaCount(), where);
                        Context viaRollback = loaded(w, r);
                        viaRollback.rollback(d);
                        check(plus(r, d, w), viaRollback.read(), where + " (rollback alone)");
                    }
                }
            }
        }
    }

    /**
     * VAL-MASK-1: for W = 1..8 and every 8-bit input x (including those wider than W), LOAD x, ACCUM x
     * and SWAP x use exactly x mod 2^W.
     */
    @Test
    void exhaustive_VAL_MASK_1_every_8_bit_input_at_widths_1_to_8() {
        for (int w = 1; w <= 8; w++) {
            for (long x = 0; x < 256; x++) {
                long expected = reduce(x, w);
                String where = "W=" + w + " x=0x" + Long.toHexString(x);
                Context loaded = new Context(w);
                loaded.load(x);
                check(expected, loaded.reference(), where + " LOAD");
                Context accumulated = new Context(w);
                accumulated.accum(x);
                check(expected, accumulated.accumulator(), where + " ACCUM");
                Context swapped = new Context(w);
                swapped.swap(x);
                check(expected, swapped.reference(), where + " SWAP v");
            }
        }
    }

    /**
     * VAL-MASK-2: for W = 1..8 and every pair of 8-bit inputs (x loaded, y accumulated), READ and SWAP
     * return values below 2^W, equal to (x mod 2^W) ⊕ (y mod 2^W).
     */
    @Test
    void exhaustive_VAL_MASK_2_every_8_bit_input_pair_returns_within_width() {
        for (int w = 1; w <= 8; w++) {
            for (long x = 0; x < 256; x++) {
                for (long y = 0; y < 256; y++) {
                    Context c = new Context(w);
                    c.load(x);
                    c.accum(y);
                    long expected = plus(reduce(x, w), reduce(y, w), w);
                    long read = c.read();
                    long swapped = c.swap();
                    // Messages are built only on failure: this loop runs ~520,000 times.
                    if (read < 0 || read >= (1L << w) || read != expected || swapped != expected) {
                        fail("W=" + w + " x=0x" + Long.toHexString(x) + " y=0x" + Long.toHexString(y)
                                + ": expected 0x" + Long.toHexString(expected) + " (below 2^W), got READ 0x"
                                + Long.toHexString(read) + " SWAP 0x" + Long.toHexString(swapped));
                    }
                }
            }
        }
    }
}
