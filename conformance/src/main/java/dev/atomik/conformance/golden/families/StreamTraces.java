package dev.atomik.conformance.golden.families;

import static dev.atomik.conformance.golden.TraceBuilder.trace;

import dev.atomik.conformance.golden.TraceDef;
import java.util.List;

/** spec/stream.md: sparse addresses, epochs, sequence numbers, the queue, apply, bounds. */
public final class StreamTraces {
    private static final String F = "stream-basics";
    private static final String CAP = "stream-capacity";
    /** Edges found by mutation testing (conformance/selftest/PIT.md): each trace pins a mutant of DeltaStream. */
    private static final String EDGE = "stream-edges";
    private static final long U32_MAX = 0xFFFF_FFFFL;

    private StreamTraces() {
    }

    public static List<TraceDef> all() {
        return List.of(
                trace(F, "stream/sparse-fresh-reads-zero",
                        "Every u32 address of a fresh stream reads 0 with count 0, up to 0xffffffff.", "STR-SPARSE-1",
                        "CTX-INIT-1")
                        .stream(64).read(0).read(U32_MAX).cover("address-u32-max").read(0x8000_0000L).count(U32_MAX)
                        .checkStream(0, 1, U32_MAX)
                        // a used stream replaced by a fresh one reads 0 again: 0 is state, not a constant
                        .load(U32_MAX, 0x77).read(U32_MAX).stream(64).read(U32_MAX).build(),
                trace(F, "stream/sparse-address-2pow32",
                        "Address 2^32 on a stream fails with ADDRESS_OUT_OF_RANGE for every addressed op.",
                        "STR-SPARSE-1", "ERR-ATOMIC-1", "ERR-CODES-1")
                        .stream(64).load(0, 0x1).read(0x1_0000_0000L).fails().cover("address-2pow32")
                        .load(0x1_0000_0000L, 0x1).fails().accum(0x1_0000_0000L, 0x1).fails()
                        .swap(0x1_0000_0000L).fails().count(0x1_0000_0000L).fails()
                        .checkStream(0).build(),
                trace(F, "stream/sparse-address-all-ones",
                        "Address 0xffffffffffffffff on a stream fails with ADDRESS_OUT_OF_RANGE and changes nothing.",
                        "STR-SPARSE-1", "ERR-ATOMIC-1")
                        .stream(64).accum(5, 0x1).read(-1L).fails().cover("address-all-ones").accum(-1L, 0x2).fails()
                        .rollback(-1L, 0x2).fails().checkStream(5).build(),
                trace(F, "stream/load-increments-epoch", "LOAD increments the epoch by one and queues nothing.",
                        "STR-LOAD-1", "CTX-LOAD-1")
                        .stream(64).epoch().load(5, 0x1).epoch().load(5, 0x2).load(9, 0x3).epoch().read(5).pending()
                        .checkStream(5, 9).build(),
                trace(F, "stream/swap-increments-epoch", "SWAP increments the epoch by one and queues nothing.",
                        "STR-SWAP-1", "CTX-SWAP-1", "NG-SWAP-1")
                        .stream(64).load(0, 0x1).swap(0).epoch().pending().checkStream(0).build(),
                trace(F, "stream/swap-value", "SWAP v on a stream returns the old state, restarts from v, bumps the epoch.",
                        "STR-SWAP-1", "CTX-SWAP-2")
                        .stream(64).load(4, 0x10).accum(4, 0x01).swap(4, 0x7).read(4).count(4).epoch().build(),
                trace(F, "stream/swap-untouched-address",
                        "SWAP of a never-touched address returns 0 and bumps the epoch.", "STR-SWAP-1", "STR-SPARSE-1")
                        .stream(64).swap(77).epoch().read(77).build(),
                trace(F, "stream/accum-message", "ACCUM returns and queues the message (addr, delta, seq 1).",
                        "STR-ACCUM-1", "STR-SEQ-1", "CTX-ACCUM-1")
                        .stream(64).accum(7, 0x5).pending().read(7).count(7).drain().build(),
                trace(F, "stream/rollback-message", "ROLLBACK on a stream issues a message exactly as ACCUM.",
                        "STR-ACCUM-1", "CTX-ROLLBACK-1", "STR-SEQ-1")
                        .stream(64).load(2, 0xff).accum(2, 0x0f).rollback(2, 0x0f).read(2).count(2).drain().build(),
                trace(F, "stream/seq-across-addresses-and-epochs",
                        "Sequence numbers count up by one across addresses and epochs.", "STR-SEQ-1", "STR-LOAD-1")
                        .stream(64).accum(1, 0x1).load(2, 0x0).accum(2, 0x2).swap(1).accum(0xffff, 0x3)
                        .rollback(1, 0x4).drain().build(),
                trace(F, "stream/seq-continues-after-drain", "Draining does not restart the sequence numbers.",
                        "STR-SEQ-1", "STR-DRAIN-1")
                        .stream(64).accum(0, 0x1).accum(0, 0x2).drain().accum(0, 0x3).drain().build(),
                trace(F, "stream/drain-order-and-empty",
                        "DRAIN returns the queued messages in issue order and empties the queue.", "STR-DRAIN-1")
                        .stream(64).accum(1, 0x1).accum(2, 0x2).accum(1, 0x3).pending().drain().pending().drain()
                        .build(),
                trace(F, "stream/drain-fresh-is-empty",
                        "DRAIN of a fresh stream returns an empty list, also when it replaces one with a queued message.",
                        "STR-DRAIN-1")
                        .stream(64).drain().pending().accum(1, 0x3).pending().stream(64).drain().pending().build(),
                trace(F, "stream/apply-queues-nothing",
                        "APPLY folds a peer's delta in without queueing, issuing a seq or changing the epoch.",
                        "STR-APPLY-1", "STR-EPOCH-1")
                        .stream(64).apply(3, 0x9, 1).read(3).count(3).drain().epoch().build(),
                trace(F, "stream/apply-issues-no-seq", "After APPLY the stream's own first message still has seq 1.",
                        "STR-APPLY-1", "STR-SEQ-1")
                        .stream(64).apply(3, 0x9, 41).apply(4, 0x1, 42).accum(3, 0x1).read(3).build(),
                trace(F, "stream/apply-keeps-epoch", "APPLY never changes the epoch, whatever the message's seq.",
                        "STR-EPOCH-1", "STR-APPLY-1")
                        .stream(64).load(0, 0x1).apply(0, 0x2, 1).apply(0, 0x4, 0x1000).epoch().checkStream(0)
                        .build(),
                trace(F, "stream/apply-on-loaded-address", "APPLY onto a loaded address reads reference xor delta.",
                        "STR-APPLY-1", "CTX-ACCUM-1")
                        .stream(32).load(10, 0xf0f0).apply(10, 0x0ff0, 7).read(10).count(10).build(),
                trace(CAP, "stream/capacity-addresses",
                        "With addresses = 2, touching a third address fails with CAPACITY_EXCEEDED and changes nothing.",
                        "STR-CAP-1", "ERR-ATOMIC-1", "ERR-CODES-1")
                        .stream(64, 2, 8).load(0, 0x1).load(1, 0x2).load(2, 0x3).fails().cover("address-bound")
                        .accum(2, 0x1).fails().apply(2, 0x1, 1).fails().checkStream(0, 1, 2).load(1, 0x4)
                        .checkStream(0, 1).build(),
                trace(CAP, "stream/capacity-queue",
                        "With queue = 2, a third ACCUM fails with CAPACITY_EXCEEDED, uses no seq, and DRAIN makes room.",
                        "STR-CAP-1", "ERR-ATOMIC-1", "STR-SEQ-1")
                        .stream(64, 8, 2).accum(0, 0x1).accum(0, 0x2).accum(0, 0x4).fails().cover("queue-bound")
                        .checkStream(0).drain().accum(0, 0x8).checkStream(0).drain().build(),
                trace(CAP, "stream/capacity-read-untouched",
                        "A full stream still reads untouched addresses as 0 without taking a slot.", "STR-CAP-1",
                        "STR-SPARSE-1")
                        .stream(64, 1, 4).load(0, 0x1).read(1).count(1).load(1, 0x2).fails().read(0).build(),
                trace(EDGE, "stream/width-1", "A stream of width 1 keeps only bit 0: LOAD 0x3 reads 0x1, ACCUM 0x3 flips it.",
                        "VAL-MASK-1", "STR-LOAD-1", "STR-ACCUM-1")
                        .stream(1).load(0, 0x3).read(0).accum(0, 0x3).read(0).count(0).drain().build(),
                trace(EDGE, "stream/bad-size",
                        "A stream init with addresses or queue 0 or -1 fails with BAD_SIZE (not a crash) and keeps the "
                                + "stream before it.",
                        "STR-CAP-1", "ERR-CODES-1", "ERR-ATOMIC-1")
                        .stream(64).load(3, 0x1).stream(64, 0, 8).fails().stream(64, 8, 0).fails()
                        .stream(64, -1, 8).fails().stream(64, 8, -1).fails().read(3).epoch().build(),
                trace(EDGE, "stream/queue-1-keeps-addresses",
                        "A queue of 1 limits the messages, not the addresses: three addresses load, the second ACCUM fails.",
                        "STR-CAP-1", "ERR-ATOMIC-1")
                        .stream(64, 8, 1).load(0, 0x1).load(1, 0x2).load(2, 0x3).accum(3, 0x1).accum(4, 0x1).fails()
                        .checkStream(0, 1, 2, 3, 4).build(),
                trace(EDGE, "stream/address-edges-full",
                        "On a full stream 0xffffffff is a legal address (CAPACITY_EXCEEDED where it takes a slot, 0 where "
                                + "it reads) and 2^32 is not (ADDRESS_OUT_OF_RANGE).",
                        "STR-SPARSE-1", "STR-CAP-1", "ERR-ORDER-1")
                        .stream(64, 1, 8).load(0, 0x1).load(U32_MAX, 0x1).fails().load(0x1_0000_0000L, 0x1).fails()
                        .load(-1L, 0x1).fails().read(U32_MAX).count(U32_MAX).swap(U32_MAX).fails()
                        .swap(U32_MAX, 0x2).fails().accum(U32_MAX, 0x1).fails().rollback(U32_MAX, 0x1).fails()
                        .apply(U32_MAX, 0x1, 1).fails().checkStream(0).build(),
                trace(EDGE, "stream/address-edges-fresh",
                        "On a fresh stream every op takes address 0xffffffff and refuses 2^32 and 2^64-1.",
                        "STR-SPARSE-1", "ERR-CODES-1")
                        .stream(64).swap(U32_MAX, 0x6).read(U32_MAX).count(U32_MAX).swap(0x1_0000_0000L).fails()
                        .swap(0x1_0000_0000L, 0x1).fails().swap(-1L).fails().swap(-1L, 0x1).fails()
                        .count(-1L).fails().load(-1L, 0x1).fails().rollback(0x1_0000_0000L, 0x1).fails()
                        .rollback(U32_MAX, 0x1).count(U32_MAX).drain().checkStream(U32_MAX).build(),
                trace(EDGE, "stream/rollback-capacity",
                        "ROLLBACK fails with CAPACITY_EXCEEDED on a new address of a full stream and on a full queue, "
                                + "and changes nothing.",
                        "STR-CAP-1", "CTX-ROLLBACK-1", "ERR-ATOMIC-1")
                        .stream(64, 1, 1).load(0, 0x1).rollback(1, 0x1).fails().rollback(0, 0x1).rollback(0, 0x2).fails()
                        .checkStream(0, 1).drain().rollback(0, 0x4).checkStream(0).build(),
                trace(EDGE, "stream/swap-full-untouched",
                        "SWAP, with or without a value, of an untouched address of a full stream fails with "
                                + "CAPACITY_EXCEEDED and changes nothing.",
                        "STR-CAP-1", "STR-SWAP-1", "ERR-ATOMIC-1")
                        .stream(64, 1, 4).load(0, 0x1).swap(1).fails().swap(1, 0x2).fails().swap(0, 0x3)
                        .checkStream(0, 1).build(),
                trace(EDGE, "stream/swap-value-untouched",
                        "SWAP v of a never-touched address returns 0, takes the address with state v and count 0.",
                        "STR-SWAP-1", "CTX-SWAP-2", "STR-SPARSE-1")
                        .stream(64).swap(77, 0x5).read(77).count(77).epoch().accum(77, 0x1).read(77).build(),
                trace(F, "stream/count-per-address", "Delta counts are per address and reset by LOAD and SWAP.",
                        "CTX-COUNT-1", "STR-ACCUM-1", "STR-APPLY-1")
                        .stream(64).accum(1, 0x1).accum(1, 0x2).apply(2, 0x3, 9).count(1).count(2).load(1, 0)
                        .count(1).swap(2).count(2).build());
    }
}
