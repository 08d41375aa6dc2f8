package dev.atomik.model;

/**
 * One replica's sparse view of the u32 address space, with an epoch, a sequence counter and an
 * outbound queue (spec/stream.md). Addresses are held in a bounded slot array searched linearly:
 * plain arrays keep the class inside the Java subset KeY verifies, and the bound is declared as the
 * capability {@code stream_addresses} (STR-CAP-1).
 *
 * <p>How the writes are shaped for KeY (spec/trust-ledger.md, sections 7 and 9): each public
 * write checks its arguments, finds the slot, and ends in one private call that performs every
 * store of its case with no call in between ({@link #addLoaded}, {@link #reset}, {@link #addQueued},
 * {@link #queue}, {@link #allocate}); KeY then proves the class invariant once, in that callee,
 * and the caller takes it from the callee's contract as it stands. The one exception is APPLY at a
 * held address, which stores directly: nothing but {@code find} runs before its stores. The
 * helpers a write calls before its stores ({@code find}, {@code masked}, {@code maskedDelta},
 * {@code stateAt}) are strictly pure for KeY (they do not even allocate), so the invariant does
 * not have to be carried through their heaps. The outbound queue holds the very messages ACCUM
 * returned; DRAIN hands them out and leaves them in place until later messages overwrite them.
 */
