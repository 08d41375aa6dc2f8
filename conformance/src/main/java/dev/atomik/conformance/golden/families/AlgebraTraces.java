package dev.atomik.conformance.golden.families;

import static dev.atomik.conformance.golden.TraceBuilder.seeded;
import static dev.atomik.conformance.golden.TraceBuilder.trace;

import dev.atomik.conformance.golden.TraceBuilder;
import dev.atomik.conformance.golden.TraceDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * CTX-ALG-1 and friends: long random runs and permutations. Every random choice comes from
 * {@link Random} with the seed written in the header, so a trace can be regenerated bit for bit.
 */
public final class AlgebraTraces {
    private AlgebraTraces() {
    }

    public static List<TraceDef> all() {
        List<TraceDef> out = new ArrayList<>();
        out.add(trace("algebra-laws", "algebra/identity-zero", "ACCUM 0 is the identity.", "CTX-ALG-1")
                .context(64).load(0, 0xabc).accum(0, 0).accum(0, 0).read(0).build());
        out.add(trace("algebra-laws", "algebra/self-inverse", "Every delta is its own inverse: ACCUM d twice restores the state.",
                "CTX-ALG-1", "NG-DUP-1")
                .context(64).load(0, 0x5a5a).accum(0, 0xdeadbeefL).read(0).accum(0, 0xdeadbeefL).read(0).build());
        out.add(trace("algebra-laws", "algebra/commutative-pair", "ACCUM 0x1; ACCUM 0x2 and ACCUM 0x2; ACCUM 0x1 give the same state.",
                "CTX-ALG-1", "TBL-OPS-1")
                .table(64, 2).accum(0, 0x1).accum(0, 0x2).accum(1, 0x2).accum(1, 0x1).check(0, 1).build());
        for (long seed : new long[] {0xa1L, 0xa2L}) {
            out.add(randomRun(seed, 64, 200));
        }
        out.add(randomRun(0xa3L, 13, 120));
        // Narrow widths a core may have: XOR on 1 bit, a byte, a 32-bit word.
        out.add(randomRun(0xa4L, 1, 60));
        out.add(randomRun(0xa5L, 8, 80));
        out.add(randomRun(0xa6L, 32, 120));
        for (long seed : new long[] {0xb1L, 0xb2L, 0xb3L}) {
            out.add(permutation(seed));
            out.add(contextPermutation(seed));
        }
        out.add(trace("algebra-laws", "algebra/commutative-pair-context",
                "On one context, ACCUM 0x1; ACCUM 0x2 and, after a fresh init, ACCUM 0x2; ACCUM 0x1 read the same.",
                "CTX-ALG-1")
                .context(64).accum(0, 0x1).accum(0, 0x2).read(0).context(64).accum(0, 0x2).accum(0, 0x1).read(0)
                .build());
        out.add(rollbackRandom(0xc1L, 64));
        out.add(rollbackRandom(0xc2L, 16));
        out.add(tableRandom(0xd1L));
        out.add(streamRandom(0xe1L));
        return out;
    }

    /** LOAD r, then a long run of random deltas on one context with a READ every few steps. */
    private static TraceDef randomRun(long seed, int width, int length) {
        Random random = new Random(seed);
        TraceBuilder t = seeded("algebra-random-accum", seed, "algebra/random-accum-w" + width + "-" + Long.toHexString(seed),
                "A long random ACCUM run at width " + width + " reads the reference xor every delta so far.",
                "CTX-ALG-1", "CTX-ACCUM-1", "CTX-COUNT-1", "VAL-MASK-1")
                .context(width).load(0, random.nextLong());
        for (int i = 1; i <= length; i++) {
            t.accum(0, random.nextLong());
            if (i % 10 == 0) {
                t.read(0).count(0);
            }
        }
        return t.build();
    }

