package dev.atomik.conformance.adapters.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Framing of spec/serial-protocol.md: COBS, CRC and the garbled-frame rule (PROTO-FAULT-1). */
class PacketTest {

    @Test
    void crcIsCcittFalse() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x29B1, Packet.crc16(check, check.length));
    }

    @Test
    void cobsRoundTripsAndRemovesEveryZero() {
        Random random = new Random(7);
        for (int length : new int[] {0, 1, 2, 253, 254, 255, 300}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            if (length > 3) {
                data[1] = 0;
                data[length - 1] = 0;
            }
            byte[] encoded = Cobs.encode(data);
            for (byte b : encoded) {
                assertTrue(b != 0, "zero in COBS output for length " + length);
            }
            assertArrayEquals(data, Cobs.decode(encoded).orElseThrow(), "length " + length);
        }
    }

    @Test
    void packetSurvivesTheWireAndEndsInOneZero() {
        Packet packet = new Packet(200, Packet.LOAD, Packet.longs(0, 0x00FF000000000001L));
        byte[] wire = packet.toWire();
        assertEquals(0, wire[wire.length - 1]);
        Packet back = Packet.fromFrame(Arrays.copyOf(wire, wire.length - 1)).orElseThrow();
        assertEquals(200, back.seq());
        assertEquals(Packet.LOAD, back.type());
        assertArrayEquals(packet.payload(), back.payload());
    }

    @Test
    void anyFlippedOrDroppedByteMakesTheFrameGarbled() {
        byte[] wire = new Packet(3, Packet.VALUE, Packet.longs(0xDEADBEEFL)).toWire();
        byte[] frame = Arrays.copyOf(wire, wire.length - 1);
        assertTrue(Packet.fromFrame(frame).isPresent());
        for (int i = 0; i < frame.length; i++) {
            byte[] flipped = frame.clone();
            flipped[i] ^= 0x10;
            assertTrue(Packet.fromFrame(flipped).isEmpty(), "flip at " + i);
            byte[] dropped = new byte[frame.length - 1];
            System.arraycopy(frame, 0, dropped, 0, i);
            System.arraycopy(frame, i + 1, dropped, i, frame.length - i - 1);
            assertTrue(Packet.fromFrame(dropped).isEmpty(), "drop at " + i);
        }
    }
}
