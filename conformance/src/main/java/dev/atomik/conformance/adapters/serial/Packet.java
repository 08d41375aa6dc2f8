package dev.atomik.conformance.adapters.serial;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * One packet of spec/serial-protocol.md: version, seq, type, payload and a CRC-16/CCITT-FALSE,
 * sent COBS-encoded and followed by {@code 0x00}.
 */
record Packet(int seq, int type, byte[] payload) {
    static final int VERSION = 1;
    static final int MAX_BYTES = 64;

    // Request types
    static final int HELLO = 0x01, RESET = 0x02, INIT = 0x10, LOAD = 0x11, ACCUM = 0x12, ROLLBACK = 0x13,
            READ = 0x14, SWAP = 0x15, SWAP_SET = 0x16, COUNT = 0x17, MERGE = 0x18;
    // Reply types
    static final int HELLO_OK = 0x81, OK = 0x90, VALUE = 0x91, ERROR = 0x9E;

    Packet {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The bytes on the wire: COBS(packet) then 0x00. */
    byte[] toWire() {
        byte[] body = new byte[3 + payload.length];
        body[0] = VERSION;
        body[1] = (byte) seq;
        body[2] = (byte) type;
        System.arraycopy(payload, 0, body, 3, payload.length);
        int crc = crc16(body, body.length);
        byte[] packet = Arrays.copyOf(body, body.length + 2);
        packet[body.length] = (byte) (crc >>> 8);
        packet[body.length + 1] = (byte) crc;
        byte[] encoded = Cobs.encode(packet);
        return Arrays.copyOf(encoded, encoded.length + 1);   // trailing 0x00 ends the frame
    }

    /** Decodes one frame (the bytes before a 0x00); empty when it is garbled in any way. */
    static Optional<Packet> fromFrame(byte[] frame) {
        Optional<byte[]> decoded = Cobs.decode(frame);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        byte[] packet = decoded.get();
        if (packet.length < 5 || packet.length > MAX_BYTES || packet[0] != VERSION) {
            return Optional.empty();
        }
        int n = packet.length;
        int crc = ((packet[n - 2] & 0xFF) << 8) | (packet[n - 1] & 0xFF);
        if (crc16(packet, n - 2) != crc) {
            return Optional.empty();
        }
        return Optional.of(new Packet(packet[1] & 0xFF, packet[2] & 0xFF, Arrays.copyOfRange(packet, 3, n - 2)));
    }

    /** CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR. */
    static int crc16(byte[] data, int length) {
        int crc = 0xFFFF;
        for (int i = 0; i < length; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return crc;
    }

    static byte[] longs(long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length);
        for (long v : values) {
            buffer.putLong(v);
        }
        return buffer.array();
    }
}
