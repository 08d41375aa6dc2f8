package dev.atomik.lean.twins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atomik.model.Context;
import dev.atomik.model.DeltaMessage;
import dev.atomik.model.DeltaStream;
import dev.atomik.model.ErrorCode;
import dev.atomik.model.Width;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** Exhaustive checks at small widths: every value, every order (the theorems' statements, all cases). */
class ExhaustiveTwins {
    private static final int W = 3;
    private static final int N = 1 << W;

    /** CTX-ALG-1, CTX-ROLLBACK-1: group laws for every a, b, c at width 4, through Context. */
    @Test
    void groupLawsAtWidth4(TestReporter reporter) {
        long cases = 0;
        for (long a = 0; a < 16; a++) {
            for (long b = 0; b < 16; b++) {
                assertEquals(Gen.readAfter(4, a, List.of(b)), Gen.readAfter(4, b, List.of(a)), "comm");
                assertEquals(a, Gen.readAfter(4, a, List.of(0L)), "identity");
                assertEquals(a, Gen.readAfter(4, a, List.of(b, b)), "self-inverse");
                assertEquals(a == b, Gen.readAfter(4, a, List.of(b)) == 0L, "unique inverse");
                for (long c = 0; c < 16; c++) {
                    assertEquals((a ^ b) ^ c, Gen.readAfter(4, a, List.of(b, c)), "assoc");
                    assertEquals(Gen.readAfter(4, a, List.of(b, c)), Gen.readAfter(4, b, List.of(a, c)), "left-comm");
                    assertEquals(b == c, Gen.readAfter(4, a, List.of(b)) == Gen.readAfter(4, a, List.of(c)), "injective");
                    cases++;
                }
            }
        }
        reporter.publishEntry("cases", Long.toString(cases));
    }

    /** VAL-MASK-1: the mask of every width 1 … 64 is 2^W − 1. */
    @Test
    void maskOfEveryWidth(TestReporter reporter) {
        long cases = 0;
        for (int w = 1; w <= 64; w++) {
            long expected = w == 64 ? -1L : (1L << w) - 1L;
            assertEquals(expected, Width.maskOf(w), "width " + w);
            assertEquals(w, Long.bitCount(Width.maskOf(w)), "width " + w);
            cases++;
        }
        reporter.publishEntry("cases", Long.toString(cases));
    }

    /** VAL-MASK-1, VAL-MASK-2, CTX-LOAD-1, CTX-ACCUM-1: inputs above W bits are masked; results stay in W bits. */
    @Test
    void maskingAtWidth3(TestReporter reporter) {
        long cases = 0;
        long mask = N - 1;
        for (long r = 0; r < 4 * N; r++) {
            for (long d = 0; d < 4 * N; d++) {
                Context c = Gen.loaded(W, r);
                assertEquals(r & mask, c.read());
                c.accum(d);
                assertEquals((r & mask) ^ (d & mask), c.read());
                assertEquals(c.accumulator(), c.accumulator() & mask);
                assertEquals(c.read(), c.read() & mask);
                cases++;
            }
        }
        reporter.publishEntry("cases", Long.toString(cases));
    }

    /** CTX-ALG-1, NG-ORDER-1, REP-CONV-1: every list of 3 deltas at width 3, in all 6 orders, reads r ^ d1 ^ d2 ^ d3. */
    @Test
    void everyOrderOfThreeDeltasAtWidth3(TestReporter reporter) {
        long cases = 0;
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (long r = 0; r < N; r++) {
            for (long x = 0; x < N * N * N; x++) {
                long[] d = {x % N, (x / N) % N, x / (N * N)};
                for (int[] p : perms) {
                    List<Long> order = List.of(d[p[0]], d[p[1]], d[p[2]]);
                    assertEquals(r ^ d[0] ^ d[1] ^ d[2], Gen.readAfter(W, r, order));
                    cases++;
                }
            }
        }
        reporter.publishEntry("cases", Long.toString(cases));
    }

    /** NG-CONC-1: for every R, X, Y at width 3 a replica receiving both put deltas reads R ^ X ^ Y, which is X only when Y = R. */
    @Test
    void concurrentPutsAtWidth3(TestReporter reporter) {
        long cases = 0;
        for (long r = 0; r < N; r++) {
            for (long x = 0; x < N; x++) {
                for (long y = 0; y < N; y++) {
                    DeltaStream s = Gen.replica(W, 7, r, List.of(new DeltaMessage(7, r ^ x, 1), new DeltaMessage(7, r ^ y, 2)));
                    assertEquals(r ^ x ^ y, s.read(7));
                    assertEquals(y == r, s.read(7) == x);
                    cases++;
                }
            }
        }
        reporter.publishEntry("cases", Long.toString(cases));
    }

    /** WIRE-ROUND-1, WIRE-FIELDS-1: every 16-bit value splits into its high then low byte and joins back. */
    @Test
    void everySixteenBitValueSplitsAndJoins(TestReporter reporter) {
        long cases = 0;
        byte[] buf = new byte[2];
        for (long x = 0; x < 65536; x++) {
            DeltaMessage.putBigEndian(buf, 0, x, 2);
            assertEquals((byte) (x >>> 8), buf[0]);
            assertEquals((byte) x, buf[1]);
            assertEquals(x, DeltaMessage.getBigEndian(buf, 0, 2));
            cases++;
        }
        reporter.publishEntry("cases", Long.toString(cases));
    }

    /** WIRE-LEN-2: every length 0 … 64 other than 16 fails with BAD_LENGTH. */
    @Test
    void everyWrongLengthIsRejected(TestReporter reporter) {
        long cases = 0;
        for (int n = 0; n <= 64; n++) {
            byte[] b = new byte[n];
            if (n > 15) {
                b[15] = 1;
            }
            int code = Gen.errorCode(() -> DeltaMessage.decode(b));
            assertEquals(n == 16 ? 0 : ErrorCode.BAD_LENGTH, code, "length " + n);
            cases++;
        }
        reporter.publishEntry("cases", Long.toString(cases));
    }

    /**
     * WIRE-ROUND-1: every frame that differs from the frame 00…01 (seq 1) in one byte, at each of the 16
     * positions and to each of the 256 values (the all-zero seq excluded, it is not a valid frame): 4,095
     * frames, each decoded and encoded back byte for byte.
     */
    @Test
    void sixteenBytesRoundTrip(TestReporter reporter) {
        long cases = 0;
        for (int pos = 0; pos < 16; pos++) {
            for (int v = 0; v < 256; v++) {
                byte[] b = new byte[16];
                b[15] = 1;
                b[pos] = (byte) v;
                if (pos == 15 && v == 0) {
                    continue;
                }
                assertArrayEquals(b, DeltaMessage.decode(b).encode());
                cases++;
            }
        }
        reporter.publishEntry("cases", Long.toString(cases));
    }
}
