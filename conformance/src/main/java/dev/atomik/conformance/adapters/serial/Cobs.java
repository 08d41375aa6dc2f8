package dev.atomik.conformance.adapters.serial;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Consistent Overhead Byte Stuffing (spec/serial-protocol.md, "Framing"): the encoded packet has
 * no zero byte, so {@code 0x00} only ever ends a frame and a receiver resynchronises at the next one.
 */
final class Cobs {
    private Cobs() {
    }

    static byte[] encode(byte[] packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(packet.length + packet.length / 254 + 2);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (byte b : packet) {
            if (b == 0) {
                flush(out, block);
            } else {
                block.write(b);
                if (block.size() == 254) {
                    out.write(255);
                    out.writeBytes(block.toByteArray());
                    block.reset();
                }
            }
        }
        flush(out, block);
        return out.toByteArray();
    }

    private static void flush(ByteArrayOutputStream out, ByteArrayOutputStream block) {
        out.write(block.size() + 1);
        out.writeBytes(block.toByteArray());
        block.reset();
    }

    /** The packet, or empty when {@code frame} (without its 0x00) is not valid COBS. */
    static Optional<byte[]> decode(byte[] frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length);
        int i = 0;
        while (i < frame.length) {
            int code = frame[i] & 0xFF;
            if (code == 0 || i + code > frame.length) {
                return Optional.empty();
            }
            out.write(frame, i + 1, code - 1);
            i += code;
            if (code != 255 && i < frame.length) {
                out.write(0);
            }
        }
        return Optional.of(out.toByteArray());
    }
}
