package dev.atomik.conformance.golden.families;

import static dev.atomik.conformance.golden.TraceBuilder.trace;

import dev.atomik.conformance.golden.TraceDef;
import java.util.List;

/** spec/context.md on a single context (no addresses). */
public final class ContextTraces {
    private static final String F = "context-basics";

    private ContextTraces() {
    }

    public static List<TraceDef> all() {
        return List.of(
                // The LOAD and the second init make 0 the context's state, not a constant answer: a core
                // that answers 0 to everything must fail this trace (the suite passes nothing for it).
                trace(F, "context/init-reads-zero",
                        "A fresh context reads 0 with delta count 0, also when it replaces a used one.", "CTX-INIT-1")
                        .context(64).read(0).count(0).load(0, 0x5a5a).read(0).context(64).read(0).count(0).build(),
                trace(F, "context/load-read", "LOAD then READ returns the loaded value.", "CTX-LOAD-1", "CTX-READ-1")
                        .context(64).load(0, 0x123456789abcdefL).read(0).build(),
                trace(F, "context/load-resets-accumulator",
                        "LOAD discards the accumulator and the delta count.", "CTX-LOAD-1", "CTX-COUNT-1")
                        .context(64).accum(0, 0xff).load(0, 0x10).read(0).count(0).build(),
                trace(F, "context/accum-xor", "ACCUM folds a delta into the accumulator; READ is R xor A.",
                        "CTX-ACCUM-1", "CTX-READ-1")
                        .context(64).load(0, 0xcafebabeL).accum(0, 0x14530451L).read(0).count(0).build(),
                trace(F, "context/read-changes-nothing", "READ twice returns the same value and leaves the count.",
                        "CTX-READ-1")
                        .context(32).load(0, 0xf0).accum(0, 0x0f).read(0).read(0).count(0).read(0).build(),
                trace(F, "context/swap-returns-state-and-keeps-it",
                        "SWAP returns R xor A and restarts from it: READ after SWAP gives the same value.",
                        "CTX-SWAP-1")
                        .context(64).load(0, 0x1).accum(0, 0x2).swap(0).read(0).count(0).build(),
                trace(F, "context/swap-value", "SWAP v returns the state before and restarts from v.", "CTX-SWAP-2")
                        .context(64).load(0, 0x1).accum(0, 0x2).swap(0, 0x7).cover("returns-old").read(0).count(0)
                        .build(),
                trace(F, "context/swap-closes-epoch",
                        "After SWAP, new deltas fold into the swapped state from a zero accumulator.",
                        "CTX-SWAP-1", "CTX-ACCUM-1", "CTX-COUNT-1")
                        .context(16).load(0, 0xaaaa).accum(0, 0x00ff).swap(0).accum(0, 0x0f0f).read(0).count(0)
                        .swap(0, 0).read(0).build(),
                trace(F, "context/rollback-undoes-accum", "ROLLBACK of a delta undoes its ACCUM.",
                        "CTX-ROLLBACK-1", "CTX-ALG-1")
                        .context(64).load(0, 0x1234).accum(0, 0x5).read(0).rollback(0, 0x5).read(0).build(),
                trace(F, "context/rollback-is-accum",
                        "ROLLBACK d has exactly the effect of ACCUM d, including the count.", "CTX-ROLLBACK-1",
                        "CTX-COUNT-1")
                        .context(64).load(0, 0x10).rollback(0, 0x3).read(0).count(0).rollback(0, 0x3).count(0)
                        .build(),
                trace(F, "context/count-accum-and-rollback",
                        "The delta count counts ACCUM and ROLLBACK, even when the state is back where it started.",
                        "CTX-COUNT-1")
                        .context(64).load(0, 0x0).accum(0, 0x1).accum(0, 0x1).count(0).read(0).rollback(0, 0x9)
                        .count(0).build(),
                trace(F, "context/count-reset-by-swap", "SWAP resets the delta count.", "CTX-COUNT-1", "CTX-SWAP-1")
                        .context(64).accum(0, 0x1).accum(0, 0x2).accum(0, 0x4).count(0).swap(0).count(0).build(),
                trace(F, "context/accum-zero-counts", "ACCUM 0 leaves the state and still counts.",
                        "CTX-ACCUM-1", "CTX-COUNT-1")
                        .context(64).load(0, 0x77).accum(0, 0).read(0).count(0).build(),
                trace(F, "context/lifecycle-check",
                        "A LOAD, ACCUM, SWAP, ACCUM sequence observed with check after each step.",
                        "CTX-LOAD-1", "CTX-ACCUM-1", "CTX-SWAP-1", "CTX-COUNT-1")
                        .context(64).check().load(0, 0xabcdef).check().accum(0, 0xff).check().swap(0).check()
                        .accum(0, 0x100).check().build());
    }
}
