package dev.atomik.model.proof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.atomik.model.AtomikError;
import dev.atomik.model.CacheNode;
import dev.atomik.model.DeltaMessage;
import dev.atomik.model.DeltaStream;
import dev.atomik.model.ErrorCode;
import dev.atomik.model.Table;
import org.junit.jupiter.api.function.Executable;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Method bodies rewritten so that KeY can load or prove them must behave exactly as the obvious
 * code did: toString's hex digits (KeY's JDK model has no Long.toHexString), decode's arithmetic
 * u32 reads (KeY reasons about + and *, not |), encode's unrolled bytes, and the constructors
 * (placeholder fields before the checks, the width check written inline instead of Width.check,
 * DeltaStream(width) written out instead of chaining to DeltaStream(width, 1024, 4096)).
 * Clauses: VAL-WIDTH-1, STR-CAP-1, ERR-ORDER-1, WIRE-FIELDS-1.
 */
class ProvabilityRewritesTest {

    @Property
    void toStringSpellsFieldsAsLongToHexString(@ForAll @LongRange(min = 0, max = 4294967295L) long addr,
            @ForAll long delta, @ForAll @LongRange(min = 1, max = 4294967295L) long seq) {
        String expected = "DeltaMessage{addr=0x" + Long.toHexString(addr) + ", delta=0x" + Long.toHexString(delta)
                + ", seq=0x" + Long.toHexString(seq) + "}";
        assertEquals(expected, new DeltaMessage(addr, delta, seq).toString());
    }

    @Property
    void decodeReadsFieldsAsTheBigEndianLoop(@ForAll @Size(16) byte[] bytes) {
        if (bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && bytes[15] == 0) {
            bytes[15] = 1;
        }
        DeltaMessage m = DeltaMessage.decode(bytes);
        assertEquals(DeltaMessage.getBigEndian(bytes, 0, 4), m.addr);
        assertEquals(DeltaMessage.getBigEndian(bytes, 4, 8), m.delta);
        assertEquals(DeltaMessage.getBigEndian(bytes, 12, 4), m.seq);
    }

