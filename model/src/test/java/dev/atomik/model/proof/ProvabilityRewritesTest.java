package dev.atomik.model.proof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atomik.model.DeltaMessage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Method bodies rewritten so that KeY can load or prove them must behave exactly as the obvious
 * code did: toString's hex digits (KeY's JDK model has no Long.toHexString), decode's arithmetic
 * u32 reads (KeY reasons about + and *, not |) and encode's unrolled bytes.
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
}