    /** The same deltas in two orders at two addresses of a table end in the same state. */
    /** The inputs of a permutation trace: 16 deltas, the same in another order, a reference. */
    private record Permutation(List<Long> deltas, List<Long> shuffled, long reference) {
        static Permutation of(long seed) {
            Random random = new Random(seed);
            List<Long> deltas = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                deltas.add(random.nextLong());
            }
            List<Long> shuffled = new ArrayList<>(deltas);
            Collections.shuffle(shuffled, random);
            return new Permutation(deltas, shuffled, random.nextLong());
        }
    }

    private static TraceDef permutation(long seed) {
        Permutation p = Permutation.of(seed);
        List<Long> deltas = p.deltas();
        List<Long> shuffled = p.shuffled();
        long reference = p.reference();
        TraceBuilder t = seeded("algebra-permutation", seed, "algebra/permutation-" + Long.toHexString(seed),
                "The same 16 deltas in two orders at two addresses give the same state.", "CTX-ALG-1", "TBL-OPS-1")
                .table(64, 2).load(0, reference).load(1, reference);
        deltas.forEach(d -> t.accum(0, d));
        shuffled.forEach(d -> t.accum(1, d));
        return t.read(0).read(1).check(0, 1).build();
    }

    /**
     * The permutation law on a single context: the same deltas in two orders, one after a fresh init,
     * read the same (a one-context core can run it; the table variant compares two addresses).
     */
    private static TraceDef contextPermutation(long seed) {
        Permutation p = Permutation.of(seed);
        TraceBuilder t = seeded("algebra-permutation", seed,
                "algebra/permutation-context-" + Long.toHexString(seed),
                "On one context, the same 16 deltas in two orders (each after LOAD r) read the same.", "CTX-ALG-1")
                .context(64).load(0, p.reference());
        p.deltas().forEach(d -> t.accum(0, d));
        t.read(0).context(64).load(0, p.reference());
        p.shuffled().forEach(d -> t.accum(0, d));
        return t.read(0).build();
    }

    /** Random ACCUMs, then ROLLBACKs of the same deltas in another order, back to the reference. */
    private static TraceDef rollbackRandom(long seed, int width) {
        Random random = new Random(seed);
        List<Long> deltas = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deltas.add(random.nextLong());
        }
        String id = "algebra/rollback-random-" + (width == 64 ? "" : "w" + width + "-") + Long.toHexString(seed);
        TraceBuilder t = seeded("algebra-rollback", seed, id,
                "ROLLBACK of every ACCUMed delta, in another order, returns to the loaded reference"
                        + (width == 64 ? "." : " (width " + width + ")."),
                "CTX-ROLLBACK-1", "CTX-ALG-1", "CTX-COUNT-1")
                .context(width).load(0, random.nextLong());
        deltas.forEach(d -> t.accum(0, d));
        t.read(0);
        Collections.shuffle(deltas, random);
        deltas.forEach(d -> t.rollback(0, d));
        return t.read(0).count(0).build();
    }

    /** A random mix of table operations on N = 4, observed with check. */
    private static TraceDef tableRandom(long seed) {
        Random random = new Random(seed);
        TraceBuilder t = seeded("algebra-random-table", seed, "algebra/random-table-" + Long.toHexString(seed),
                "A random mix of LOAD, ACCUM, ROLLBACK, SWAP, MERGE and READ on a table of 4 at width 24.",
                "TBL-OPS-1", "TBL-INDEP-1", "CTX-MERGE-1", "CTX-SWAP-1", "CTX-SWAP-2", "CTX-COUNT-1", "VAL-MASK-1")
                .table(24, 4);
        for (int i = 0; i < 80; i++) {
            int a = random.nextInt(4);
            switch (random.nextInt(8)) {
                case 0 -> t.load(a, random.nextLong());
                case 1, 2 -> t.accum(a, random.nextLong());
                case 3 -> t.rollback(a, random.nextLong());
                case 4 -> t.swap(a);
                case 5 -> t.swap(a, random.nextLong());
                case 6 -> t.merge(a, random.nextInt(4));
                default -> t.read(a);
            }
            if (i % 20 == 19) {
                t.check(0, 1, 2, 3);
            }
        }
        return t.build();
    }

    /** A random mix of stream operations on a few addresses, with DRAINs and APPLYs of peer messages. */
    private static TraceDef streamRandom(long seed) {
        Random random = new Random(seed);
        long[] addrs = {0, 1, 0xffff, 0xffff_ffffL};
        TraceBuilder t = seeded("algebra-random-stream", seed, "algebra/random-stream-" + Long.toHexString(seed),
                "A random mix of stream operations keeps states, counts, epoch, seq and queue consistent.",
                "STR-ACCUM-1", "STR-SEQ-1", "STR-LOAD-1", "STR-SWAP-1", "STR-APPLY-1", "STR-DRAIN-1", "STR-EPOCH-1",
                "CTX-ALG-1")
                .stream(64);
        for (int i = 0; i < 80; i++) {
            long a = addrs[random.nextInt(addrs.length)];
            switch (random.nextInt(9)) {
                case 0 -> t.load(a, random.nextLong());
                case 1, 2 -> t.accum(a, random.nextLong());
                case 3 -> t.rollback(a, random.nextLong());
                case 4 -> t.swap(a);
                case 5 -> t.apply(a, random.nextLong(), 1 + random.nextInt(1000));
                case 6 -> t.drain();
                case 7 -> t.read(a);
                default -> t.epoch();
            }
            if (i % 20 == 19) {
                t.checkStream(addrs);
            }
        }
        return t.drain().build();
    }
}
