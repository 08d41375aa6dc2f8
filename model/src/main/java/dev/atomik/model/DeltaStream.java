package dev.atomik.model;

/**
 * One replica's sparse view of the u32 address space, with an epoch, a sequence counter and an
 * outbound queue (spec/stream.md). Addresses are held in a bounded slot array searched linearly:
 * plain arrays keep the class inside the Java subset KeY verifies, and the bound is declared as the
 * capability {@code stream_addresses} (STR-CAP-1).
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
    private /*@ spec_public @*/ final long[] queueAddr;
    private /*@ spec_public @*/ final long[] queueDelta;
    private /*@ spec_public @*/ final long[] queueSeq;
    private /*@ spec_public @*/ int queued;

    //@ public invariant 1 <= width && width <= 64;
    //@ public invariant refs.length == addrs.length && accs.length == addrs.length && counts.length == addrs.length;
    //@ public invariant addrs != refs && addrs != accs && addrs != counts && refs != accs && refs != counts && accs != counts;
    //@ public invariant 0 <= used && used <= addrs.length;
    //@ public invariant (\forall int i; 0 <= i && i < used; 0 <= addrs[i] && addrs[i] <= 4294967295L);
    //@ public invariant (\forall int i; 0 <= i && i < used; (\forall int j; i < j && j < used; addrs[i] != addrs[j]));
    //@ public invariant (\forall int i; 0 <= i && i < used; counts[i] >= 0);
    //@ public invariant queueDelta.length == queueAddr.length && queueSeq.length == queueAddr.length;
    //@ public invariant queueAddr != queueDelta && queueAddr != queueSeq && queueDelta != queueSeq;
    //@ public invariant queueAddr != addrs && queueAddr != refs && queueAddr != accs && queueAddr != counts;
    //@ public invariant queueDelta != addrs && queueDelta != refs && queueDelta != accs && queueDelta != counts;
    //@ public invariant queueSeq != addrs && queueSeq != refs && queueSeq != accs && queueSeq != counts;
    //@ public invariant 0 <= queued && queued <= queueAddr.length;
    //@ public invariant (\forall int i; 0 <= i && i < queued;
    //@                     0 <= queueAddr[i] && queueAddr[i] <= 4294967295L && 1 <= queueSeq[i] && queueSeq[i] <= 4294967295L);
    //@ public invariant 0 <= epoch && 0 <= lastSeq && lastSeq <= 4294967295L;

    /** Clauses: VAL-WIDTH-1, STR-SPARSE-1. A stream with the default capacities. */
    /*@ public normal_behavior
      @   requires 1 <= width && width <= 64;
      @   ensures this.width == width && used == 0 && queued == 0 && epoch == 0 && lastSeq == 0;
      @   ensures width == 64 ==> mask == -1L;
      @   ensures width < 64 ==> mask == (long) ((1L << width) - 1L);
      @   ensures addrs.length == DEFAULT_ADDRESSES && queueAddr.length == DEFAULT_QUEUE;
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
        this.queueAddr = zeros(queue);
        this.queueDelta = zeros(queue);
        this.queueSeq = zeros(queue);
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
      @   ensures addrs.length == addresses && queueAddr.length == queue;
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
        this.queueAddr = zeros(legal ? queue : 1);
        this.queueDelta = zeros(legal ? queue : 1);
        this.queueSeq = zeros(legal ? queue : 1);
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
      @   ensures \result == -1 ==> (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ int find(long address) {
        /*@ loop_invariant 0 <= i && i <= used;
          @ loop_invariant (\forall int j; 0 <= j && j < i; addrs[j] != address);
          @ assignable \nothing;
          @ decreases used - i;
          @*/
        for (int i = 0; i < used; i++) {
            if (addrs[i] == address) {
                return i;
            }
        }
        return -1;
    }

    /** Clauses: STR-SPARSE-1, CTX-INIT-1. The slot for an address checked absent; the caller checked there is room. */
    /*@ private normal_behavior
      @   requires 0 <= address && address <= 4294967295L && used < addrs.length;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   ensures \result == \old(used) && used == \old(used) + 1 && addrs[\result] == address;
      @   ensures refs[\result] == 0 && accs[\result] == 0 && counts[\result] == 0;
      @   assignable used, addrs[used], refs[used], accs[used], counts[used];
      @*/
    private int allocate(long address) {
        int slot = used;
        addrs[slot] = address;
        refs[slot] = 0L;
        accs[slot] = 0L;
        counts[slot] = 0L;
        used = used + 1;
        return slot;
    }

    /** Clauses: STR-SPARSE-1, STR-CAP-1, ERR-ORDER-1. Finds or allocates the slot of a valid address. */
    /*@ private normal_behavior
      @   requires 0 <= address && address <= 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address) || used < addrs.length;
      @   ensures 0 <= \result && \result < used && addrs[\result] == address;
      @   ensures (used == \old(used) && \result < used)
      @        || (used == \old(used) + 1 && \result == \old(used) && refs[\result] == 0 && accs[\result] == 0 && counts[\result] == 0);
      @   assignable used, addrs[used], refs[used], accs[used], counts[used];
      @ also private exceptional_behavior
      @   requires address < 0 || address > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @ also private exceptional_behavior
      @   requires 0 <= address && address <= 4294967295L && used == addrs.length;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @*/
    private int slotFor(long address) {
        checkAddress(address);
        int slot = find(address);
        if (slot >= 0) {
            return slot;
        }
        if (used == addrs.length) {
            throw new AtomikError(ErrorCode.CAPACITY_EXCEEDED);
        }
        return allocate(address);
    }

    /** Clauses: STR-LOAD-1, CTX-LOAD-1, VAL-MASK-1, STR-CAP-1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address <= 4294967295L && epoch < 9223372036854775807L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address) || used < addrs.length;
      @   ensures (\exists int i; 0 <= i && i < used; addrs[i] == address);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == address ==>
      @              refs[i] == (value & mask) && accs[i] == 0 && counts[i] == 0);
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] == \old(addrs[i]));
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] != address ==>
      @              refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]) && counts[i] == \old(counts[i]));
      @   ensures epoch == \old(epoch) + 1;
      @   assignable used, addrs[*], refs[*], accs[*], counts[*], epoch;
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
        int slot = slotFor(address);
        refs[slot] = value & mask;
        accs[slot] = 0L;
        counts[slot] = 0L;
        epoch = epoch + 1;
    }

    /** Clauses: STR-SWAP-1, CTX-SWAP-1, STR-SPARSE-1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address <= 4294967295L && epoch < 9223372036854775807L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address) || used < addrs.length;
      @   ensures (\forall int i; 0 <= i && i < \old(used); \old(addrs[i]) == address ==>
      @              \result == (\old(refs[i]) ^ \old(accs[i])));
      @   ensures (\forall int i; 0 <= i && i < \old(used); \old(addrs[i]) != address) ==> \result == 0;
      @   ensures (\exists int i; 0 <= i && i < used; addrs[i] == address);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == address ==>
      @              refs[i] == \result && accs[i] == 0 && counts[i] == 0);
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] == \old(addrs[i]));
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] != address ==>
      @              refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]) && counts[i] == \old(counts[i]));
      @   ensures epoch == \old(epoch) + 1;
      @   assignable used, addrs[*], refs[*], accs[*], counts[*], epoch;
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
        checkAddress(address);
        int slot = find(address);
        long state = slot < 0 ? 0L : refs[slot] ^ accs[slot];
        return swapTo(address, state);
    }

    /** Clauses: STR-SWAP-1, CTX-SWAP-2, VAL-MASK-1, STR-SPARSE-1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address <= 4294967295L && epoch < 9223372036854775807L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address) || used < addrs.length;
      @   ensures (\forall int i; 0 <= i && i < \old(used); \old(addrs[i]) == address ==>
      @              \result == (\old(refs[i]) ^ \old(accs[i])));
      @   ensures (\forall int i; 0 <= i && i < \old(used); \old(addrs[i]) != address) ==> \result == 0;
      @   ensures (\exists int i; 0 <= i && i < used; addrs[i] == address);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == address ==>
      @              refs[i] == (value & mask) && accs[i] == 0 && counts[i] == 0);
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] == \old(addrs[i]));
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] != address ==>
      @              refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]) && counts[i] == \old(counts[i]));
      @   ensures epoch == \old(epoch) + 1;
      @   assignable used, addrs[*], refs[*], accs[*], counts[*], epoch;
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
        return swapTo(address, value & mask);
    }

    /** Clauses: STR-SWAP-1. Returns the state at the address (0 when untouched) and restarts it from newReference. */
    /*@ private normal_behavior
      @   requires 0 <= address && address <= 4294967295L && epoch < 9223372036854775807L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address) || used < addrs.length;
      @   ensures (\forall int i; 0 <= i && i < \old(used); \old(addrs[i]) == address ==>
      @              \result == (\old(refs[i]) ^ \old(accs[i])));
      @   ensures (\forall int i; 0 <= i && i < \old(used); \old(addrs[i]) != address) ==> \result == 0;
      @   ensures (\exists int i; 0 <= i && i < used; addrs[i] == address);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == address ==>
      @              refs[i] == newReference && accs[i] == 0 && counts[i] == 0);
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] == \old(addrs[i]));
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] != address ==>
      @              refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]) && counts[i] == \old(counts[i]));
      @   ensures epoch == \old(epoch) + 1;
      @   assignable used, addrs[*], refs[*], accs[*], counts[*], epoch;
      @ also private exceptional_behavior
      @   requires address < 0 || address > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @ also private exceptional_behavior
      @   requires 0 <= address && address <= 4294967295L && used == addrs.length;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] != address);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @*/
    private long swapTo(long address, long newReference) {
        int slot = slotFor(address);
        long state = refs[slot] ^ accs[slot];
        refs[slot] = newReference;
        accs[slot] = 0L;
        counts[slot] = 0L;
        epoch = epoch + 1;
        return state;
    }

    /** Clauses: STR-ACCUM-1, STR-SEQ-1, CTX-ACCUM-1, VAL-MASK-1, ERR-ATOMIC-1, ERR-ORDER-1. */
    /*@ public normal_behavior
      @   requires 0 <= address && address <= 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address) || used < addrs.length;
      @   requires queued < queueAddr.length && lastSeq < 4294967295L;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] == address ==> counts[i] < 9223372036854775807L);
      @   ensures \result != null && \fresh(\result);
      @   ensures \result.addr == address && \result.delta == (delta & mask) && \result.seq == lastSeq;
      @   ensures lastSeq == \old(lastSeq) + 1 && epoch == \old(epoch) && queued == \old(queued) + 1;
      @   ensures queueAddr[\old(queued)] == address && queueDelta[\old(queued)] == (delta & mask)
      @        && queueSeq[\old(queued)] == lastSeq;
      @   ensures (\exists int i; 0 <= i && i < used; addrs[i] == address);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == address ==>
      @              accs[i] == ((i < \old(used) ? \old(accs[i]) : 0) ^ (delta & mask))
      @              && counts[i] == (i < \old(used) ? \old(counts[i]) : 0) + 1
      @              && refs[i] == (i < \old(used) ? \old(refs[i]) : 0));
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] == \old(addrs[i]));
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] != address ==>
      @              refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]) && counts[i] == \old(counts[i]));
      @   assignable used, addrs[*], refs[*], accs[*], counts[*], lastSeq, queued,
      @              queueAddr[queued], queueDelta[queued], queueSeq[queued];
      @ also public exceptional_behavior
      @   requires address < 0 || address > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 0 <= address && address <= 4294967295L;
      @   requires ((\forall int i; 0 <= i && i < used; addrs[i] != address) && used == addrs.length)
      @         || queued == queueAddr.length;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 0 <= address && address <= 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address) || used < addrs.length;
      @   requires queued < queueAddr.length && lastSeq == 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.SEQ_EXHAUSTED;
      @   assignable \nothing;
      @*/
    public DeltaMessage accum(long address, long delta) {
        checkAddress(address);
        int slot = find(address);
        if (slot < 0 && used == addrs.length) {
            throw new AtomikError(ErrorCode.CAPACITY_EXCEEDED);
        }
        if (queued == queueAddr.length) {
            throw new AtomikError(ErrorCode.CAPACITY_EXCEEDED);
        }
        if (lastSeq == DeltaMessage.U32_MAX) {
            throw new AtomikError(ErrorCode.SEQ_EXHAUSTED);
        }
        if (slot < 0) {
            slot = allocate(address);
        }
        long masked = delta & mask;
        accs[slot] = accs[slot] ^ masked;
        counts[slot] = counts[slot] + 1;
        lastSeq = lastSeq + 1;
        queueAddr[queued] = address;
        queueDelta[queued] = masked;
        queueSeq[queued] = lastSeq;
        queued = queued + 1;
        return new DeltaMessage(address, masked, lastSeq);
    }

    /** Clauses: CTX-ROLLBACK-1, STR-ACCUM-1, STR-SEQ-1. Exactly ACCUM (XOR is self-inverse). */
    /*@ public normal_behavior
      @   requires 0 <= address && address <= 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == address) || used < addrs.length;
      @   requires queued < queueAddr.length && lastSeq < 4294967295L;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] == address ==> counts[i] < 9223372036854775807L);
      @   ensures \result != null && \fresh(\result);
      @   ensures \result.addr == address && \result.delta == (delta & mask) && \result.seq == lastSeq;
      @   ensures lastSeq == \old(lastSeq) + 1 && epoch == \old(epoch) && queued == \old(queued) + 1;
      @   ensures queueAddr[\old(queued)] == address && queueDelta[\old(queued)] == (delta & mask)
      @        && queueSeq[\old(queued)] == lastSeq;
      @   ensures (\exists int i; 0 <= i && i < used; addrs[i] == address);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == address ==>
      @              accs[i] == ((i < \old(used) ? \old(accs[i]) : 0) ^ (delta & mask))
      @              && counts[i] == (i < \old(used) ? \old(counts[i]) : 0) + 1
      @              && refs[i] == (i < \old(used) ? \old(refs[i]) : 0));
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] == \old(addrs[i]));
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] != address ==>
      @              refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]) && counts[i] == \old(counts[i]));
      @   assignable used, addrs[*], refs[*], accs[*], counts[*], lastSeq, queued,
      @              queueAddr[queued], queueDelta[queued], queueSeq[queued];
      @ also public exceptional_behavior
      @   requires address < 0 || address > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public DeltaMessage rollback(long address, long delta) {
        return accum(address, delta);
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
        checkAddress(address);
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
        checkAddress(address);
        int slot = find(address);
        return slot < 0 ? 0L : counts[slot];
    }

    /** Clauses: STR-APPLY-1, STR-EPOCH-1, NG-DUP-1, VAL-MASK-1. No de-duplication here: that is the transport's job. */
    /*@ public normal_behavior
      @   requires message != null && 0 <= message.addr && message.addr <= 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; addrs[i] == message.addr) || used < addrs.length;
      @   requires (\forall int i; 0 <= i && i < used; addrs[i] == message.addr ==> counts[i] < 9223372036854775807L);
      @   ensures (\exists int i; 0 <= i && i < used; addrs[i] == message.addr);
      @   ensures (\forall int i; 0 <= i && i < used; addrs[i] == message.addr ==>
      @              accs[i] == ((i < \old(used) ? \old(accs[i]) : 0) ^ (message.delta & mask))
      @              && counts[i] == (i < \old(used) ? \old(counts[i]) : 0) + 1
      @              && refs[i] == (i < \old(used) ? \old(refs[i]) : 0));
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] == \old(addrs[i]));
      @   ensures (\forall int i; 0 <= i && i < \old(used); addrs[i] != message.addr ==>
      @              refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]) && counts[i] == \old(counts[i]));
      @   ensures epoch == \old(epoch) && lastSeq == \old(lastSeq) && queued == \old(queued);
      @   assignable used, addrs[*], refs[*], accs[*], counts[*];
      @ also public exceptional_behavior
      @   requires message != null && 0 <= message.addr && message.addr <= 4294967295L;
      @   requires used == addrs.length && (\forall int i; 0 <= i && i < used; addrs[i] != message.addr);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @*/
    public void apply(DeltaMessage message) {
        int slot = slotFor(message.addr);
        accs[slot] = accs[slot] ^ (message.delta & mask);
        counts[slot] = counts[slot] + 1;
    }

    /** Clauses: STR-DRAIN-1. Every queued message in queue order; the queue is then empty. */
    /*@ public normal_behavior
      @   ensures \result != null && \fresh(\result) && \result.length == \old(queued) && queued == 0;
      @   ensures (\forall int i; 0 <= i && i < \result.length; \result[i] != null
      @              && \result[i].addr == queueAddr[i] && \result[i].delta == queueDelta[i]
      @              && \result[i].seq == queueSeq[i]);
      @   assignable queued;
      @*/
    public DeltaMessage[] drain() {
        DeltaMessage[] out = new DeltaMessage[queued];
        /*@ loop_invariant 0 <= i && i <= queued && out.length == queued;
          @ loop_invariant (\forall int j; 0 <= j && j < i; out[j] != null
          @                   && out[j].addr == queueAddr[j] && out[j].delta == queueDelta[j]
          @                   && out[j].seq == queueSeq[j]);
          @ assignable out[*];
          @ decreases queued - i;
          @*/
        for (int i = 0; i < queued; i++) {
            out[i] = new DeltaMessage(queueAddr[i], queueDelta[i], queueSeq[i]);
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
      @   ensures \result == queueAddr.length;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ int queueCapacity() {
        return queueAddr.length;
    }
}