    /**
     * decode's contract says "the seq field is 0" as the field's arithmetic value; the spec says
     * "bytes 12..15 are all zero". Every byte value at every one of the four positions, with the
     * other three bytes taken from their extremes and neighbours of zero: the two agree.
     */
    @org.junit.jupiter.api.Test
    void seqFieldIsZeroExactlyWhenItsFourBytesAre() {
        byte[] others = {0, 1, -1, 127, -128};
        long checked = 0;
        for (int position = 0; position < 4; position++) {
            for (int v = -128; v <= 127; v++) {
                for (byte a : others) {
                    for (byte b : others) {
                        for (byte c : others) {
                            byte[] field = {a, b, c};
                            byte[] bytes = new byte[4];
                            for (int i = 0, k = 0; i < 4; i++) {
                                bytes[i] = i == position ? (byte) v : field[k++];
                            }
                            long value = seqFieldAsContract(bytes);
                            boolean allZero = bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 0;
                            assertEquals(allZero, value == 0, java.util.Arrays.toString(bytes));
                            assertEquals(DeltaMessage.getBigEndian(bytes, 0, 4), value, java.util.Arrays.toString(bytes));
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(4L * 256 * 125, checked);
    }

    /** The seq expression of decode's contract, written as the contract writes it. */
    private static long seqFieldAsContract(byte[] b) {
        return (b[0] < 0 ? b[0] + 256L : (long) b[0]) * 16777216L + (b[1] < 0 ? b[1] + 256L : (long) b[1]) * 65536L
                + (b[2] < 0 ? b[2] + 256L : (long) b[2]) * 256L + (b[3] < 0 ? b[3] + 256L : (long) b[3]);
    }

    @Property
    void encodeWritesFieldsAsTheBigEndianLoop(@ForAll @LongRange(min = 0, max = 4294967295L) long addr,
            @ForAll long delta, @ForAll @LongRange(min = 1, max = 4294967295L) long seq) {
        byte[] expected = new byte[16];
        DeltaMessage.putBigEndian(expected, 0, addr, 4);
        DeltaMessage.putBigEndian(expected, 4, delta, 8);
        DeltaMessage.putBigEndian(expected, 12, seq, 4);
        assertArrayEquals(expected, new DeltaMessage(addr, delta, seq).encode());
    }

    @Property
    void hexOfExtremes(@ForAll long any) {
        for (long v : new long[] {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 15L, 16L, any}) {
            assertEquals("DeltaMessage{addr=0x0, delta=0x" + Long.toHexString(v) + ", seq=0x1}", new DeltaMessage(0, v, 1).toString());
        }
    }

    @Property
    void oneArgumentStreamIsTheDefaultCapacityStream(@ForAll @IntRange(min = -3, max = 70) int width) {
        if (width < 1 || width > 64) {
            assertCode(ErrorCode.BAD_WIDTH, () -> new DeltaStream(width));
            return;
        }
        DeltaStream one = new DeltaStream(width);
        DeltaStream three = new DeltaStream(width, DeltaStream.DEFAULT_ADDRESSES, DeltaStream.DEFAULT_QUEUE);
        assertEquals(three.width(), one.width());
        assertEquals(three.addressCapacity(), one.addressCapacity());
        assertEquals(three.queueCapacity(), one.queueCapacity());
        assertEquals(0, one.pending());
        assertEquals(0L, one.epoch());
        assertEquals(0L, one.lastSeq());
    }

    /** CacheNode(id, width) is written out (its own contract) rather than chained to CacheNode(id, width, 1024). */
    @Property
    void twoArgumentNodeIsTheDefaultCapacityNode(@ForAll @IntRange(min = -3, max = 70) int width,
            @ForAll @IntRange(min = -2, max = 3) int id) throws Throwable {
        int code = width < 1 || width > 64 ? ErrorCode.BAD_WIDTH : id < 0 ? ErrorCode.BAD_SIZE : 0;
        expect(code, () -> {
            CacheNode two = new CacheNode(id, width);
            CacheNode three = new CacheNode(id, width, CacheNode.DEFAULT_KEYS);
            assertEquals(three.id(), two.id());
            assertEquals(three.width(), two.width());
            assertEquals(three.capacity(), two.capacity());
            assertEquals(0, two.size());
            assertEquals(0L, two.lastSeq());
            two.load(7, -1L);
            three.load(7, -1L);
            assertEquals(three.get(7), two.get(7));
        });
    }

    /** The message of an AtomikError is its code's name (passed to Throwable, no getMessage override). */
    @Property
    void anErrorsMessageIsItsCodesName(@ForAll @IntRange(min = 0, max = 8) int code) {
        assertEquals(ErrorCode.name(code), new AtomikError(code).getMessage());
    }

    /** ERR-ORDER-1: a bad width is reported before a bad size, by every constructor. */
    @Property
    void constructorsCheckWidthBeforeSize(@ForAll @IntRange(min = -3, max = 70) int width,
            @ForAll @IntRange(min = -2, max = 3) int size, @ForAll @IntRange(min = -2, max = 3) int id) throws Throwable {
        boolean badWidth = width < 1 || width > 64;
        int tableCode = badWidth ? ErrorCode.BAD_WIDTH : size < 1 ? ErrorCode.BAD_SIZE : 0;
        int streamCode = badWidth ? ErrorCode.BAD_WIDTH : size < 1 || id < 1 ? ErrorCode.BAD_SIZE : 0;
        int nodeCode = badWidth ? ErrorCode.BAD_WIDTH : id < 0 || size < 1 ? ErrorCode.BAD_SIZE : 0;
        expect(tableCode, () -> assertEquals(size, new Table(width, size).size()));
        expect(streamCode, () -> assertEquals(size, new DeltaStream(width, size, id).addressCapacity()));
        expect(nodeCode, () -> assertEquals(size, new CacheNode(id, width, size).capacity()));
    }

    private static void expect(int code, Executable construct) throws Throwable {
        if (code == 0) {
            construct.execute();
        } else {
            assertCode(code, construct);
        }
    }

    private static void assertCode(int code, Executable construct) {
        assertEquals(ErrorCode.name(code), ErrorCode.name(assertThrows(AtomikError.class, construct).code));
    }
}
