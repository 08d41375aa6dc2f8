package dev.atomik.lean.twins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atomik.model.DeltaMessage;
import dev.atomik.model.ErrorCode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Twins of WireRoundTrip: DeltaMessage encode / decode. */
class WireTwins {
    private static final long U32 = 4294967295L;

    /** WIRE-LEN-1, WIRE-FIELDS-1: 16 bytes; addr in 0–3, delta in 4–11, seq in 12–15, most significant byte first. */
    @Property
    void encodingIsSixteenBigEndianBytes(@ForAll @LongRange(min = 0, max = U32) long addr, @ForAll long delta,
                                         @ForAll @LongRange(min = 1, max = U32) long seq) {
        byte[] b = new DeltaMessage(addr, delta, seq).encode();
        assertEquals(16, b.length);
        for (int i = 0; i < 4; i++) {
            assertEquals((byte) (addr >>> (24 - 8 * i)), b[i]);
            assertEquals((byte) (seq >>> (24 - 8 * i)), b[12 + i]);
        }
        for (int i = 0; i < 8; i++) {
            assertEquals((byte) (delta >>> (56 - 8 * i)), b[4 + i]);
        }
    }

    /** WIRE-ROUND-1: decode(encode(m)) = m for every valid message. */
    @Property
    void decodeEncodeIsIdentity(@ForAll @LongRange(min = 0, max = U32) long addr, @ForAll long delta,
                                @ForAll @LongRange(min = 1, max = U32) long seq) {
        DeltaMessage m = new DeltaMessage(addr, delta, seq);
        assertEquals(m, DeltaMessage.decode(m.encode()));
    }

    /** WIRE-ROUND-1: encode(decode(b)) = b for every 16 bytes that decode. */
    @Property
    void encodeDecodeIsIdentity(@ForAll @Size(16) byte[] b) {
        if (b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] == 0) {
            b[15] = 1;
        }
        assertArrayEquals(b, DeltaMessage.decode(b).encode());
    }

    /** WIRE-LEN-2: inputs that are not 16 bytes fail with BAD_LENGTH. */
    @Property
    void wrongLengthFails(@ForAll @Size(max = 40) byte[] b) {
        int code = Gen.errorCode(() -> DeltaMessage.decode(b));
        assertEquals(b.length == 16 ? code : ErrorCode.BAD_LENGTH, code);
    }

    /** WIRE-RANGE-1: a message whose seq bytes are all 0 fails with VALUE_OUT_OF_RANGE. */
    @Property
    void zeroSeqFails(@ForAll @LongRange(min = 0, max = U32) long addr, @ForAll long delta) {
        byte[] b = new DeltaMessage(addr, delta, 1).encode();
        b[15] = 0;
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, Gen.errorCode(() -> DeltaMessage.decode(b)));
    }
}
