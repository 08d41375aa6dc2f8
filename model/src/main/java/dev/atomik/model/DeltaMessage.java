package dev.atomik.model;

/**
 * A delta travelling between replicas: (addr u32, delta u64, seq u32), encoded as exactly 16
 * big-endian bytes (spec/wire.md). u32 fields are held in a long so that every u32 value is
 * representable without sign tricks.
 */
public final /*@ spec_java_math @*/ class DeltaMessage {
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
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires !(0 <= addr && addr <= 4294967295L && 1 <= seq && seq <= 4294967295L);
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.VALUE_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public DeltaMessage(long addr, long delta, long seq) {
        // KeY requires the class invariant even when a constructor throws, so the fields get legal
        // placeholder values before the check; the half-built object is never reachable.
        boolean valid = addr >= 0 && addr <= U32_MAX && seq >= 1 && seq <= U32_MAX;
        this.addr = valid ? addr : 0L;
        this.delta = delta;
        this.seq = valid ? seq : 1L;
        if (!valid) {
            throw new AtomikError(ErrorCode.VALUE_OUT_OF_RANGE);
        }
    }

    /**
     * Clauses: WIRE-LEN-1, WIRE-FIELDS-1. Big-endian: most significant byte first. The layout is
     * written out byte by byte (no loop, no quantifier) so that KeY closes it quickly.
     */
    /*@ public normal_behavior
      @   ensures \result != null && \result.length == 16 && \fresh(\result);
      @   ensures \result[0] == (byte) (addr >> 24) && \result[1] == (byte) (addr >> 16)
      @        && \result[2] == (byte) (addr >> 8) && \result[3] == (byte) addr;
      @   ensures \result[4] == (byte) (delta >> 56) && \result[5] == (byte) (delta >> 48)
      @        && \result[6] == (byte) (delta >> 40) && \result[7] == (byte) (delta >> 32)
      @        && \result[8] == (byte) (delta >> 24) && \result[9] == (byte) (delta >> 16)
      @        && \result[10] == (byte) (delta >> 8) && \result[11] == (byte) delta;
      @   ensures \result[12] == (byte) (seq >> 24) && \result[13] == (byte) (seq >> 16)
      @        && \result[14] == (byte) (seq >> 8) && \result[15] == (byte) seq;
      @   assignable \nothing;
      @*/
    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        out[0] = (byte) (addr >> 24);
        out[1] = (byte) (addr >> 16);
        out[2] = (byte) (addr >> 8);
        out[3] = (byte) addr;
        out[4] = (byte) (delta >> 56);
        out[5] = (byte) (delta >> 48);
        out[6] = (byte) (delta >> 40);
        out[7] = (byte) (delta >> 32);
        out[8] = (byte) (delta >> 24);
        out[9] = (byte) (delta >> 16);
        out[10] = (byte) (delta >> 8);
        out[11] = (byte) delta;
        out[12] = (byte) (seq >> 24);
        out[13] = (byte) (seq >> 16);
        out[14] = (byte) (seq >> 8);
        out[15] = (byte) seq;
        return out;
    }

    /**
     * Writes the low {@code count} bytes of {@code value} at {@code offset}, most significant first.
     * KeY proves only that it stays inside its range (the byte values are not in the contract:
     * see spec/trust-ledger.md); encode writes its bytes one by one, and that layout is proved.
     */
    /*@ public normal_behavior
      @   requires out != null && 0 <= offset && 1 <= count && count <= 8 && offset <= out.length - count;
      @   assignable out[offset .. offset + count - 1];
      @*/
    public static void putBigEndian(byte[] out, int offset, long value, int count) {
        /*@ loop_invariant 0 <= i && i <= count;
          @ loop_writes out[offset .. offset + count - 1];
          @ decreases count - i;
          @*/
        for (int i = 0; i < count; i++) {
            out[offset + i] = (byte) (value >> (8 * (count - 1 - i)));
        }
    }

    /**
     * Reads {@code count} bytes at {@code offset} as an unsigned big-endian number. KeY proves only
     * that it reads inside the array (see spec/trust-ledger.md).
     */
    /*@ public normal_behavior
      @   requires in != null && 0 <= offset && 1 <= count && count <= 8 && offset <= in.length - count;
      @   assignable \nothing;
      @*/
    public static /*@ pure @*/ long getBigEndian(byte[] in, int offset, int count) {
        long value = 0L;
        /*@ loop_invariant 0 <= i && i <= count;
          @ loop_writes \nothing;
          @ decreases count - i;
          @*/
        for (int i = 0; i < count; i++) {
            value = (value << 8) | (in[offset + i] & 0xFFL);
        }
        return value;
    }

    /**
     * Clauses: WIRE-FIELDS-1, WIRE-RANGE-1. Four bytes at {@code offset} as an unsigned big-endian
     * number, by arithmetic rather than shifts and ORs: KeY reasons about + and * by constants,
     * not about | (the result equals getBigEndian(in, offset, 4); a unit test checks that).
     */
    /*@ private normal_behavior
      @   requires in != null && 0 <= offset && offset <= in.length - 4;
      @   ensures \result == (in[offset] < 0 ? in[offset] + 256L : (long) in[offset]) * 16777216L
      @                    + (in[offset + 1] < 0 ? in[offset + 1] + 256L : (long) in[offset + 1]) * 65536L
      @                    + (in[offset + 2] < 0 ? in[offset + 2] + 256L : (long) in[offset + 2]) * 256L
      @                    + (in[offset + 3] < 0 ? in[offset + 3] + 256L : (long) in[offset + 3]);
      @   ensures 0 <= \result && \result <= 4294967295L;
      @   assignable \nothing;
      @*/
    private static /*@ pure @*/ long getU32(byte[] in, int offset) {
        return unsigned(byteAt(in, offset)) * 16777216L + unsigned(byteAt(in, offset + 1)) * 65536L
                + unsigned(byteAt(in, offset + 2)) * 256L + unsigned(byteAt(in, offset + 3));
    }

    /**
     * Clauses: WIRE-FIELDS-1. {@code in[i]}, as a call result: KeY 2.12.3 has no axiom that an array element of type byte
     * holds a byte, which passing {@code in[i]} to a byte parameter needs; a call's result is a
     * byte by its type.
     */
    /*@ private normal_behavior
      @   requires in != null && 0 <= i && i < in.length;
      @   ensures \result == in[i];
      @   assignable \nothing;
      @*/
    private static /*@ pure @*/ byte byteAt(byte[] in, int i) {
        return in[i];
    }

    /** Clauses: WIRE-FIELDS-1. A byte read as unsigned, 0 … 255. */
    /*@ private normal_behavior
      @   ensures \result == (b < 0 ? b + 256L : (long) b);
      @   ensures 0 <= \result && \result <= 255;
      @   assignable \nothing;
      @*/
    private static /*@ pure @*/ long unsigned(byte b) {
        return b < 0 ? b + 256L : (long) b;
    }

    /**
     * Clauses: WIRE-LEN-2, WIRE-RANGE-1, WIRE-FIELDS-1, ERR-ORDER-1. Length is checked before the
     * value range (ERR-ORDER-1). The contract pins addr and seq; delta's bytes are not in it (see
     * spec/trust-ledger.md). The seq field out of range is stated as the field's value, 0, rather
     * than as "bytes 12..15 are all zero": the two are equivalent (the four terms are non-negative
     * and weighted by powers of 256), a unit test checks it exhaustively per byte, and KeY proves
     * the arithmetic form without a case split over the bytes' signs.
     */
    /*@ public normal_behavior
      @   requires bytes != null && bytes.length == 16;
      @   requires (bytes[12] < 0 ? bytes[12] + 256L : (long) bytes[12]) * 16777216L
      @                 + (bytes[13] < 0 ? bytes[13] + 256L : (long) bytes[13]) * 65536L
      @                 + (bytes[14] < 0 ? bytes[14] + 256L : (long) bytes[14]) * 256L
      @                 + (bytes[15] < 0 ? bytes[15] + 256L : (long) bytes[15]) != 0;
      @   ensures \result != null && \fresh(\result);
      @   ensures \result.addr == (bytes[0] < 0 ? bytes[0] + 256L : (long) bytes[0]) * 16777216L
      @                       + (bytes[1] < 0 ? bytes[1] + 256L : (long) bytes[1]) * 65536L
      @                       + (bytes[2] < 0 ? bytes[2] + 256L : (long) bytes[2]) * 256L
      @                       + (bytes[3] < 0 ? bytes[3] + 256L : (long) bytes[3]);
      @   ensures \result.seq == (bytes[12] < 0 ? bytes[12] + 256L : (long) bytes[12]) * 16777216L
      @                      + (bytes[13] < 0 ? bytes[13] + 256L : (long) bytes[13]) * 65536L
      @                      + (bytes[14] < 0 ? bytes[14] + 256L : (long) bytes[14]) * 256L
      @                      + (bytes[15] < 0 ? bytes[15] + 256L : (long) bytes[15]);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires bytes == null || bytes.length != 16;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.BAD_LENGTH;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires bytes != null && bytes.length == 16;
      @   requires (bytes[12] < 0 ? bytes[12] + 256L : (long) bytes[12]) * 16777216L
      @                 + (bytes[13] < 0 ? bytes[13] + 256L : (long) bytes[13]) * 65536L
      @                 + (bytes[14] < 0 ? bytes[14] + 256L : (long) bytes[14]) * 256L
      @                 + (bytes[15] < 0 ? bytes[15] + 256L : (long) bytes[15]) == 0;
      @   signals_only AtomikError;
      @   signals (AtomikError e) e.code == ErrorCode.VALUE_OUT_OF_RANGE;
      @   assignable \nothing;
      @*/
    public static DeltaMessage decode(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new AtomikError(ErrorCode.BAD_LENGTH);
        }
        long addr = getU32(bytes, 0);
        long delta = getBigEndian(bytes, 4, 8);
        long seq = getU32(bytes, 12);
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
