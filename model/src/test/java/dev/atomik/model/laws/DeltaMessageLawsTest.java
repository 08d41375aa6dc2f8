package dev.atomik.model.laws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atomik.model.DeltaMessage;
import dev.atomik.model.ErrorCode;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Property tests of the 16-byte {@link DeltaMessage} wire format (spec/wire.md): round trips both
 * ways, the big-endian layout byte by byte, and the length and range errors.
 */
class DeltaMessageLawsTest {

    private static final long U32_MAX = 0xffffffffL;

    @Provide
    Arbitrary<DeltaMessage> messages() {
        return net.jqwik.api.Combinators.combine(Arbitraries.longs().between(0, U32_MAX), Arbitraries.longs(),
                Arbitraries.longs().between(1, U32_MAX)).as(DeltaMessage::new);
    }

    /** 16 bytes whose seq field (bytes 12..15) is not all zero, i.e. every frame that decodes. */
    @Provide
    Arbitrary<byte[]> validFrames() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16)
                .filter(b -> (b[12] | b[13] | b[14] | b[15]) != 0);
    }

    @Provide
    Arbitrary<Long> outsideU32() {
        return Arbitraries.oneOf(Arbitraries.longs().lessOrEqual(-1L), Arbitraries.longs().greaterOrEqual(U32_MAX + 1),
                Arbitraries.of(-1L, U32_MAX + 1, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    /**
     * The expected frame, computed without shifts on longs: each field is written as an unsigned
     * BigInteger in base 256, most significant digit first, padded to its width.
     */
    private static byte[] expectedFrame(long addr, long delta, long seq) {
        byte[] out = new byte[16];
        writeDigits(out, 0, 4, BigInteger.valueOf(addr));
        writeDigits(out, 4, 8, new BigInteger(Long.toUnsignedString(delta)));
        writeDigits(out, 12, 4, BigInteger.valueOf(seq));
        return out;
    }

    private static void writeDigits(byte[] out, int offset, int count, BigInteger value) {
        BigInteger base = BigInteger.valueOf(256);
        for (int i = count - 1; i >= 0; i--) {
            BigInteger[] qr = value.divideAndRemainder(base);
            out[offset + i] = (byte) qr[1].intValue();
            value = qr[0];
        }
        if (value.signum() != 0) {
            throw new IllegalArgumentException("field does not fit in " + count + " bytes");
        }
    }

    /**
     * WIRE-ROUND-1: decode(encode(m)) equals m (all three fields) for every valid message.
     * A failure means some message does not survive the wire.
     */
    @Property
    void required_WIRE_ROUND_1_decode_of_encode_is_identity(@ForAll("messages") DeltaMessage m) {
        DeltaMessage back = DeltaMessage.decode(m.encode());
        assertEquals(m, back);
        assertEquals(m.addr, back.addr);
        assertEquals(m.delta, back.delta);
        assertEquals(m.seq, back.seq);
    }

    /**
     * WIRE-ROUND-1: encode(decode(b)) equals b byte for byte for every 16-byte frame with a non-zero
     * seq. A failure means two frames decode to the same message (the encoding is not a bijection).
     */
    @Property
    void required_WIRE_ROUND_1_encode_of_decode_is_identity_for_valid_frames(@ForAll("validFrames") byte[] frame) {
        byte[] copy = frame.clone();
        assertArrayEquals(frame, DeltaMessage.decode(frame).encode());
        assertArrayEquals(copy, frame, "decode modified its input");
    }

    /**
     * WIRE-LEN-1: every valid message encodes to exactly 16 bytes. A failure means framing breaks.
     */
    @Property
    void required_WIRE_LEN_1_every_message_encodes_to_16_bytes(@ForAll("messages") DeltaMessage m) {
        assertEquals(16, m.encode().length);
        assertEquals(16, DeltaMessage.LENGTH);
    }

    /**
     * WIRE-FIELDS-1: bytes 0–3 are addr, 4–11 delta, 12–15 seq, each most significant byte first,
     * compared byte by byte with an independent base-256 computation. A failure names the first
     * differing byte: a wrong byte order or field offset.
     */
    @Property
    void required_WIRE_FIELDS_1_layout_is_big_endian_byte_by_byte(@ForAll("messages") DeltaMessage m) {
        byte[] expected = expectedFrame(m.addr, m.delta, m.seq);
        byte[] actual = m.encode();
        for (int i = 0; i < 16; i++) {
            assertEquals(expected[i], actual[i], "byte " + i + " of " + m);
        }
    }

    /**
     * WIRE-LEN-2: decoding any input of length 0..64 other than 16 (random content) fails with
     * BAD_LENGTH, and so does null. A failure means a truncated or padded frame was half-read.
     */
    @Property(tries = 100) // each try already checks all 64 bad lengths
    void required_WIRE_LEN_2_every_length_other_than_16_fails_with_bad_length(
            @ForAll @Size(max = 64) byte[] content) {
        for (int length = 0; length <= 64; length++) {
            if (length == 16) {
                continue;
            }
            byte[] input = java.util.Arrays.copyOf(content, length);
            int code = Oracle.errorCodeOf(() -> DeltaMessage.decode(input));
            assertEquals(ErrorCode.BAD_LENGTH, code, "length " + length + ": " + Oracle.codeMismatch(ErrorCode.BAD_LENGTH, code));
        }
        assertEquals(ErrorCode.BAD_LENGTH, Oracle.errorCodeOf(() -> DeltaMessage.decode(null)));
    }

    /**
     * WIRE-RANGE-1: a message with seq 0 cannot be created, and a 16-byte frame whose seq bytes are
     * all zero (any addr and delta) fails to decode, both with VALUE_OUT_OF_RANGE. A failure means a
     * corrupt frame (seq 0 is never issued, STR-SEQ-1) was accepted.
     */
    @Property
    void required_WIRE_RANGE_1_seq_zero_fails_with_value_out_of_range(
            @ForAll @LongRange(min = 0, max = U32_MAX) long addr, @ForAll long delta,
            @ForAll @Size(value = 12) byte[] head) {
        int created = Oracle.errorCodeOf(() -> new DeltaMessage(addr, delta, 0L));
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, created, Oracle.codeMismatch(ErrorCode.VALUE_OUT_OF_RANGE, created));
        byte[] frame = java.util.Arrays.copyOf(head, 16);
        int decoded = Oracle.errorCodeOf(() -> DeltaMessage.decode(frame));
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, decoded, Oracle.codeMismatch(ErrorCode.VALUE_OUT_OF_RANGE, decoded));
    }

    /**
     * WIRE-RANGE-1 (and ERR-ORDER-1): a message whose addr or seq is outside 0..2^32−1 (seq also ≥ 1)
     * fails with VALUE_OUT_OF_RANGE, one code whichever field or both are bad. A failure means a
     * field would be truncated on the wire.
     */
    @Property
    void required_WIRE_RANGE_1_out_of_range_addr_or_seq_fails_with_value_out_of_range(
            @ForAll("outsideU32") long bad, @ForAll @LongRange(min = 0, max = U32_MAX) long goodAddr,
            @ForAll @LongRange(min = 1, max = U32_MAX) long goodSeq, @ForAll long delta, @ForAll boolean badAddr,
            @ForAll boolean badSeq) {
        Assume.that(badAddr || badSeq);
        long addr = badAddr ? bad : goodAddr;
        long seq = badSeq ? bad : goodSeq;
        int code = Oracle.errorCodeOf(() -> new DeltaMessage(addr, delta, seq));
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, code, Oracle.codeMismatch(ErrorCode.VALUE_OUT_OF_RANGE, code));
    }
}
