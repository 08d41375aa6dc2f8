package dev.atomik.conformance.golden.families;

import static dev.atomik.conformance.golden.TraceBuilder.seeded;
import static dev.atomik.conformance.golden.TraceBuilder.trace;

import dev.atomik.conformance.golden.Hex;
import dev.atomik.conformance.golden.TraceBuilder;
import dev.atomik.conformance.golden.TraceDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** spec/wire.md: the 16-byte DeltaMessage. Wire traces create nothing (kind wire). */
public final class WireTraces {
    private static final String F = "wire-basics";
    private static final long U32_MAX = 0xFFFF_FFFFL;

    private WireTraces() {
    }

    public static List<TraceDef> all() {
        List<TraceDef> out = new ArrayList<>();
        out.add(trace(F, "wire/encode-field-order",
                "Fields are addr (bytes 0-3), delta (4-11), seq (12-15), each big-endian.", "WIRE-FIELDS-1",
                "WIRE-LEN-1")
                .encode(0x01020304L, 0x05060708090a0b0cL, 0x0d0e0f10L).cover("distinct-bytes")
                .encode(0x1, 0x1, 0x1).encode(0x80000000L, 0x8000000000000000L, 0x80000000L).cover("top-bits")
                .build());
        out.add(trace(F, "wire/decode-field-order", "Decoding reads addr, delta, seq big-endian.", "WIRE-FIELDS-1")
                .decode("0102030405060708090a0b0c0d0e0f10").decode("80000000000000000000000100000001").build());
        out.add(trace(F, "wire/encode-is-16-bytes", "Every message encodes to exactly 16 bytes.", "WIRE-LEN-1")
                .encode(0, 0, 1).encode(U32_MAX, -1L, U32_MAX).encode(0x7, 0x5, 0x1).build());
        out.add(trace(F, "wire/round-trip-extremes",
                "The all-ones message and the smallest one round-trip through encode and decode.",
                "WIRE-ROUND-1", "WIRE-LEN-1")
                .encode(U32_MAX, -1L, U32_MAX).decode("ffffffffffffffffffffffffffffffff").cover("all-ones")
                .decode("00000000000000000000000000000001").cover("minimal").encode(0, 0, 1).build());
        for (int length : new int[] {0, 15, 17, 32}) {
            String bytes = "ab".repeat(length);
            if (length == 15 || length == 17) {
                // A well-formed frame with one byte cut or one added: only the length is wrong.
                bytes = length == 15 ? "000000000000000014530451000000" : "0000000000000000145304510000000100";
            }
            out.add(trace(F, "wire/decode-" + length + "-bytes-bad-length",
                    "Decoding " + length + " bytes fails with BAD_LENGTH.", "WIRE-LEN-2", "ERR-CODES-1")
                    .decode(bytes).fails().cover("length-" + length).build());
        }
        out.add(trace(F, "wire/encode-addr-2pow32", "Encoding addr 2^32 fails with VALUE_OUT_OF_RANGE.",
                "WIRE-RANGE-1", "ERR-CODES-1").encode(0x1_0000_0000L, 0x1, 0x1).fails().encode(U32_MAX, 0x1, 0x1)
                .build());
        out.add(trace(F, "wire/encode-addr-all-ones", "Encoding addr 0xffffffffffffffff fails with VALUE_OUT_OF_RANGE.",
                "WIRE-RANGE-1").encode(-1L, 0x1, 0x1).fails().build());
        out.add(trace(F, "wire/encode-seq-2pow32", "Encoding seq 2^32 fails with VALUE_OUT_OF_RANGE.",
                "WIRE-RANGE-1").encode(0, 0x1, 0x1_0000_0000L).fails().encode(0, 0x1, -1L).fails().build());
        out.add(trace(F, "wire/encode-seq-0", "Encoding seq 0 fails with VALUE_OUT_OF_RANGE.", "WIRE-RANGE-1")
                .encode(0, 0x1, 0).fails().build());
        out.add(trace(F, "wire/decode-seq-0", "Decoding 16 bytes whose seq is 0 fails with VALUE_OUT_OF_RANGE.",
                "WIRE-RANGE-1", "ERR-CODES-1")
                .decode("00000000000000000000000000000000").fails().cover("sixteen-zero-bytes")
                .decode("ffffffffffffffffffffffff00000000").fails().build());
        out.add(trace(F, "wire/delta-is-full-64-bits", "The delta field carries all 64 bits, whatever the width.",
                "WIRE-FIELDS-1", "WIRE-ROUND-1")
                .encode(0x2, 0xfedcba9876543210L, 0x3).decode("00000002fedcba987654321000000003").build());
        for (long seed : new long[] {0x5eed0001L, 0x5eed0002L}) {
            out.add(randomRoundTrip(seed));
        }
        return out;
    }

    /** Random messages encoded then decoded, and random valid frames decoded then encoded. */
    private static TraceDef randomRoundTrip(long seed) {
        Random random = new Random(seed);
        TraceBuilder t = seeded("wire-round-trip", seed, "wire/round-trip-random-" + Long.toHexString(seed),
                "Random messages survive encode then decode, and random frames survive decode then encode.",
                "WIRE-ROUND-1", "WIRE-FIELDS-1");
        for (int i = 0; i < 12; i++) {
            long addr = random.nextLong() & U32_MAX;
            long delta = random.nextLong();
            long seq = 1 + (random.nextLong() & 0x7FFF_FFFFL);
            byte[] frame = new byte[16];
            random.nextBytes(frame);
            frame[15] |= 1; // seq is never 0 in a frame that decodes
            String bytes = Hex.bytes(frame);
            t.encode(addr, delta, seq).decode(frame(addr, delta, seq))
                    .decode(bytes).encode(Long.parseUnsignedLong(bytes.substring(0, 8), 16),
                            Long.parseUnsignedLong(bytes.substring(8, 24), 16),
                            Long.parseUnsignedLong(bytes.substring(24), 16));
        }
        return t.build();
    }

    /** The big-endian frame of a message, computed here only as an operand (the model gives the expectation). */
    private static String frame(long addr, long delta, long seq) {
        return String.format("%08x%016x%08x", addr, delta, seq);
    }
}
