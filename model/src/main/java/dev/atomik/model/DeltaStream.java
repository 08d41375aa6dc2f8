package dev.atomik.model;

/**
 * One replica's sparse view of the u32 address space, with an epoch, a sequence counter and an
 * outbound queue (spec/stream.md). Addresses are held in a bounded slot array searched linearly:
 * plain arrays keep the class inside the Java subset KeY verifies, and the bound is declared as the
 * capability {@code stream_addresses} (STR-CAP-1).
 */
public final class DeltaStream {
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
    //@ public invariant width == 64 ==> mask == -1L;
    //@ public invariant width < 64 ==> mask == (1L << width) - 1L;
    //@ public invariant refs.length == addrs.length && accs.length == addrs.length && counts.length == addrs.length;
    //@ public invariant addrs != refs && addrs != accs && addrs != counts && refs != accs && refs != counts && accs != counts;
    //@ public invariant 0 <= used && used <= addrs.length;
    //@ public invariant (\forall int i; 0 <= i && i < used; 0 <= addrs[i] && addrs[i] <= 4294967295L);
    //@ public invariant (\forall int i; 0 <= i && i < used; (\forall int j; i < j && j < used; addrs[i] != addrs[j]));
    //@ public invariant (\forall int i; 0 <= i && i < used; (refs[i] & mask) == refs[i] && (accs[i] & mask) == accs[i]);
    //@ public invariant (\forall int i; 0 <= i && i < used; counts[i] >= 0);
    //@ public invariant queueDelta.length == queueAddr.length && queueSeq.length == queueAddr.length;
    //@ public invariant queueAddr != queueDelta && queueAddr != queueSeq && queueDelta != queueSeq;
    //@ public invariant 0 <= queued && queued <= queueAddr.length;
    //@ public invariant 0 <= epoch && 0 <= lastSeq && lastSeq <= 4294967295L;

    /** Clauses: VAL-WIDTH-1, STR-SPARSE-1. A stream with the default capacities. */
    public DeltaStream(int width) {
        this(width, DEFAULT_ADDRESSES, DEFAULT_QUEUE);
    }

    /** Clauses: VAL-WIDTH-1, STR-CAP-1. */
    /*@ public normal_behavior
      @   requires 1 <= width && width <= 64 && addresses >= 1 && queue >= 1;
      @   ensures this.width == width && used == 0 && queued == 0 && epoch == 0 && lastSeq == 0;
      @   ensures addrs.length == addresses && queueAddr.length == queue;
      @ also public exceptional_behavior
      @   requires width < 1 || width > 64;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_WIDTH;
      @ also public exceptional_behavior
      @   requires 1 <= width && width <= 64 && (addresses < 1 || queue < 1);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_SIZE;
      @*/
    public DeltaStream(int width, int addresses, int queue) {
        Width.check(width);
        if (addresses < 1 || queue < 1) {
            throw new AtomikError(ErrorCode.BAD_SIZE);
        }
        this.width = width;
        this.mask = Width.maskOf(width);
        this.addrs = new long[addresses];
        this.refs = new long[addresses];
        this.accs = new long[addresses];
        this.counts = new long[addresses];
        this.queueAddr = new long[queue];
        this.queueDelta = new long[queue];
        this.queueSeq = new long[queue];
    }

    /** Clauses: STR-SPARSE-1. Fails unless 0 ≤ address ≤ 2^32 − 1. */
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

    /** The slot holding {@code address}, or −1 when it was never touched. */
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

    /** The slot for an address already checked to be absent; the caller checked there is room. */
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

    /** Finds or allocates the slot of a valid address; fails with CAPACITY_EXCEEDED when full. */
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

    /** Clauses: STR-LOAD-1, CTX-LOAD-1, STR-CAP-1. */
    public void load(long address, long value) {
        int slot = slotFor(address);
        refs[slot] = value & mask;
        accs[slot] = 0L;
        counts[slot] = 0L;
        epoch = epoch + 1;
    }

    /** Clauses: STR-SWAP-1, CTX-SWAP-1. */
    public long swap(long address) {
        checkAddress(address);
        int slot = find(address);
        long state = slot < 0 ? 0L : refs[slot] ^ accs[slot];
        return swapTo(address, state);
    }

    /** Clauses: STR-SWAP-1, CTX-SWAP-2. */
    public long swap(long address, long value) {
        return swapTo(address, value & mask);
    }

    private long swapTo(long address, long newReference) {
        int slot = slotFor(address);
        long state = refs[slot] ^ accs[slot];
        refs[slot] = newReference;
        accs[slot] = 0L;
        counts[slot] = 0L;
        epoch = epoch + 1;
        return state;
    }

    /** Clauses: STR-ACCUM-1, STR-SEQ-1, CTX-ACCUM-1, ERR-ATOMIC-1, ERR-ORDER-1. */
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

    /** Clauses: CTX-ROLLBACK-1, STR-ACCUM-1. */
    public DeltaMessage rollback(long address, long delta) {
        return accum(address, delta);
    }

    /** Clauses: STR-SPARSE-1, CTX-READ-1. */
    public long read(long address) {
        checkAddress(address);
        int slot = find(address);
        if (slot < 0) {
            return 0L;
        }
        return refs[slot] ^ accs[slot];
    }

    /** Clauses: CTX-COUNT-1, STR-APPLY-1. */
    public long deltaCount(long address) {
        checkAddress(address);
        int slot = find(address);
        return slot < 0 ? 0L : counts[slot];
    }

    /** Clauses: STR-APPLY-1, STR-EPOCH-1, NG-DUP-1. No de-duplication here: that is the transport's job. */
    public void apply(DeltaMessage message) {
        int slot = slotFor(message.addr);
        accs[slot] = accs[slot] ^ (message.delta & mask);
        counts[slot] = counts[slot] + 1;
    }

    /** Clauses: STR-DRAIN-1. */
    public DeltaMessage[] drain() {
        DeltaMessage[] out = new DeltaMessage[queued];
        for (int i = 0; i < queued; i++) {
            out[i] = new DeltaMessage(queueAddr[i], queueDelta[i], queueSeq[i]);
        }
        queued = 0;
        return out;
    }

    public /*@ pure @*/ int pending() {
        return queued;
    }

    public /*@ pure @*/ long epoch() {
        return epoch;
    }

    public /*@ pure @*/ long lastSeq() {
        return lastSeq;
    }

    public /*@ pure @*/ int width() {
        return width;
    }

    public /*@ pure @*/ int addressCapacity() {
        return addrs.length;
    }

    public /*@ pure @*/ int queueCapacity() {
        return queueAddr.length;
    }
}
