package dev.atomik.conformance.adapters.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

/** Splits the byte stream from a device into frames at each {@code 0x00}. */
final class FrameReader {
    /** A frame longer than this cannot be a packet (64 bytes before COBS); it is garbage. */
    private static final int MAX_FRAME = 2 * Packet.MAX_BYTES;

    private final SerialLink link;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[256];
    private byte[] pending = new byte[0];
    private int pendingAt;

    FrameReader(SerialLink link) {
        this.link = link;
    }

    /**
     * The next non-empty frame (without its 0x00), or empty when none completed within
     * {@code timeoutMillis}. An over-long run of bytes is returned as a frame so it counts as garbled.
     */
    Optional<byte[]> next(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            while (pendingAt < pending.length) {
                byte b = pending[pendingAt++];
                if (b == 0) {
                    if (partial.size() > 0) {
                        return Optional.of(take());
                    }
                } else {
                    partial.write(b);
                    if (partial.size() > MAX_FRAME) {
                        return Optional.of(take());
                    }
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return Optional.empty();
            }
            int n = link.read(buffer, left);
            pending = java.util.Arrays.copyOf(buffer, n);
            pendingAt = 0;
        }
    }

    private byte[] take() {
        byte[] frame = partial.toByteArray();
        partial.reset();
        return frame;
    }
}
