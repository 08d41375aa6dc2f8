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
 * spec/non-guarantees.md and REP-CONV-1 as far as one stream (one replica) can show them: the
 * algebra does not de-duplicate, does not pick a winner, does not observe order, and SWAP is local.
 */
public final class NonGuaranteeTraces {
    private static final String F = "nonguarantees";

    private NonGuaranteeTraces() {
    }

    public static List<TraceDef> all() {
        List<TraceDef> out = new ArrayList<>();
        out.add(trace(F, "nonguarantees/dup-apply-twice-cancels",
                "The same message applied twice cancels itself: the stream reads as if it never arrived.",
                "NG-DUP-1", "STR-APPLY-1")
                .stream(64).load(0, 0xcafebabeL).apply(0, 0x14530451L, 1).read(0).apply(0, 0x14530451L, 1)
                .cover("same-message-twice").read(0).count(0).build());
        out.add(trace(F, "nonguarantees/dup-accum-twice-cancels",
                "ACCUM d; ACCUM d on a table cell leaves the state as if neither happened, with count 2.",
                "NG-DUP-1", "CTX-ACCUM-1")
                .table(64, 1).load(0, 0x1234).accum(0, 0xff).accum(0, 0xff).check(0).build());
        out.add(trace(F, "nonguarantees/dup-apply-three-times",
                "Applying a message three times is the same as applying it once.", "NG-DUP-1", "STR-APPLY-1")
                .stream(64).apply(9, 0x77, 5).apply(9, 0x77, 5).apply(9, 0x77, 5).read(9).count(9).build());
        out.add(trace(F, "nonguarantees/order-seq2-before-seq1",
                "Delivering seq 2 before seq 1 gives the same state as in order.", "NG-ORDER-1", "STR-APPLY-1",
                "REP-CONV-1")
                .stream(64).load(0, 0x100).load(1, 0x100).apply(0, 0x1, 1).apply(0, 0x2, 2).apply(1, 0x2, 2)
                .cover("reordered").apply(1, 0x1, 1).check(0, 1).build());
        out.add(trace(F, "nonguarantees/concurrent-puts-xor",
                "Two peers' concurrent puts of X and Y at a key holding R make the stream read R xor X xor Y.",
                "NG-CONC-1", "STR-APPLY-1")
                .stream(8).load(0, 0x0f).apply(0, 0x0f ^ 0x01, 1).cover("peer-a-put-x").apply(0, 0x0f ^ 0x02, 1)
                .cover("peer-b-put-y").read(0).build());
        out.add(trace(F, "nonguarantees/concurrent-local-and-peer",
                "A local put and a peer's concurrent put merge by xor, not by a winner.", "NG-CONC-1",
                "STR-ACCUM-1", "STR-APPLY-1")
                .stream(32).load(4, 0xaaaa).accum(4, 0xaaaa ^ 0x1111).read(4).apply(4, 0xaaaa ^ 0x2222, 3).read(4)
                .build());
        out.add(trace(F, "nonguarantees/swap-sends-nothing", "SWAP queues no message and issues no seq.",
                "NG-SWAP-1", "STR-SWAP-1")
                .stream(64).accum(0, 0x1).swap(0, 0x5).swap(0).pending().drain().accum(0, 0x2).build());
        out.add(trace(F, "nonguarantees/swap-then-peer-delta",
                "A peer's delta still reaches a swapped key: it reads the swapped value xor the delta.",
                "NG-SWAP-1", "STR-APPLY-1")
                .stream(64).load(0, 0x1).swap(0, 0x5).apply(0, 0x7 ^ 0x1, 1).read(0).build());
        for (long seed : new long[] {0xf1L, 0xf2L, 0xf3L}) {
            out.add(convergence(seed));
        }
        return out;
    }

    /**
     * REP-CONV-1 on one replica: the same multiset of deltas (fixed by a base seed) applied in an
     * order chosen by this trace's seed. Every trace of the family expects the same final state.
     */
    private static TraceDef convergence(long seed) {
        Random base = new Random(0xc0);
        long reference = base.nextLong();
        List<Long> deltas = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            deltas.add(base.nextLong());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < deltas.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        TraceBuilder t = seeded("convergence", seed, "convergence/apply-order-" + Long.toHexString(seed),
                "One replica applying a fixed multiset of 10 deltas in a seeded order reads reference xor all deltas.",
                "REP-CONV-1", "NG-ORDER-1", "STR-APPLY-1")
                .stream(64).load(0x2a, reference);
        for (int i : order) {
            t.apply(0x2a, deltas.get(i), i + 1);
        }
        return t.checkStream(0x2a).build();
    }
}
