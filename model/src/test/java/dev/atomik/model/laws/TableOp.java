package dev.atomik.model.laws;

import dev.atomik.model.Context;
import dev.atomik.model.Table;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One table operation, generated at random for differential and atomicity properties. Operations are
 * generated with raw 64-bit addresses and then placed against a table size by {@link #within(int)}
 * (always in range) or {@link #outside(int, long, boolean)} (one address out of range), so that no
 * generator depends on another generated value (cheap generation and shrinking).
 */
record TableOp(Kind kind, long address, long source, long value) {

    enum Kind { LOAD, ACCUM, ROLLBACK, READ, SWAP, SWAP_VALUE, MERGE, COUNT }

    /** Any operation with raw addresses; place it with {@link #within} or {@link #outside}. */
    static Arbitrary<TableOp> raw() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.longs(), Arbitraries.longs(),
                Arbitraries.longs()).as(TableOp::new);
    }

    /** Raw material for an out-of-range address: any long, with the interesting boundaries as edge cases. */
    static Arbitrary<Long> badAddressSeed() {
        return Arbitraries.oneOf(Arbitraries.longs(),
                Arbitraries.of(-1L, 0L, 0xffffffffL, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    /** The same operation with both addresses moved into 0..size-1. */
    TableOp within(int size) {
        return new TableOp(kind, Math.floorMod(address, size), Math.floorMod(source, size), value);
    }

    /**
     * The same operation with one address outside 0..size-1 (TBL-ADDR-1): a negative seed is used as
     * it is, a non-negative seed k becomes size + k (so k = 0 gives exactly N). For MERGE the bad
     * address is the source when {@code badSource}, otherwise the destination.
     */
    TableOp outside(int size, long seed, boolean badSource) {
        long bad = seed < 0 ? seed : size + Math.min(seed, Long.MAX_VALUE - size);
        TableOp placed = within(size);
        if (kind == Kind.MERGE && badSource) {
            return new TableOp(kind, placed.address, bad, value);
        }
        return new TableOp(kind, bad, placed.source, value);
    }

    /** Applies the operation to the table; returns the value it returned, or 0 for void operations. */
    long applyTo(Table t) {
        switch (kind) {
            case LOAD: t.load(address, value); return 0L;
            case ACCUM: t.accum(address, value); return 0L;
            case ROLLBACK: t.rollback(address, value); return 0L;
            case READ: return t.read(address);
            case SWAP: return t.swap(address);
            case SWAP_VALUE: return t.swap(address, value);
            case MERGE: t.merge(address, source); return 0L;
            case COUNT: return t.deltaCount(address);
            default: throw new IllegalStateException(kind.toString());
        }
    }

    /** Applies the same operation to an array of independent contexts (the TBL-OPS-1 reference). */
    long applyTo(Context[] contexts) {
        Context c = contexts[(int) address];
        switch (kind) {
            case LOAD: c.load(value); return 0L;
            case ACCUM: c.accum(value); return 0L;
            case ROLLBACK: c.rollback(value); return 0L;
            case READ: return c.read();
            case SWAP: return c.swap();
            case SWAP_VALUE: return c.swap(value);
            case MERGE: c.merge(contexts[(int) source]); return 0L;
            case COUNT: return c.deltaCount();
            default: throw new IllegalStateException(kind.toString());
        }
    }
}