public final /*@ spec_java_math @*/ class DeltaStream {
    public static final int DEFAULT_ADDRESSES = 1024;
    public static final int DEFAULT_QUEUE = 4096;

    private /*@ spec_public @*/ final int width;
    private /*@ spec_public @*/ final long mask;
    private /*@ spec_public @*/ final long[] addrs;
    private /*@ spec_public @*/ final long[] refs;
    private /*@ spec_public @*/ final long[] accs;
    private /*@ spec_public @*/ final long[] counts;
    private /*@ spec_public @*/ int used;
    private /*@ spec_public @*/ long epoch;
    private /*@ spec_public @*/ long lastSeq;
    // nullable: for KeY a non_null array field also has non-null elements, and the places past the
    // queue hold null; the invariants below say what is non-null (the array and the queued part).
    private /*@ spec_public nullable @*/ final DeltaMessage[] outbox;
    private /*@ spec_public @*/ int queued;

    //@ public invariant 1 <= width && width <= 64;
    //@ public invariant refs.length == addrs.length && accs.length == addrs.length && counts.length == addrs.length;
    //@ public invariant addrs != refs && addrs != accs && addrs != counts && refs != accs && refs != counts && accs != counts;
    //@ public invariant 0 <= used && used <= addrs.length;
    //@ public invariant (\forall int i; 0 <= i && i < used; 0 <= addrs[i] && addrs[i] <= 4294967295L);
    // Distinct addresses, stated as "each slot differs from every earlier one": appending a slot then
    // adds exactly the precondition of the appending helper, which KeY matches without searching.
    //@ public invariant (\forall int j; 0 <= j && j < used; (\forall int i; 0 <= i && i < j; addrs[i] != addrs[j]));
    //@ public invariant (\forall int i; 0 <= i && i < used; counts[i] >= 0);
    //@ public invariant outbox != (Object) addrs && outbox != (Object) refs && outbox != (Object) accs && outbox != (Object) counts;
    // The exact type lets KeY show that storing a DeltaMessage into the queue is no ArrayStoreException.
    //@ public invariant outbox != null && \typeof(outbox) == \type(DeltaMessage[]);
    //@ public invariant (\forall int i; 0 <= i && i < queued; outbox[i] != null);
    //@ public invariant 0 <= queued && queued <= outbox.length;
    //@ public invariant 0 <= epoch && 0 <= lastSeq && lastSeq <= 4294967295L;

    /** Clauses: VAL-WIDTH-1, STR-SPARSE-1. A stream with the default capacities. */
    /*@ public normal_behavior
      @   requires 1 <= width && width <= 64;
      @   ensures this.width == width && used == 0 && queued == 0 && epoch == 0 && lastSeq == 0;
      @   ensures width == 64 ==> mask == -1L;
      @   ensures width < 64 ==> mask == (long) ((1L << width) - 1L);
      @   ensures addrs.length == DEFAULT_ADDRESSES && outbox.length == DEFAULT_QUEUE;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires width < 1 || width > 64;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_WIDTH;
      @   assignable \nothing;
      @*/
    public DeltaStream(int width) {
        // The body of DeltaStream(width, DEFAULT_ADDRESSES, DEFAULT_QUEUE) written out: KeY inlines a
        // chained this(...) call instead of using its contract, and then cannot close the frame.
        // Placeholder fields before the check, as there (the class invariant must hold on throw).
        boolean legal = width >= Width.MIN && width <= Width.MAX;
        int addresses = legal ? DEFAULT_ADDRESSES : 1;
        int queue = legal ? DEFAULT_QUEUE : 1;
        this.width = legal ? width : Width.MIN;
        this.mask = Width.maskOf(this.width);
        this.addrs = zeros(addresses);
        this.refs = zeros(addresses);
        this.accs = zeros(addresses);
        this.counts = zeros(addresses);
        this.outbox = messages(queue);
        if (!legal) {
            throw new AtomikError(ErrorCode.BAD_WIDTH);
        }
    }

    /** Clauses: VAL-WIDTH-1, STR-CAP-1, ERR-ORDER-1. */
    /*@ public normal_behavior
      @   requires 1 <= width && width <= 64 && addresses >= 1 && queue >= 1;
      @   ensures this.width == width && used == 0 && queued == 0 && epoch == 0 && lastSeq == 0;
      @   ensures width == 64 ==> mask == -1L;
      @   ensures width < 64 ==> mask == (long) ((1L << width) - 1L);
      @   ensures addrs.length == addresses && outbox.length == queue;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires width < 1 || width > 64;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_WIDTH;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 1 <= width && width <= 64 && (addresses < 1 || queue < 1);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_SIZE;
      @   assignable \nothing;
      @*/
    public DeltaStream(int width, int addresses, int queue) {
        // KeY requires the class invariant even when a constructor throws, so the fields get legal
        // placeholder values before the check; the half-built object is never reachable.
        boolean legalWidth = width >= Width.MIN && width <= Width.MAX;
        boolean legal = legalWidth && addresses >= 1 && queue >= 1;
        this.width = legalWidth ? width : Width.MIN;
        this.mask = Width.maskOf(this.width);
        this.addrs = zeros(legal ? addresses : 1);
        this.refs = zeros(legal ? addresses : 1);
        this.accs = zeros(legal ? addresses : 1);
        this.counts = zeros(legal ? addresses : 1);
        this.outbox = messages(legal ? queue : 1);
        // The checks of Width.check, inline: an exception thrown through a callee's contract made
        // this proof twice as long as a throw written here (measured: 31,000 vs 16,000 nodes).
        if (!legalWidth) {
            throw new AtomikError(ErrorCode.BAD_WIDTH);
        }
        if (addresses < 1 || queue < 1) {
            throw new AtomikError(ErrorCode.BAD_SIZE);
        }
    }

    /**
     * Clauses: CTX-INIT-1. A fresh array of {@code length} zeros. The constructors allocate through
     * this contract rather than with {@code new} inline: KeY then sees each array only as "fresh",
     * which keeps the constructors' frame proofs small (inline, it case-split on every allocation).
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

    /** Clauses: STR-DRAIN-1. A fresh, empty outbound queue of {@code length} places (see zeros). */
    /*@ private normal_behavior
      @   requires length >= 1;
      @   ensures \result != null && \fresh(\result) && \result.length == length;
      @   ensures \typeof(\result) == \type(DeltaMessage[]);
      @   assignable \nothing;
      @*/
    private static /*@ nullable @*/ DeltaMessage[] messages(int length) {
        return new DeltaMessage[length];
    }

    /** Clauses: STR-SPARSE-1, ERR-CODES-1. Fails unless 0 ≤ address ≤ 2^32 − 1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address <= 4294967295L;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires address < 0 || address > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public static void checkAddress(long address) {
        if (address < 0 || address > DeltaMessage.U32_MAX) {
            throw new AtomikError(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
    }

    /** Clauses: STR-SPARSE-1. The slot holding {@code address}, or −1 when it was never touched. */
    /*@ public normal_behavior
      @   ensures -1 <= \result && \result < used;
      @   ensures \result >= 0 ==> addrs[\result] == address;
      @   ensures \result >= 0 ==> (\forall int i; 0 <= i && i < used; addrs[i] == address ==> i == \result);
      @   ensures \result == -1 ==> (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ /*+KeY@ strictly_pure @*/ int find(long address) {
        /*@ loop_invariant 0 <= i && i <= used;
          @ loop_invariant (\forall int j; 0 <= j && j < i; addrs[j] != address);
          @ decreases used - i;
          @*/
        /*+KeY@ loop_writes \strictly_nothing; @*/
        /*-KeY@ loop_writes \nothing; @*/
        for (int i = 0; i < used; i++) {
            if (addrs[i] == address) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Clauses: STR-SPARSE-1, STR-CAP-1. A new slot for an address checked absent, with its whole
     * state given; the caller checked there is room. A write to a new address is this one call,
     * and a write to a held address only stores into its slot: KeY then proves the
     * distinct-address invariant here, once, instead of in every caller after further stores.
     */
    /*@ private normal_behavior
      @   requires 0 <= address && address <= 4294967295L && used < addrs.length && count >= 0;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   ensures used == \old(used) + 1 && addrs[\old(used)] == address;
      @   ensures refs[\old(used)] == reference && accs[\old(used)] == accumulator && counts[\old(used)] == count;
      @   assignable used, addrs[used], refs[used], accs[used], counts[used];
      @*/
    private void allocate(long address, long reference, long accumulator, long count) {
        addrs[used] = address;
        refs[used] = reference;
        accs[used] = accumulator;
        counts[used] = count;
        used = used + 1;
    }

    /**
     * Clauses: ERR-CODES-1, ERR-ATOMIC-1. Throws the error {@code code}. Through a contract, the
     * exception's allocation stays out of the callers' proofs, which only see a heap that gained
     * a fresh object.
     */
    /*@ private exceptional_behavior
      @   requires true;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == code;
      @   assignable \nothing;
      @*/
    private static void fail(int code) {
        throw new AtomikError(code);
    }

    /**
     * Clauses: STR-LOAD-1, STR-SWAP-1, STR-SPARSE-1. A new slot for an address checked absent,
     * holding {@code reference}, and the next epoch: the whole write of LOAD or SWAP at a new
     * address. Each public write ends in one such call (or in {@link #reset}, {@link #queue},
     * {@link #addQueued}, {@link #allocate}), which does every store of its case with no call in
     * between: KeY then proves the invariant from the state before the stores, and the caller
     * takes it from this contract as it stands. Stores after a call made KeY carry the invariant
     * through the callee's heap, and left LOAD and ACCUM open at 80,000 steps.
     */
    /*@ private normal_behavior
      @   requires 0 <= address && address <= 4294967295L && used < addrs.length && epoch < 9223372036854775807L;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   ensures used == \old(used) + 1 && addrs[\old(used)] == address && epoch == \old(epoch) + 1;
      @   ensures refs[\old(used)] == reference && accs[\old(used)] == 0 && counts[\old(used)] == 0;
      @   assignable used, addrs[used], refs[used], accs[used], counts[used], epoch;
      @*/
    private void addLoaded(long address, long reference) {
        addrs[used] = address;
        refs[used] = reference;
        accs[used] = 0L;
        counts[used] = 0L;
        used = used + 1;
        epoch = epoch + 1;
    }

    /** Clauses: STR-LOAD-1, STR-SWAP-1. The held slot {@code slot} restarts from {@code reference}, and the next epoch (see addLoaded). */
    /*@ private normal_behavior
      @   requires 0 <= slot && slot < used && epoch < 9223372036854775807L;
      @   ensures refs[slot] == reference && accs[slot] == 0 && counts[slot] == 0 && epoch == \old(epoch) + 1;
      @   assignable refs[slot], accs[slot], counts[slot], epoch;
      @*/
    private void reset(int slot, long reference) {
        refs[slot] = reference;
        accs[slot] = 0L;
        counts[slot] = 0L;
        epoch = epoch + 1;
    }

    /** Clauses: STR-ACCUM-1, STR-SEQ-1, STR-SPARSE-1. ACCUM's whole write at a new address, {@code message} already built (see addLoaded). */
    /*@ private normal_behavior
      @   requires 0 <= address && address <= 4294967295L && used < addrs.length;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   requires queued < outbox.length && lastSeq < 4294967295L;
      @   ensures used == \old(used) + 1 && addrs[\old(used)] == address;
      @   ensures refs[\old(used)] == 0 && accs[\old(used)] == accumulator && counts[\old(used)] == 1;
      @   ensures lastSeq == \old(lastSeq) + 1 && queued == \old(queued) + 1 && outbox[\old(queued)] == message;
      @   assignable used, addrs[used], refs[used], accs[used], counts[used], lastSeq, outbox[queued], queued;
      @*/
    private void addQueued(long address, long accumulator, DeltaMessage message) {
        addrs[used] = address;
        refs[used] = 0L;
        accs[used] = accumulator;
        counts[used] = 1L;
        used = used + 1;
        lastSeq = lastSeq + 1;
        outbox[queued] = message;
        queued = queued + 1;
    }

    /** Clauses: STR-ACCUM-1, STR-SEQ-1, CTX-ACCUM-1. ACCUM's whole write at the held slot {@code slot}, {@code message} already built (see addLoaded). */
    /*@ private normal_behavior
      @   requires 0 <= slot && slot < used && counts[slot] < 9223372036854775807L;
      @   requires queued < outbox.length && lastSeq < 4294967295L;
      @   ensures accs[slot] == (\old(accs[slot]) ^ delta) && counts[slot] == \old(counts[slot]) + 1;
      @   ensures lastSeq == \old(lastSeq) + 1 && queued == \old(queued) + 1 && outbox[\old(queued)] == message;
      @   assignable accs[slot], counts[slot], lastSeq, outbox[queued], queued;
      @*/
    private void queue(int slot, long delta, DeltaMessage message) {
        accs[slot] = accs[slot] ^ delta;
        counts[slot] = counts[slot] + 1;
        lastSeq = lastSeq + 1;
        outbox[queued] = message;
        queued = queued + 1;
    }

    /** Clauses: CTX-READ-1. The state of the held slot {@code slot}, as a call result (see masked). */
    /*@ private normal_behavior
      @   requires 0 <= slot && slot < used;
      @   ensures \result == (refs[slot] ^ accs[slot]);
      @   assignable \nothing;
      @*/
    private /*@ pure @*/ /*+KeY@ strictly_pure @*/ long stateAt(int slot) {
        return refs[slot] ^ accs[slot];
    }

    /** Clauses: STR-LOAD-1, CTX-LOAD-1, VAL-MASK-1, STR-CAP-1. */
    /*@ public normal_behavior // an address the stream holds
      @   requires 0 <= address && address <= 4294967295L && epoch < 9223372036854775807L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address);
      @   ensures used == \old(used) && epoch == \old(epoch) + 1;
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == address ==>
      @              refs[i] == (value & mask) && accs[i] == 0 && counts[i] == 0);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] != address ==>
      @              refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]) && counts[i] == \old(counts[i]));
      @   assignable refs[*], accs[*], counts[*], epoch;
      @ also public normal_behavior // a new address: its state was 0
      @   requires 0 <= address && address <= 4294967295L && epoch < 9223372036854775807L && used < addrs.length;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   ensures used == \old(used) + 1 && epoch == \old(epoch) + 1;
      @   ensures addrs[\old(used)] == address && refs[\old(used)] == (value & mask)
      @        && accs[\old(used)] == 0 && counts[\old(used)] == 0;
      @   assignable used, addrs[used], refs[used], accs[used], counts[used], epoch;
      @ also public exceptional_behavior
      @   requires address < 0 || address > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 0 <= address && address <= 4294967295L && used == addrs.length;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @*/
    public void load(long address, long value) {
        if (address < 0 || address > DeltaMessage.U32_MAX) {
            fail(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        int slot = find(address);
        if (slot < 0) {
            if (used == addrs.length) {
                fail(ErrorCode.CAPACITY_EXCEEDED);
            }
            addLoaded(address, masked(value));
        } else {
            reset(slot, masked(value));
        }
    }

    /** Clauses: STR-SWAP-1, CTX-SWAP-1, STR-SPARSE-1. */
    /*@ public normal_behavior // an address the stream holds
      @   requires 0 <= address && address <= 4294967295L && epoch < 9223372036854775807L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address);
      @   ensures used == \old(used) && epoch == \old(epoch) + 1;
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == address ==>
      @              \result == (\old(refs[i]) ^ \old(accs[i])) &&
      @              refs[i] == \result && accs[i] == 0 && counts[i] == 0);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] != address ==>
      @              refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]) && counts[i] == \old(counts[i]));
      @   assignable refs[*], accs[*], counts[*], epoch;
      @ also public normal_behavior // a new address: its state was 0
      @   requires 0 <= address && address <= 4294967295L && epoch < 9223372036854775807L && used < addrs.length;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   ensures used == \old(used) + 1 && epoch == \old(epoch) + 1;
      @   ensures \result == 0;
      @   ensures addrs[\old(used)] == address && refs[\old(used)] == 0
      @        && accs[\old(used)] == 0 && counts[\old(used)] == 0;
      @   assignable used, addrs[used], refs[used], accs[used], counts[used], epoch;
      @ also public exceptional_behavior
      @   requires address < 0 || address > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 0 <= address && address <= 4294967295L && used == addrs.length;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @*/
    public long swap(long address) {
        if (address < 0 || address > DeltaMessage.U32_MAX) {
            fail(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        int slot = find(address);
        if (slot < 0) {
            if (used == addrs.length) {
                fail(ErrorCode.CAPACITY_EXCEEDED);
            }
            // A new address's state is 0, written as such: KeY 2.12.3 cannot evaluate ^ on long, even 0 ^ 0.
            addLoaded(address, 0L);
            return 0L;
        }
        long state = stateAt(slot);
        reset(slot, state);
        return state;
    }

    /** Clauses: STR-SWAP-1, CTX-SWAP-2, VAL-MASK-1, STR-SPARSE-1. */
    /*@ public normal_behavior // an address the stream holds
      @   requires 0 <= address && address <= 4294967295L && epoch < 9223372036854775807L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address);
      @   ensures used == \old(used) && epoch == \old(epoch) + 1;
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == address ==>
      @              \result == (\old(refs[i]) ^ \old(accs[i])) &&
      @              refs[i] == (value & mask) && accs[i] == 0 && counts[i] == 0);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] != address ==>
      @              refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]) && counts[i] == \old(counts[i]));
      @   assignable refs[*], accs[*], counts[*], epoch;
      @ also public normal_behavior // a new address: its state was 0
      @   requires 0 <= address && address <= 4294967295L && epoch < 9223372036854775807L && used < addrs.length;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   ensures used == \old(used) + 1 && epoch == \old(epoch) + 1;
      @   ensures \result == 0;
      @   ensures addrs[\old(used)] == address && refs[\old(used)] == (value & mask)
      @        && accs[\old(used)] == 0 && counts[\old(used)] == 0;
      @   assignable used, addrs[used], refs[used], accs[used], counts[used], epoch;
      @ also public exceptional_behavior
      @   requires address < 0 || address > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 0 <= address && address <= 4294967295L && used == addrs.length;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @*/
    public long swap(long address, long value) {
        if (address < 0 || address > DeltaMessage.U32_MAX) {
            fail(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        int slot = find(address);
        if (slot < 0) {
            if (used == addrs.length) {
                fail(ErrorCode.CAPACITY_EXCEEDED);
            }
            addLoaded(address, masked(value));
            return 0L;
        }
        long state = stateAt(slot);
        reset(slot, masked(value));
        return state;
    }

    /** Clauses: STR-ACCUM-1, STR-SEQ-1, CTX-ACCUM-1, VAL-MASK-1, ERR-ATOMIC-1, ERR-ORDER-1. */
    /*@ public normal_behavior // an address the stream holds
      @   requires 0 <= address && address <= 4294967295L && queued < outbox.length && lastSeq < 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address);
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] == address ==> counts[i] < 9223372036854775807L);
      @   ensures \result != null && \fresh(\result);
      @   ensures \result.addr == address && \result.delta == (delta & mask) && \result.seq == lastSeq;
      @   ensures lastSeq == \old(lastSeq) + 1 && queued == \old(queued) + 1 && used == \old(used);
      @   ensures outbox[\old(queued)] == \result;
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == address ==>
      @              accs[i] == (\old(accs[i]) ^ (delta & mask)) && counts[i] == \old(counts[i]) + 1);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] != address ==>
      @              accs[i] == \old(accs[i]) && counts[i] == \old(counts[i]));
      @   assignable accs[*], counts[*], lastSeq, queued, outbox[queued];
      @ also public normal_behavior // a new address: its accumulator starts from 0
      @   requires 0 <= address && address <= 4294967295L && queued < outbox.length && lastSeq < 4294967295L;
      @   requires used < addrs.length && (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   ensures \result != null && \fresh(\result);
      @   ensures \result.addr == address && \result.delta == (delta & mask) && \result.seq == lastSeq;
      @   ensures lastSeq == \old(lastSeq) + 1 && queued == \old(queued) + 1 && used == \old(used) + 1;
      @   ensures outbox[\old(queued)] == \result;
      @   ensures addrs[\old(used)] == address && refs[\old(used)] == 0 && accs[\old(used)] == (delta & mask)
      @        && counts[\old(used)] == 1;
      @   assignable used, addrs[used], refs[used], accs[used], counts[used],
      @              lastSeq, queued, outbox[queued];
      @ also public exceptional_behavior
      @   requires address < 0 || address > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 0 <= address && address <= 4294967295L;
      @   requires ((\forall int i; 0 <= i && i < used; addrs[i] != address) && used == addrs.length)
      @         || queued == outbox.length;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 0 <= address && address <= 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address) || used < addrs.length;
      @   requires queued < outbox.length && lastSeq == 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.SEQ_EXHAUSTED;
      @   assignable \nothing;
      @*/
    public DeltaMessage accum(long address, long delta) {
        if (address < 0 || address > DeltaMessage.U32_MAX) {
            fail(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        int slot = find(address);
        if (slot < 0 && used == addrs.length) {
            fail(ErrorCode.CAPACITY_EXCEEDED);
        }
        if (queued == outbox.length) {
            fail(ErrorCode.CAPACITY_EXCEEDED);
        }
        if (lastSeq == DeltaMessage.U32_MAX) {
            fail(ErrorCode.SEQ_EXHAUSTED);
        }
        // Through a call: the masked delta is passed on to the message's constructor (see masked).
        long masked = masked(delta);
        DeltaMessage message = new DeltaMessage(address, masked, lastSeq + 1);
        // A new address's accumulator is set, not XORed: KeY 2.12.3 cannot evaluate 0 ^ x on long.
        if (slot < 0) {
            addQueued(address, masked, message);
        } else {
            queue(slot, masked, message);
        }
        return message;
    }

    /** Clauses: CTX-ROLLBACK-1, STR-ACCUM-1, STR-SEQ-1. Exactly ACCUM (XOR is self-inverse). */
    /*@ public normal_behavior // an address the stream holds
      @   requires 0 <= address && address <= 4294967295L && queued < outbox.length && lastSeq < 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address);
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] == address ==> counts[i] < 9223372036854775807L);
      @   ensures \result != null && \fresh(\result);
      @   ensures \result.addr == address && \result.delta == (delta & mask) && \result.seq == lastSeq;
      @   ensures lastSeq == \old(lastSeq) + 1 && queued == \old(queued) + 1 && used == \old(used);
      @   ensures outbox[\old(queued)] == \result;
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == address ==>
      @              accs[i] == (\old(accs[i]) ^ (delta & mask)) && counts[i] == \old(counts[i]) + 1);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] != address ==>
      @              accs[i] == \old(accs[i]) && counts[i] == \old(counts[i]));
      @   assignable accs[*], counts[*], lastSeq, queued, outbox[queued];
      @ also public normal_behavior // a new address: its accumulator starts from 0
      @   requires 0 <= address && address <= 4294967295L && queued < outbox.length && lastSeq < 4294967295L;
      @   requires used < addrs.length && (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   ensures \result != null && \fresh(\result);
      @   ensures \result.addr == address && \result.delta == (delta & mask) && \result.seq == lastSeq;
      @   ensures lastSeq == \old(lastSeq) + 1 && queued == \old(queued) + 1 && used == \old(used) + 1;
      @   ensures outbox[\old(queued)] == \result;
      @   ensures addrs[\old(used)] == address && refs[\old(used)] == 0 && accs[\old(used)] == (delta & mask)
      @        && counts[\old(used)] == 1;
      @   assignable used, addrs[used], refs[used], accs[used], counts[used],
      @              lastSeq, queued, outbox[queued];
      @ also public exceptional_behavior
      @   requires address < 0 || address > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 0 <= address && address <= 4294967295L;
      @   requires ((\forall int i; 0 <= i && i < used; addrs[i] != address) && used == addrs.length)
      @         || queued == outbox.length;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 0 <= address && address <= 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address) || used < addrs.length;
      @   requires queued < outbox.length && lastSeq == 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.SEQ_EXHAUSTED;
      @   assignable \nothing;
      @*/
    public DeltaMessage rollback(long address, long delta) {
        // ACCUM's body, not a call to accum: KeY applies a callee's five spec cases together, and
        // that left this contract open at 40,000 steps, while the body closes in about 10,000.
        // DeltaStreamLawsTest checks that the two agree on random inputs, errors included.
        if (address < 0 || address > DeltaMessage.U32_MAX) {
            fail(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        int slot = find(address);
        if (slot < 0 && used == addrs.length) {
            fail(ErrorCode.CAPACITY_EXCEEDED);
        }
        if (queued == outbox.length) {
            fail(ErrorCode.CAPACITY_EXCEEDED);
        }
        if (lastSeq == DeltaMessage.U32_MAX) {
            fail(ErrorCode.SEQ_EXHAUSTED);
        }
        long masked = masked(delta);
        DeltaMessage message = new DeltaMessage(address, masked, lastSeq + 1);
        if (slot < 0) {
            addQueued(address, masked, message);
        } else {
            queue(slot, masked, message);
        }
        return message;
    }

    /**
     * Clauses: VAL-MASK-1. {@code value} masked to the stream's width, in a call because accum passes
     * it on to the message's constructor: KeY 2.12.3 leaves {@code &} on long uninterpreted and has
     * no axiom that a long field holds a long, so it cannot show that {@code value & mask} meets
     * the implicit range precondition of a long parameter; a call's result is a long by its type.
     */
    /*@ private normal_behavior
      @   ensures \result == (value & mask);
      @   assignable \nothing;
      @*/
    private /*@ pure @*/ /*+KeY@ strictly_pure @*/ long masked(long value) {
        return value & mask;
    }

    /** Clauses: STR-APPLY-1, VAL-MASK-1. A peer message's delta masked to the stream's width, in a call for the reason given at masked. */
    /*@ private normal_behavior
      @   requires message != null;
      @   ensures \result == (message.delta & mask);
      @   assignable \nothing;
      @*/
    private /*@ pure @*/ /*+KeY@ strictly_pure @*/ long maskedDelta(DeltaMessage message) {
        return message.delta & mask;
    }

    /** Clauses: STR-SPARSE-1, CTX-READ-1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address <= 4294967295L;
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == address ==> \result == (refs[i] ^ accs[i]));
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] != address) ==> \result == 0;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires address < 0 || address > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public long read(long address) {
        if (address < 0 || address > DeltaMessage.U32_MAX) {
            fail(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        int slot = find(address);
        if (slot < 0) {
            return 0L;
        }
        return refs[slot] ^ accs[slot];
    }

    /** Clauses: CTX-COUNT-1, STR-APPLY-1, STR-SPARSE-1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address <= 4294967295L;
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == address ==> \result == counts[i]);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] != address) ==> \result == 0;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires address < 0 || address > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public long deltaCount(long address) {
        if (address < 0 || address > DeltaMessage.U32_MAX) {
            fail(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        int slot = find(address);
        return slot < 0 ? 0L : counts[slot];
    }

    /** Clauses: STR-APPLY-1, STR-EPOCH-1, NG-DUP-1, VAL-MASK-1. No de-duplication here: that is the transport's job. */
    /*@ public normal_behavior // an address the stream holds
      @   requires message != null && 0 <= message.addr && message.addr <= 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == message.addr);
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] == message.addr ==> counts[i] < 9223372036854775807L);
      @   ensures used == \old(used);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == message.addr ==>
      @              accs[i] == (\old(accs[i]) ^ (message.delta & mask)) && counts[i] == \old(counts[i]) + 1);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] != message.addr ==>
      @              accs[i] == \old(accs[i]) && counts[i] == \old(counts[i]));
      @   assignable accs[*], counts[*];
      @ also public normal_behavior // a new address: its accumulator starts from 0
      @   requires message != null && 0 <= message.addr && message.addr <= 4294967295L;
      @   requires used < addrs.length && (\forall int i; 0 <= i && i < used; addrs[i] != message.addr);
      @   ensures used == \old(used) + 1;
      @   ensures addrs[\old(used)] == message.addr && refs[\old(used)] == 0
      @        && accs[\old(used)] == (message.delta & mask) && counts[\old(used)] == 1;
      @   assignable used, addrs[used], refs[used], accs[used], counts[used];
      @ also public exceptional_behavior
      @   requires message != null && 0 <= message.addr && message.addr <= 4294967295L;
      @   requires used == addrs.length && (\forall int i; 0 <= i && i < used; addrs[i] != message.addr);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @*/
    public void apply(DeltaMessage message) {
        long address = message.addr;
        if (address < 0 || address > DeltaMessage.U32_MAX) {
            fail(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        int slot = find(address);
        if (slot < 0) {
            if (used == addrs.length) {
                fail(ErrorCode.CAPACITY_EXCEEDED);
            }
            allocate(address, 0L, maskedDelta(message), 1L);
        } else {
            accs[slot] = accs[slot] ^ (message.delta & mask);
            counts[slot] = counts[slot] + 1;
        }
    }

    /**
     * Clauses: STR-DRAIN-1. Every queued message in queue order, the very objects ACCUM returned
     * (a message is immutable); the queue is then empty.
     */
    /*@ public normal_behavior
      @   ensures \result != null && \fresh(\result) && \result.length == \old(queued) && queued == 0;
      @   ensures \nonnullelements(\result);
      @   ensures (\forall int i; 0 <= i && i < \result.length; \result[i] == outbox[i]);
      @   assignable queued;
      @*/
    public DeltaMessage[] drain() {
        DeltaMessage[] out = new DeltaMessage[queued];
        /*@ loop_invariant 0 <= i && i <= queued && out.length == queued;
          @ loop_invariant (\forall int j; 0 <= j && j < i; out[j] == outbox[j]);
          @ loop_writes out[*];
          @ decreases queued - i;
          @*/
        for (int i = 0; i < queued; i++) {
            out[i] = outbox[i];
        }
        queued = 0;
        return out;
    }

    /** Clauses: STR-DRAIN-1. The number of messages waiting to be drained. */
    /*@ public normal_behavior
      @   ensures \result == queued;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ int pending() {
        return queued;
    }

    /** Clauses: STR-EPOCH-1. */
    /*@ public normal_behavior
      @   ensures \result == epoch;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ long epoch() {
        return epoch;
    }

    /** Clauses: STR-SEQ-1. */
    /*@ public normal_behavior
      @   ensures \result == lastSeq;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ long lastSeq() {
        return lastSeq;
    }

    /** Clauses: VAL-WIDTH-1. */
    /*@ public normal_behavior
      @   ensures \result == width;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ int width() {
        return width;
    }

    /** Clauses: STR-CAP-1. */
    /*@ public normal_behavior
      @   ensures \result == addrs.length;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ int addressCapacity() {
        return addrs.length;
    }

    /** Clauses: STR-CAP-1. */
    /*@ public normal_behavior
      @   ensures \result == outbox.length;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ int queueCapacity() {
        return outbox.length;
    }
}
