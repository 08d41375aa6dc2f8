package dev.atomik.model;

/**
 * One node of the replicated cache of the ATOMiK tutorial (spec/replication.md, REP-CACHE-1).
 * {@code put} reads the old state, LOADs the new value locally and returns the message
 * (key, old ⊕ value, next seq) that the caller sends to every peer; {@code receive} is APPLY;
 * {@code get} is READ. The transport (fan-out, de-duplication by sender and seq) is not part of
 * the algebra (NG-DUP-1) and lives in the replication module.
 *
 * <p>The node keeps its own sparse slot arrays rather than wrapping a {@link DeltaStream}: a
 * stream issues a seq only through ACCUM, which also changes the local accumulator, whereas a put
 * must LOAD locally and still issue the next seq (REP-CACHE-1). Plain arrays also keep every
 * contract about fields of this class only, which is what KeY proves automatically. A key never
 * touched has no slot and reads 0 (STR-SPARSE-1); a slot is zeroed when it is allocated. As in
 * DeltaStream, each write finds the key and appends a slot only when it is absent, written out
 * per method because KeY proves two plain paths far more cheaply than a shared helper's either-or
 * postcondition.
 */
public final /*@ spec_java_math @*/ class CacheNode {
    public static final int DEFAULT_KEYS = 1024;

    private /*@ spec_public @*/ final int id;
    private /*@ spec_public @*/ final int width;
    private /*@ spec_public @*/ final long mask;
    private /*@ spec_public @*/ final long[] keys;
    private /*@ spec_public @*/ final long[] refs;
    private /*@ spec_public @*/ final long[] accs;
    private /*@ spec_public @*/ int used;
    private /*@ spec_public @*/ long lastSeq;

    //@ public invariant 0 <= id;
    //@ public invariant 1 <= width && width <= 64;
    //@ public invariant refs.length == keys.length && accs.length == keys.length;
    //@ public invariant keys != refs && keys != accs && refs != accs;
    //@ public invariant 0 <= used && used <= keys.length;
    //@ public invariant (\forall int i; 0 <= i && i < used; 0 <= keys[i] && keys[i] <= 4294967295L);
    //@ public invariant (\forall int i; 0 <= i && i < used; (\forall int j; i < j && j < used; keys[i] != keys[j]));
    //@ public invariant 0 <= lastSeq && lastSeq <= 4294967295L;

    /**
     * Clauses: VAL-WIDTH-1, REP-CACHE-1. A node with the default key capacity. The body of
     * CacheNode(id, width, DEFAULT_KEYS) written out: KeY inlines a chained this(...) call instead
     * of using its contract, and then cannot close the frame (as in DeltaStream(int)).
     */
    /*@ public normal_behavior
      @   requires 0 <= id && 1 <= width && width <= 64;
      @   ensures this.id == id && this.width == width && used == 0 && lastSeq == 0;
      @   ensures keys.length == DEFAULT_KEYS;
      @   ensures width == 64 ==> mask == -1L;
      @   ensures width < 64 ==> mask == (long) ((1L << width) - 1L);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires width < 1 || width > 64;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_WIDTH;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 1 <= width && width <= 64 && id < 0;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_SIZE;
      @   assignable \nothing;
      @*/
    public CacheNode(int id, int width) {
        boolean legalWidth = width >= Width.MIN && width <= Width.MAX;
        boolean legal = legalWidth && id >= 0;
        this.id = id >= 0 ? id : 0;
        this.width = legalWidth ? width : Width.MIN;
        this.mask = Width.maskOf(this.width);
        this.keys = zeros(legal ? DEFAULT_KEYS : 1);
        this.refs = zeros(legal ? DEFAULT_KEYS : 1);
        this.accs = zeros(legal ? DEFAULT_KEYS : 1);
        this.used = 0;
        this.lastSeq = 0L;
        if (!legalWidth) {
            throw new AtomikError(ErrorCode.BAD_WIDTH);
        }
        if (id < 0) {
            throw new AtomikError(ErrorCode.BAD_SIZE);
        }
    }

    /** Clauses: VAL-WIDTH-1, STR-CAP-1, REP-CACHE-1. */
    /*@ public normal_behavior
      @   requires 0 <= id && 1 <= width && width <= 64 && capacity >= 1;
      @   ensures this.id == id && this.width == width && used == 0 && lastSeq == 0;
      @   ensures keys.length == capacity;
      @   ensures width == 64 ==> mask == -1L;
      @   ensures width < 64 ==> mask == (long) ((1L << width) - 1L);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires width < 1 || width > 64;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_WIDTH;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 1 <= width && width <= 64 && (id < 0 || capacity < 1);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_SIZE;
      @   assignable \nothing;
      @*/
    public CacheNode(int id, int width, int capacity) {
        // KeY requires the class invariant even when a constructor throws, so the fields get legal
        // placeholder values before the checks; the half-built object is never reachable.
        boolean legalWidth = width >= Width.MIN && width <= Width.MAX;
        boolean legal = legalWidth && id >= 0 && capacity >= 1;
        this.id = id >= 0 ? id : 0;
        this.width = legalWidth ? width : Width.MIN;
        this.mask = Width.maskOf(this.width);
        this.keys = zeros(legal ? capacity : 1);
        this.refs = zeros(legal ? capacity : 1);
        this.accs = zeros(legal ? capacity : 1);
        this.used = 0;
        this.lastSeq = 0L;
        // The checks written inline rather than through Width.check or fail: an exception thrown
        // through a callee's contract costs KeY about twice the proof of a throw written here.
        if (!legalWidth) {
            throw new AtomikError(ErrorCode.BAD_WIDTH);
        }
        if (id < 0 || capacity < 1) {
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

    /**
     * Clauses: STR-SPARSE-1. The slot holding {@code key}, or −1 when it was never touched. Strictly
     * pure for KeY (a keyed annotation that OpenJML skips), like masked and deltaOf: a call leaves
     * the heap as it was, so a caller's proof does not carry the invariant across it
     * (spec/trust-ledger.md, section 7).
     */
    /*@ public normal_behavior
      @   ensures -1 <= \result && \result < used;
      @   ensures \result >= 0 ==> keys[\result] == key;
      @   ensures \result >= 0 ==> (\forall int i; 0 <= i && i < used; keys[i] == key ==> i == \result);
      @   ensures \result == -1 ==> (\forall int i; 0 <= i && i < used; keys[i] != key);
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ /*+KeY@ strictly_pure @*/ int find(long key) {
        /*@ loop_invariant 0 <= i && i <= used;
          @ loop_invariant (\forall int j; 0 <= j && j < i; keys[j] != key);
          @ decreases used - i;
          @*/
        /*+KeY@ loop_writes \strictly_nothing; @*/
        /*-KeY@ loop_writes \nothing; @*/
        for (int i = 0; i < used; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Clauses: ERR-CODES-1, ERR-ATOMIC-1. Throws the error {@code code}. A call with a contract
     * keeps the exception's allocation out of the callers' proofs, which then only see a heap
     * that gained a fresh object.
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
     * Clauses: STR-SPARSE-1, STR-CAP-1, CTX-INIT-1. A new slot for a key checked absent, with the
     * given reference and a zero accumulator; the caller checked there is room. Callers find first
     * and append only when the key is absent, so each public proof has two plain cases (found,
     * appended) instead of a helper's either-or postcondition.
     */
    /*@ private normal_behavior
      @   requires 0 <= key && key <= 4294967295L && used < keys.length;
      @   requires (\forall int i; 0 <= i && i < used; keys[i] != key);
      @   ensures \result == \old(used) && used == \old(used) + 1 && keys[\result] == key;
      @   ensures refs[\result] == reference && accs[\result] == 0;
      @   assignable used, keys[used], refs[used], accs[used];
      @*/
    private int append(long key, long reference) {
        int slot = used;
        keys[slot] = key;
        refs[slot] = reference;
        accs[slot] = 0L;
        used = used + 1;
        return slot;
    }

    /** Clauses: VAL-MASK-1. {@code value} masked to the node's width, in a call for the reason given at deltaOf. */
    /*@ private normal_behavior
      @   ensures \result == (value & mask);
      @   assignable \nothing;
      @*/
    private /*@ pure @*/ /*+KeY@ strictly_pure @*/ long masked(long value) {
        return value & mask;
    }

    /**
     * Clauses: REP-CACHE-1, VAL-MASK-1. The delta a put of {@code value} at {@code slot} sends:
     * the slot's state XOR the masked value. Computed in a call because it is passed on to the
     * message's constructor: KeY 2.12.3 (Java integer semantics) leaves {@code ^} and {@code &}
     * on long uninterpreted and has no axiom that a long field or array element holds a long, so it
     * cannot show that such an expression meets the implicit precondition of a long parameter (its
     * range); the result of a call is a long by its type. One call, not one per operand: each call
     * adds a heap state that the rest of the proof must see through.
     */
    /*@ private normal_behavior
      @   requires 0 <= slot && slot < used;
      @   ensures \result == (refs[slot] ^ accs[slot] ^ (value & mask));
      @   assignable \nothing;
      @*/
    private /*@ pure @*/ /*+KeY@ strictly_pure @*/ long deltaOf(int slot, long value) {
        return refs[slot] ^ accs[slot] ^ (value & mask);
    }

    /**
     * Clauses: REP-CACHE-1, STR-LOAD-1, STR-SEQ-1, STR-CAP-1, ERR-ATOMIC-1. Reads the old state o
     * at {@code key}, LOADs {@code value} there and returns the message (key, o ⊕ value, next seq)
     * that must reach every peer. The node keeps no outbound queue: the caller owns the fan-out.
     */
    /*@ public normal_behavior // a key this node holds
      @   requires 0 <= key && key <= 4294967295L && lastSeq < 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; keys[i] == key);
      @   ensures \result != null && \fresh(\result);
      @   ensures \result.addr == key && lastSeq == \old(lastSeq) + 1 && \result.seq == lastSeq && used == \old(used);
      @   ensures (\forall int i; 0 <= i && i < used; keys[i] == key ==>
      @              \result.delta == (\old(refs[i]) ^ \old(accs[i]) ^ (value & mask)) && refs[i] == (value & mask) && accs[i] == 0);
      @   ensures (\forall int i; 0 <= i && i < used; keys[i] != key ==> refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]));
      @   assignable refs[*], accs[*], lastSeq;
      @ also public normal_behavior // a new key: its old state is 0, so the delta is the value
      @   requires 0 <= key && key <= 4294967295L && lastSeq < 4294967295L && used < keys.length;
      @   requires (\forall int i; 0 <= i && i < used; keys[i] != key);
      @   ensures \result != null && \fresh(\result);
      @   ensures \result.addr == key && lastSeq == \old(lastSeq) + 1 && \result.seq == lastSeq;
      @   ensures \result.delta == (value & mask) && used == \old(used) + 1;
      @   ensures keys[\old(used)] == key && refs[\old(used)] == (value & mask) && accs[\old(used)] == 0;
      @   assignable used, keys[used], refs[used], accs[used], lastSeq;
      @ also public exceptional_behavior
      @   requires key < 0 || key > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 0 <= key && key <= 4294967295L && used == keys.length;
      @   requires (\forall int i; 0 <= i && i < used; keys[i] != key);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 0 <= key && key <= 4294967295L && lastSeq == 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; keys[i] == key) || used < keys.length;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.SEQ_EXHAUSTED;
      @   assignable \nothing;
      @*/
    public DeltaMessage put(long key, long value) {
        if (key < 0 || key > DeltaMessage.U32_MAX) {
            fail(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        int slot = find(key);
        if (slot < 0 && used == keys.length) {
            fail(ErrorCode.CAPACITY_EXCEEDED);
        }
        if (lastSeq == DeltaMessage.U32_MAX) {
            fail(ErrorCode.SEQ_EXHAUSTED);
        }
        if (slot < 0) {
            // A new key: its state was 0, so the delta is the masked value itself. The message is
            // built before the slot is appended, so KeY proves the distinct-key invariant once,
            // right after append, not again through the constructor's heap (open at 84,000 nodes
            // the other way round, closed at 10,900 this way).
            long masked = masked(value);
            DeltaMessage message = new DeltaMessage(key, masked, lastSeq + 1);
            append(key, masked);
            lastSeq = lastSeq + 1;
            return message;
        }
        long delta = deltaOf(slot, value);
        refs[slot] = value & mask;
        accs[slot] = 0L;
        lastSeq = lastSeq + 1;
        return new DeltaMessage(key, delta, lastSeq);
    }

    /**
     * Clauses: REP-CACHE-1, STR-APPLY-1, NG-DUP-1, NG-ORDER-1. APPLY of a peer's message: the
     * accumulator at its address absorbs the delta. No de-duplication here: a message received
     * twice cancels itself (NG-DUP-1), and filtering is the transport's job (REP-DEDUP-1).
     */
    /*@ public normal_behavior // a key this node holds: only its accumulator changes
      @   requires 0 <= message.addr && message.addr <= 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; keys[i] == message.addr);
      @   ensures used == \old(used);
      @   ensures (\forall int i; 0 <= i && i < used; keys[i] == message.addr ==>
      @              refs[i] == \old(refs[i]) && accs[i] == (\old(accs[i]) ^ (message.delta & mask)));
      @   ensures (\forall int i; 0 <= i && i < used; keys[i] != message.addr ==>
      @              refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]));
      @   assignable accs[*];
      @ also public normal_behavior // a new key: one slot more, its state 0 ⊕ delta
      @   requires 0 <= message.addr && message.addr <= 4294967295L;
      @   requires used < keys.length && (\forall int i; 0 <= i && i < used; keys[i] != message.addr);
      @   ensures used == \old(used) + 1;
      @   ensures keys[\old(used)] == message.addr && refs[\old(used)] == 0
      @        && accs[\old(used)] == (message.delta & mask);
      @   assignable used, keys[used], refs[used], accs[used];
      @ also public exceptional_behavior
      @   requires 0 <= message.addr && message.addr <= 4294967295L && used == keys.length;
      @   requires (\forall int i; 0 <= i && i < used; keys[i] != message.addr);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @*/
    public void receive(DeltaMessage message) {
        long key = message.addr;
        if (key < 0 || key > DeltaMessage.U32_MAX) {
            fail(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        int slot = find(key);
        if (slot < 0) {
            if (used == keys.length) {
                fail(ErrorCode.CAPACITY_EXCEEDED);
            }
            // A new key's accumulator is set, not XORed with the fresh 0: KeY 2.12.3 cannot
            // evaluate 0 ^ x on long.
            slot = append(key, 0L);
            accs[slot] = message.delta & mask;
        } else {
            accs[slot] = accs[slot] ^ (message.delta & mask);
        }
    }

    /** Clauses: REP-CACHE-1, CTX-READ-1, STR-SPARSE-1. READ at {@code key}; 0 when never touched. */
    /*@ public normal_behavior
      @   requires 0 <= key && key <= 4294967295L;
      @   ensures (\forall int i; 0 <= i && i < used; keys[i] == key ==> \result == (refs[i] ^ accs[i]));
      @   ensures (\forall int i; 0 <= i && i < used; keys[i] != key) ==> \result == 0;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires key < 0 || key > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ long get(long key) {
        if (key < 0 || key > DeltaMessage.U32_MAX) {
            fail(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        int slot = find(key);
        if (slot < 0) {
            return 0L;
        }
        return refs[slot] ^ accs[slot];
    }

    /**
     * Clauses: NG-SWAP-1, STR-SWAP-1, CTX-SWAP-2. SWAP is local: it returns the state before,
     * restarts the key from {@code value} and issues no message and no seq, so peers never learn
     * of it and it imposes no order (no last-writer-wins).
     */
    /*@ public normal_behavior // a key this node holds
      @   requires 0 <= key && key <= 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; keys[i] == key);
      @   ensures used == \old(used);
      @   ensures (\forall int i; 0 <= i && i < used; keys[i] == key ==>
      @              \result == (\old(refs[i]) ^ \old(accs[i])) && refs[i] == (value & mask) && accs[i] == 0);
      @   ensures (\forall int i; 0 <= i && i < used; keys[i] != key ==> refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]));
      @   assignable refs[*], accs[*];
      @ also public normal_behavior // a new key: its state was 0
      @   requires 0 <= key && key <= 4294967295L && used < keys.length;
      @   requires (\forall int i; 0 <= i && i < used; keys[i] != key);
      @   ensures \result == 0 && used == \old(used) + 1;
      @   ensures keys[\old(used)] == key && refs[\old(used)] == (value & mask) && accs[\old(used)] == 0;
      @   assignable used, keys[used], refs[used], accs[used];
      @ also public exceptional_behavior
      @   requires key < 0 || key > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 0 <= key && key <= 4294967295L && used == keys.length;
      @   requires (\forall int i; 0 <= i && i < used; keys[i] != key);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @*/
    public long swap(long key, long value) {
        if (key < 0 || key > DeltaMessage.U32_MAX) {
            fail(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        int slot = find(key);
        // A new key's state is 0, written as such: KeY 2.12.3 cannot evaluate ^ on long, even 0 ^ 0.
        long state = 0L;
        if (slot < 0) {
            if (used == keys.length) {
                fail(ErrorCode.CAPACITY_EXCEEDED);
            }
            slot = append(key, 0L);
        } else {
            state = refs[slot] ^ accs[slot];
        }
        refs[slot] = value & mask;
        accs[slot] = 0L;
        return state;
    }

    /**
     * Clauses: REP-REPAIR-1, STR-LOAD-1. A local LOAD that sends nothing: how a replica installs a
     * peer's state snapshot when repairing lost messages. {@code put} is the write that replicates.
     */
    /*@ public normal_behavior // a key this node holds
      @   requires 0 <= key && key <= 4294967295L;
      @   requires (\exists int i; 0 <= i && i < used; keys[i] == key);
      @   ensures used == \old(used);
      @   ensures (\forall int i; 0 <= i && i < used; keys[i] == key ==> refs[i] == (value & mask) && accs[i] == 0);
      @   ensures (\forall int i; 0 <= i && i < used; keys[i] != key ==> refs[i] == \old(refs[i]) && accs[i] == \old(accs[i]));
      @   assignable refs[*], accs[*];
      @ also public normal_behavior // a new key: one slot more
      @   requires 0 <= key && key <= 4294967295L && used < keys.length;
      @   requires (\forall int i; 0 <= i && i < used; keys[i] != key);
      @   ensures used == \old(used) + 1;
      @   ensures keys[\old(used)] == key && refs[\old(used)] == (value & mask) && accs[\old(used)] == 0;
      @   assignable used, keys[used], refs[used], accs[used];
      @ also public exceptional_behavior
      @   requires key < 0 || key > 4294967295L;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.ADDRESS_OUT_OF_RANGE;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires 0 <= key && key <= 4294967295L && used == keys.length;
      @   requires (\forall int i; 0 <= i && i < used; keys[i] != key);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.CAPACITY_EXCEEDED;
      @   assignable \nothing;
      @*/
    public void load(long key, long value) {
        if (key < 0 || key > DeltaMessage.U32_MAX) {
            fail(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
        int slot = find(key);
        if (slot < 0) {
            if (used == keys.length) {
                fail(ErrorCode.CAPACITY_EXCEEDED);
            }
            slot = append(key, 0L);
        }
        refs[slot] = value & mask;
        accs[slot] = 0L;
    }

    /** The key held in {@code slot}; slots 0 … size()−1 are every key this node has touched. */
    /*@ public normal_behavior
      @   requires 0 <= slot && slot < used;
      @   ensures \result == keys[slot];
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ long keyAt(int slot) {
        return keys[slot];
    }

    /** Number of distinct keys touched. */
    /*@ public normal_behavior
      @   ensures \result == used;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ int size() {
        return used;
    }

    /** Node id: the sender half of the (sender, seq) pair that identifies a message (REP-DEDUP-1). */
    /*@ public normal_behavior
      @   ensures \result == id;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ int id() {
        return id;
    }

    /** Clauses: STR-SEQ-1. The seq of the last message put issued; 0 before the first. */
    /*@ public normal_behavior
      @   ensures \result == lastSeq;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ long lastSeq() {
        return lastSeq;
    }

    /*@ public normal_behavior
      @   ensures \result == width;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ int width() {
        return width;
    }

    /*@ public normal_behavior
      @   ensures \result == keys.length;
      @   assignable \nothing;
      @*/
    public /*@ pure @*/ int capacity() {
        return keys.length;
    }
}
