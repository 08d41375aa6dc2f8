package dev.atomik.model;

/**
 * N independent contexts of one width at addresses 0..N-1 (spec/table.md). Stored as three parallel
 * arrays rather than an array of {@link Context} objects so that KeY needs no aliasing invariants
 * between contexts.
 */
public final /*@ spec_java_math @*/ class Table {
    private /*@ spec_public @*/ final int width;
    private /*@ spec_public @*/ final long mask;
    private /*@ spec_public @*/ final long[] references;
    private /*@ spec_public @*/ final long[] accumulators;
    private /*@ spec_public @*/ final long[] counts;

    //@ public invariant 1 <= width && width <= 64;
    //@ public invariant references.length >= 1;
    //@ public invariant accumulators.length == references.length && counts.length == references.length;
    //@ public invariant references != accumulators && references != counts && accumulators != counts;
    //@ public invariant (\forall int i; 0 <= i && i < counts.length; counts[i] >= 0);

    /** Clauses: TBL-SIZE-1, VAL-WIDTH-1, CTX-INIT-1. */
    /*@ public normal_behavior
      @   requires 1 <= width && width <= 64 && size >= 1;
      @   ensures this.width == width && references.length == size;
      @   ensures width == 64 ==> mask == -1L;
      @   ensures width < 64 ==> mask == (long) ((1L << width) - 1L);
      @   ensures (\forall int i; 0 <= i && i < size; references[i] == 0 && accumulators[i] == 0 && counts[i] == 0);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires width < 1 || width > 64 || size < 1;
      @   signals_only AtomikError;
      @   signals (AtomikError e) (width < 1 || width > 64) ==> e.code == ErrorCode.BAD_WIDTH;
      @   signals (AtomikError e) (1 <= width && width <= 64) ==> e.code == ErrorCode.BAD_SIZE;
      @   assignable \nothing;
      @*/
    public Table(int width, int size) {
        // KeY requires the class invariant even when a constructor throws, so the fields get legal
        // placeholder values before the check; the half-built object is never reachable.
        boolean legalWidth = width >= Width.MIN && width <= Width.MAX;
        boolean legal = legalWidth && size >= 1;
        this.width = legalWidth ? width : Width.MIN;
        this.mask = Width.maskOf(this.width);
        this.references = zeros(legal ? size : 1);
        this.accumulators = zeros(legal ? size : 1);
        this.counts = zeros(legal ? size : 1);
        // The check of Width.check, inline: an exception thrown through a callee's contract costs
        // KeY about twice the proof of a throw written here.
        if (!legalWidth) {
            throw new AtomikError(ErrorCode.BAD_WIDTH);
        }
        if (size < 1) {
            throw new AtomikError(ErrorCode.BAD_SIZE);
        }
    }

    /**
     * Clauses: CTX-INIT-1. A fresh array of {@code length} zeros. The constructor allocates through
     * this contract rather than with {@code new} inline: KeY then sees each array only as "fresh",
     * which keeps the constructor's frame proof small (inline, it case-split on every allocation).
     */
    /*@ private normal_behavior
      @   requires length >= 1;
      @   ensures \result != null && \fresh(\result) && \result.length == length;
      @   ensures (\forall int i; 0 <= i && i < length; \result[i] == 0);
      @   assignable \nothing;
      @*/
    private static long[] zeros(int length) {
        return new long[length];
    }

    /** Clauses: TBL-ADDR-1. Returns the address as an index, or fails. */
    /*@ public normal_behavior
      @   requires 0 <= address && address < references.length;
      @   ensures \result == address;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires address < 0 || address >= references.length;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public int index(long address) {
        if (address < 0 || address >= references.length) {
            throw new AtomikError(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        return (int) address;
    }

    /** Clauses: CTX-LOAD-1, TBL-OPS-1, TBL-INDEP-1, TBL-ADDR-1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address < references.length;
      @   ensures references[(int) address] == (value & mask);
      @   ensures accumulators[(int) address] == 0 && counts[(int) address] == 0;
      @   assignable references[(int) address], accumulators[(int) address], counts[(int) address];
      @ also public exceptional_behavior
      @   requires address < 0 || address >= references.length;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public void load(long address, long value) {
        int i = index(address);
        references[i] = value & mask;
        accumulators[i] = 0L;
        counts[i] = 0L;
    }

    /** Clauses: CTX-ACCUM-1, TBL-OPS-1, TBL-INDEP-1, TBL-ADDR-1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address < references.length;
      @   requires counts[(int) address] < 9223372036854775807L;
      @   ensures accumulators[(int) address] == (\old(accumulators[(int) address]) ^ (delta & mask));
      @   ensures counts[(int) address] == \old(counts[(int) address]) + 1;
      @   assignable accumulators[(int) address], counts[(int) address];
      @ also public exceptional_behavior
      @   requires address < 0 || address >= references.length;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public void accum(long address, long delta) {
        int i = index(address);
        accumulators[i] = accumulators[i] ^ (delta & mask);
        counts[i] = counts[i] + 1;
    }

    /** Clauses: CTX-ROLLBACK-1, TBL-OPS-1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address < references.length;
      @   requires counts[(int) address] < 9223372036854775807L;
      @   ensures accumulators[(int) address] == (\old(accumulators[(int) address]) ^ (delta & mask));
      @   ensures counts[(int) address] == \old(counts[(int) address]) + 1;
      @   assignable accumulators[(int) address], counts[(int) address];
      @ also public exceptional_behavior
      @   requires address < 0 || address >= references.length;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public void rollback(long address, long delta) {
        accum(address, delta);
    }

    /** Clauses: CTX-READ-1, TBL-OPS-1, TBL-ADDR-1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address < references.length;
      @   ensures \result == (references[(int) address] ^ accumulators[(int) address]);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires address < 0 || address >= references.length;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public long read(long address) {
        int i = index(address);
        return references[i] ^ accumulators[i];
    }

    /** Clauses: CTX-SWAP-1, TBL-OPS-1, TBL-ADDR-1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address < references.length;
      @   ensures \result == (\old(references[(int) address]) ^ \old(accumulators[(int) address]));
      @   ensures references[(int) address] == \result;
      @   ensures accumulators[(int) address] == 0 && counts[(int) address] == 0;
      @   assignable references[(int) address], accumulators[(int) address], counts[(int) address];
      @ also public exceptional_behavior
      @   requires address < 0 || address >= references.length;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public long swap(long address) {
        int i = index(address);
        long state = references[i] ^ accumulators[i];
        references[i] = state;
        accumulators[i] = 0L;
        counts[i] = 0L;
        return state;
    }

    /** Clauses: CTX-SWAP-2, TBL-OPS-1, TBL-ADDR-1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address < references.length;
      @   ensures \result == (\old(references[(int) address]) ^ \old(accumulators[(int) address]));
      @   ensures references[(int) address] == (value & mask);
      @   ensures accumulators[(int) address] == 0 && counts[(int) address] == 0;
      @   assignable references[(int) address], accumulators[(int) address], counts[(int) address];
      @ also public exceptional_behavior
      @   requires address < 0 || address >= references.length;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public long swap(long address, long value) {
        int i = index(address);
        long state = references[i] ^ accumulators[i];
        references[i] = value & mask;
        accumulators[i] = 0L;
        counts[i] = 0L;
        return state;
    }

    /** Clauses: CTX-MERGE-1, TBL-ADDR-1. Folds the source's accumulator and count into the destination. */
    /*@ public normal_behavior
      @   requires 0 <= destination && destination < references.length;
      @   requires 0 <= source && source < references.length;
      @   requires counts[(int) source] <= 9223372036854775807L - counts[(int) destination];
      @   ensures accumulators[(int) destination]
      @        == (\old(accumulators[(int) destination]) ^ \old(accumulators[(int) source]));
      @   ensures counts[(int) destination] == \old(counts[(int) destination]) + \old(counts[(int) source]);
      @   assignable accumulators[(int) destination], counts[(int) destination];
      @ also public exceptional_behavior
      @   requires destination < 0 || destination >= references.length
      @         || source < 0 || source >= references.length;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public void merge(long destination, long source) {
        int d = index(destination);
        int s = index(source);
        long sourceAccumulator = accumulators[s];
        long sourceCount = counts[s];
        accumulators[d] = accumulators[d] ^ sourceAccumulator;
        counts[d] = counts[d] + sourceCount;
    }

    /** Clauses: CTX-COUNT-1, TBL-ADDR-1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address < references.length;
      @   ensures \result == counts[(int) address];
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires address < 0 || address >= references.length;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public long deltaCount(long address) {
        return counts[index(address)];
    }

    /** Clauses: TBL-SIZE-1. The number N of contexts. */
    /*@ public normal_behavior
      @   ensures \result == references.length;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ int size() {
        return references.length;
    }

    /** Clauses: VAL-WIDTH-1. The width W of every context. */
    /*@ public normal_behavior
      @   ensures \result == width;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ int width() {
        return width;
    }
}
