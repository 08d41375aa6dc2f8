package dev.atomik.model;

/**
 * A delta travelling between replicas: (addr u32, delta u64, seq u32), encoded as exactly 16
 * big-endian bytes (spec/wire.md). u32 fields are held in a long so that every u32 value is
 * representable without sign tricks.
 */
public final class DeltaMessage {
    /** Encoded length in bytes (WIRE-LEN-1). */
    public static final int LENGTH = 16;
    /** Largest u32 value, 2^32 − 1. */
    public static final long U32_MAX = 4294967295L;

    public final long addr;
    public final long delta;
    public final long seq;

    //@ public invariant 0 <= addr && addr <= 4294967295L;
    //@ public invariant 1 <= seq && seq <= 4294967295L;

    /** Clauses: WIRE-RANGE-1, ERR-ORDER-1. */
    /*@ public normal_behavior
      @   requires 0 <= addr && addr <= 4294967295L && 1 <= seq && seq <= 4294967295L;
      @   ensures this.addr == addr && this.delta == delta && this.seq == seq;
      @ also public exceptional_behavior
      @   requires !(0 <= addr && addr <= 4294967295L && 1 <= seq && seq <= 4294967295L);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.VALUE_OUT_OF_RANGE;
      @*/
    public DeltaMessage(long addr, long delta, long seq) {
        if (addr < 0 || addr > U32_MAX || seq < 1 || seq > U32_MAX) {
            throw new AtomikError(ErrorCode.VALUE_OUT_OF_RANGE);
        }
        this.addr = addr;
        this.delta = delta;
        this.seq = seq;
    }

    /** Clauses: WIRE-LEN-1, WIRE-FIELDS-1. Big-endian: most significant byte first. */
    /*@ public normal_behavior
      @   ensures \result != null && \result.length == 16 && \fresh(\result);
      @   ensures (\forall int i; 0 <= i && i < 4; \result[i] == (byte) (addr >> (int) (24 - 8 * i)));
      @   ensures (\forall int i; 0 <= i && i < 8; \result[4 + i] == (byte) (delta >> (int) (56 - 8 * i)));
      @   ensures (\forall int i; 0 <= i && i < 4; \result[12 + i] == (byte) (seq >> (int) (24 - 8 * i)));
      @   assignable \nothing;
      @*/
    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        putBigEndian(out, 0, addr, 4);
        putBigEndian(out, 4, delta, 8);
        putBigEndian(out, 12, seq, 4);
        return out;
    }

    /** Writes the low {@code count} bytes of {@code value} at {@code offset}, most significant first. */
    /*@ public normal_behavior
      @   requires out != null && 0 <= offset && 1 <= count && count <= 8 && offset + count <= out.length;
      @   ensures (\forall int i; 0 <= i && i < count;
      @              out[offset + i] == (byte) (value >> (int) (8 * (count - 1 - i))));
      @   assignable out[offset .. offset + count - 1];
      @*/
    public static void putBigEndian(byte[] out, int offset, long value, int count) {
        /*@ loop_invariant 0 <= i && i <= count;
          @ loop_invariant (\forall int j; 0 <= j && j < i;
          @                   out[offset + j] == (byte) (value >> (int) (8 * (count - 1 - j))));
          @ assignable out[offset .. offset + count - 1];
          @ decreases count - i;
          @*/
        for (int i = 0; i < count; i++) {
            out[offset + i] = (byte) (value >> (8 * (count - 1 - i)));
        }
    }

    /** Reads {@code count} bytes at {@code offset} as an unsigned big-endian number. */
    /*@ public normal_behavior
      @   requires in != null && 0 <= offset && 1 <= count && count <= 8 && offset + count <= in.length;
      @   assignable \nothing;
      @*/
    public static /*@ pure @*/ long getBigEndian(byte[] in, int offset, int count) {
        long value = 0L;
        /*@ loop_invariant 0 <= i && i <= count;
          @ assignable \nothing;
          @ decreases count - i;
          @*/
        for (int i = 0; i < count; i++) {
            value = (value << 8) | (in[offset + i] & 0xFFL);
        }
        return value;
    }

    /** Clauses: WIRE-LEN-2, WIRE-RANGE-1, WIRE-FIELDS-1. */
    /*@ public normal_behavior
      @   requires bytes != null && bytes.length == 16;
      @   requires (bytes[12] | bytes[13] | bytes[14] | bytes[15]) != 0;
      @   ensures \result != null;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires bytes == null || bytes.length != 16;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_LENGTH;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires bytes != null && bytes.length == 16;
      @   requires bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && bytes[15] == 0;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.VALUE_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public static DeltaMessage decode(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new AtomikError(ErrorCode.BAD_LENGTH);
        }
        long addr = getBigEndian(bytes, 0, 4);
        long delta = getBigEndian(bytes, 4, 8);
        long seq = getBigEndian(bytes, 12, 4);
        return new DeltaMessage(addr, delta, seq);
    }

    public boolean equals(Object other) {
        if (!(other instanceof DeltaMessage)) {
            return false;
        }
        DeltaMessage m = (DeltaMessage) other;
        return m.addr == addr && m.delta == delta && m.seq == seq;
    }

    public int hashCode() {
        return (int) (addr * 31 + delta * 17 + seq);
    }

    public String toString() {
        return "DeltaMessage{addr=0x" + hex(addr) + ", delta=0x" + hex(delta) + ", seq=0x" + hex(seq) + "}";
    }

    /**
     * Lower-case hex digits without leading zeros, exactly as {@code Long.toHexString}. Written out
     * because KeY's model of the JDK has no {@code Long.toHexString}, and an unresolved call stops
     * KeY from loading the model at all.
     */
    static String hex(long value) {
        char[] digits = new char[16];
        int start = 16;
        long rest = value;
        do {
            start = start - 1;
            digits[start] = "0123456789abcdef".charAt((int) (rest & 15L));
            rest = rest >>> 4;
        } while (rest != 0L);
        return new String(digits, start, 16 - start);
    }
}
