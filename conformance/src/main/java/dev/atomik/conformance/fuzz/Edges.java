package dev.atomik.conformance.fuzz;

import java.util.SplittableRandom;

/**
 * Random operands weighted toward the edges where implementations go wrong: zero, one, all ones,
 * the width mask and the first bit above it, the top bit of the width, u32 limits for message
 * fields, and just-out-of-range values. Uniform values fill the rest.
 */
final class Edges {
    static final long U32_MAX = 0xFFFF_FFFFL;
    static final long ALL_ONES = -1L;

    private Edges() {
    }

    /** A value or delta for a word of {@code width} bits (inputs wider than W are legal: VAL-MASK-1). */
    static long value(SplittableRandom rnd, int width) {
        long mask = width >= 64 ? ALL_ONES : (1L << width) - 1;
        int pick = rnd.nextInt(20);
        return switch (pick) {
            case 0, 1 -> 0;
            case 2 -> 1;
            case 3, 4 -> ALL_ONES;
            case 5, 6 -> mask;
            case 7 -> width >= 64 ? Long.MIN_VALUE : 1L << width; // the first bit the mask removes
            case 8 -> 1L << (width - 1);                             // the top bit of the word
            case 9 -> mask ^ 1;
            case 10 -> rnd.nextLong(16);
            case 11, 12 -> rnd.nextLong();
            default -> rnd.nextLong() & mask;
        };
    }

    /** A message address: mostly u32, sometimes just beyond it (WIRE-RANGE-1, STR-SPARSE-1). */
    static long messageAddress(SplittableRandom rnd) {
        int pick = rnd.nextInt(16);
        return switch (pick) {
            case 0, 1, 2 -> 0;
            case 3 -> 1;
            case 4, 5 -> U32_MAX;
            case 6 -> U32_MAX + 1;
            case 7 -> ALL_ONES;
            default -> rnd.nextLong(4);
        };
    }

    /** A sequence number: 1 and small ones mostly, the u32 limit, and the illegal 0 and 2^32. */
    static long seq(SplittableRandom rnd) {
        int pick = rnd.nextInt(16);
        return switch (pick) {
            case 0 -> 0;
            case 1 -> U32_MAX;
            case 2 -> U32_MAX + 1;
            case 3 -> rnd.nextLong(1, U32_MAX + 1);
            default -> rnd.nextLong(1, 4);
        };
    }

    /**
     * A legal width in the adapter's range, half the time one of the boundaries (1, 8, 16, 32, 63,
     * 64 and the range's own ends).
     */
    static int width(SplittableRandom rnd, int min, int max) {
        if (rnd.nextBoolean()) {
            int[] edges = {min, max, 1, 2, 8, 16, 31, 32, 33, 63, 64};
            int w = edges[rnd.nextInt(edges.length)];
            if (w >= min && w <= max) {
                return w;
            }
        }
        return rnd.nextInt(min, max + 1);
    }

    /** A width outside 1..64 (BAD_WIDTH, VAL-WIDTH-1). */
    static int badWidth(SplittableRandom rnd) {
        int[] bad = {0, 65, 66, 100, 127, 128, 129, 1000};
        return bad[rnd.nextInt(bad.length)];
    }

    /**
     * VAL-HEX-1 allows either case and leading zeros; now and then spell a value that way so an
     * implementation that only parses canonical hex is caught.
     */
    static String hex(SplittableRandom rnd, long value) {
        String digits = Long.toHexString(value);
        int pick = rnd.nextInt(32);
        if (pick == 0) {
            return "0x" + digits.toUpperCase(java.util.Locale.ROOT);
        }
        if (pick == 1 && digits.length() < 16) {
            return "0x" + "0".repeat(rnd.nextInt(1, 17 - digits.length())) + digits;
        }
        return "0x" + digits;
    }
}
