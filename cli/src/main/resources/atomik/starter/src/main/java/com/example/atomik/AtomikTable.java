package com.example.atomik;

/**
 * N ATOMiK contexts of W bits, addressed 0 … N−1 (the kit's spec/context.md and spec/table.md).
 * Each holds a reference R, an accumulator A and a delta count C; the state is R XOR A. A single
 * context is a table of one. A failing operation changes nothing.
 */
public final class AtomikTable {
    private final long mask;
    private final long[] reference;
    private final long[] accumulator;
    private final long[] count;

    public AtomikTable(int width, long size) {
        if (width < 1 || width > 64) {
            throw new AtomikException("BAD_WIDTH");     // checked before the size (ERR-ORDER-1)
        }
        if (size < 1 || size > Integer.MAX_VALUE) {
            throw new AtomikException("BAD_SIZE");
        }
        mask = width == 64 ? -1L : (1L << width) - 1;
        reference = new long[(int) size];
        accumulator = new long[(int) size];
        count = new long[(int) size];
    }

    /** LOAD: R := value, A := 0, C := 0. */
    public void load(long addr, long value) {
        int i = index(addr);
        reference[i] = value & mask;
        accumulator[i] = 0;
        count[i] = 0;
    }

    /** ACCUM: A := A XOR delta, C := C + 1. */
    public void accum(long addr, long delta) {
        int i = index(addr);
        accumulator[i] ^= delta & mask;
        count[i]++;
    }

    /** ROLLBACK is ACCUM: XOR is its own inverse. */
    public void rollback(long addr, long delta) {
        accum(addr, delta);
    }

    /** READ: R XOR A. */
    public long read(long addr) {
        int i = index(addr);
        return reference[i] ^ accumulator[i];
    }

    /** SWAP: returns the state and starts a new epoch from it. */
    public long swap(long addr) {
        return swap(addr, read(addr));
    }

    /** SWAP v: returns the state and starts a new epoch from v. */
    public long swap(long addr, long value) {
        long state = read(addr);
        load(addr, value);
        return state;
    }

    /** MERGE: A_dst := A_dst XOR A_src, C_dst := C_dst + C_src; the source is unchanged. */
    public void merge(long addr, long from) {
        int dst = index(addr);
        int src = index(from);
        long acc = accumulator[src];
        long n = count[src];
        accumulator[dst] ^= acc;
        count[dst] += n;
    }

    /** The deltas accumulated in this epoch. */
    public long count(long addr) {
        return count[index(addr)];
    }

    private int index(long addr) {
        if (addr < 0 || addr >= reference.length) {     // unsigned: a "negative" long is above 2^63
            throw new AtomikException("ADDRESS_OUT_OF_RANGE");
        }
        return (int) addr;
    }
}
