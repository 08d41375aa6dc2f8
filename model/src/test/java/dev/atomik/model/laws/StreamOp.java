package dev.atomik.model.laws;

import dev.atomik.model.DeltaMessage;
import dev.atomik.model.DeltaStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One DeltaStream operation, generated at random. Addresses come from a small pool (so operations
 * collide on the same address) that includes both ends of the u32 range (STR-SPARSE-1).
 */
record StreamOp(Kind kind, long address, long value) {

    enum Kind { LOAD, ACCUM, ROLLBACK, READ, SWAP, SWAP_VALUE, APPLY, COUNT, DRAIN }

    /** The addresses operations are drawn from; observation always covers all of them. */
    static final List<Long> POOL = List.of(0L, 1L, 2L, 3L, 0x7fffffffL, 0x80000000L, 0xfffffffeL, 0xffffffffL);

    /**
     * A stream bounded to 16 addresses and 64 queued messages: room for every pool address and for the
     * longest generated history (≤ 40 operations), at a fraction of the default stream's allocation.
     */
    static DeltaStream small(int width) {
        return new DeltaStream(width, 16, 64);
    }

    static Arbitrary<Long> poolAddress() {
        return Arbitraries.of(POOL);
    }

    static Arbitrary<StreamOp> any() {
        return Combinators.combine(Arbitraries.of(Kind.class), poolAddress(), Arbitraries.longs()).as(StreamOp::new);
    }

    /**
     * Like {@link #any()} but with ACCUM and ROLLBACK four times as likely and DRAIN rare, so a small
     * queue fills up and capacity faults are frequent.
     */
    static Arbitrary<StreamOp> accumHeavy() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(Kind.ACCUM)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.ROLLBACK)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.DRAIN)),
                net.jqwik.api.Tuple.of(6, Arbitraries.of(Kind.LOAD, Kind.READ, Kind.SWAP, Kind.SWAP_VALUE, Kind.APPLY,
                        Kind.COUNT)));
        return Combinators.combine(kinds, poolAddress(), Arbitraries.longs()).as(StreamOp::new);
    }

    /** Applies the operation; returns what it returned (a Long, a DeltaMessage, a list of messages, or null). */
    Object applyTo(DeltaStream s) {
        switch (kind) {
            case LOAD: s.load(address, value); return null;
            case ACCUM: return s.accum(address, value);
            case ROLLBACK: return s.rollback(address, value);
            case READ: return s.read(address);
            case SWAP: return s.swap(address);
            case SWAP_VALUE: return s.swap(address, value);
            case APPLY: s.apply(new DeltaMessage(address, value, 1L)); return null;
            case COUNT: return s.deltaCount(address);
            case DRAIN: return Arrays.asList(s.drain());
            default: throw new IllegalStateException(kind.toString());
        }
    }

    /**
     * Everything observable without changing the stream: epoch, last seq, queue length, and READ and
     * COUNT at every pool address and at {@code extra}.
     */
    static List<Long> observe(DeltaStream s, long... extra) {
        List<Long> out = new ArrayList<>(List.of(s.epoch(), s.lastSeq(), (long) s.pending()));
        for (long a : POOL) {
            out.add(s.read(a));
            out.add(s.deltaCount(a));
        }
        for (long a : extra) {
            out.add(s.read(a));
            out.add(s.deltaCount(a));
        }
        return out;
    }
}
