package dev.atomik.conformance.adapters.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.model.AtomikError;
import dev.atomik.model.ErrorCode;
import dev.atomik.model.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serial adapter against the emulated board on a socat pty pair: a healthy device, a device
 * that garbles one reply (the host must resynchronise), one that drops bytes (FRAMING), one that
 * stops answering (TIMEOUT), a silent and a missing device (spec/serial-protocol.md, PROTO-FAULT-1).
 */
class SerialAdapterEmulatorTest {
    private static final Duration STEP = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @BeforeAll
    static void needSocat() {
        assumeTrue(EmulatedBoard.available(),
                "socat or python3 is not installed (CI installs the Debian packages socat and python3); serial tests skipped");
    }

    private static SerialAdapter open(EmulatedBoard board) {
        return (SerialAdapter) new SerialAdapterProvider().open(board.device());
    }

    /** PROTO-HELLO-1, TBL-OPS-1, CTX-MERGE-1, TBL-ADDR-1: a random batch agrees with the Java model. */
    @Test
    void healthyBoardAgreesWithTheModel() throws Exception {
        try (EmulatedBoard board = EmulatedBoard.start(dir); SerialAdapter adapter = open(board)) {
            Capabilities caps = adapter.hello().capabilities();
            int afterHello = adapter.retransmissions();
            assertEquals(64, caps.maxWidth());
            assertTrue(caps.ops().containsAll(List.of("init", "load", "accum", "rollback", "read", "swap", "count", "merge")));
            Random random = new Random(42);
            int width = 16;
            int size = 4;
            Table model = new Table(width, size);
            List<ObjectNode> requests = new ArrayList<>(List.of(op("reset"), op("init").put("kind", "table")
                    .put("width", width).put("size", size)));
            List<ObjectNode> expected = new ArrayList<>(List.of(ok(), ok()));
            for (int i = 0; i < 150; i++) {
                long a = random.nextInt(size + 1);
                long b = random.nextInt(size);
                long v = random.nextLong();
                switch (random.nextInt(7)) {
                    case 0 -> add(requests, expected, op("load").put("addr", hex(a)).put("value", hex(v)),
                            () -> { model.load(a, v); return ok(); });
                    case 1 -> add(requests, expected, op("accum").put("addr", hex(a)).put("delta", hex(v)),
                            () -> { model.accum(a, v); return ok(); });
                    case 2 -> add(requests, expected, op("read").put("addr", hex(a)), () -> value(model.read(a)));
                    case 3 -> add(requests, expected, op("swap").put("addr", hex(a)), () -> value(model.swap(a)));
                    case 4 -> add(requests, expected, op("swap").put("addr", hex(a)).put("value", hex(v)),
                            () -> value(model.swap(a, v)));
                    case 5 -> add(requests, expected, op("count").put("addr", hex(a)), () -> value(model.deltaCount(a)));
                    default -> add(requests, expected, op("merge").put("addr", hex(a)).put("from", hex(b)),
                            () -> { model.merge(a, b); return ok(); });
                }
            }
            assertEquals(expected, adapter.execute(requests, STEP));
            assertEquals(afterHello, adapter.retransmissions(), "a clean line needs no retransmission");
        }
    }

    /** After a garbled reply the host resends; the device replays instead of applying ACCUM twice. */
    @Test
    void garbledReplyIsRecoveredWithoutDoubleApplying() throws Exception {
        try (EmulatedBoard board = EmulatedBoard.start(dir, "--garble-reply", "4"); SerialAdapter adapter = open(board)) {
            // replies: 1 hello, 2 reset, 3 init, 4 accum (garbled), 5 read
            List<ObjectNode> replies = adapter.execute(List.of(op("reset"),
                    op("init").put("kind", "context").put("width", 64),
                    op("accum").put("delta", "0x5"), op("read"), op("count")), STEP);
            assertEquals(List.of(ok(), ok(), ok(), value(0x5), value(1)), replies);
            assertTrue(adapter.retransmissions() >= 1, "the garbled frame must have caused a retransmission");
        }
    }

    /** PROTO-FAULT-1: a device that keeps dropping bytes ends in FRAMING at the request that suffered. */
    @Test
    void droppedBytesEndInFraming() throws Exception {
        try (EmulatedBoard board = EmulatedBoard.start(dir, "--drop-from", "3"); SerialAdapter adapter = open(board)) {
            AdapterFault fault = assertThrows(AdapterFault.class, () -> adapter.execute(List.of(op("reset"),
                    op("init").put("kind", "context").put("width", 64), op("read")), STEP));
            assertEquals(AdapterFault.Kind.FRAMING, fault.kind());
            assertEquals(1, fault.requestIndex());
        }
    }

    /** PROTO-FAULT-1: a device that stops answering ends in TIMEOUT at that request. */
    @Test
    void deviceThatStopsAnsweringIsATimeout() throws Exception {
        try (EmulatedBoard board = EmulatedBoard.start(dir, "--silent-after", "2"); SerialAdapter adapter = open(board)) {
            AdapterFault fault = assertThrows(AdapterFault.class, () -> adapter.execute(List.of(op("reset"),
                    op("init").put("kind", "context").put("width", 64)), Duration.ofMillis(800)));
            assertEquals(AdapterFault.Kind.TIMEOUT, fault.kind());
            assertEquals(1, fault.requestIndex());
            assertTrue(adapter.retransmissions() >= 2, "silence is retried before giving up");
        }
    }

    /** A port with nothing behind it fails the handshake with advice, not a hang. */
    @Test
    void silentDeviceFailsTheHandshakeClearly() throws Exception {
        try (EmulatedBoard board = EmulatedBoard.start(dir, (String[]) null); SerialAdapter adapter = open(board)) {
            AdapterFault fault = assertThrows(AdapterFault.class, adapter::hello);
            assertEquals(AdapterFault.Kind.HANDSHAKE, fault.kind());
            assertTrue(fault.getMessage().contains("is the board powered"), fault.getMessage());
        }
    }

    @Test
    void missingDeviceIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SerialAdapterProvider().open(dir.resolve("ttyUSB9").toString()));
        assertTrue(e.getMessage().startsWith("no serial device"), e.getMessage());
        IllegalArgumentException noDevice = assertThrows(IllegalArgumentException.class,
                () -> new SerialAdapterProvider().open(""));
        assertTrue(noDevice.getMessage().contains("needs a device"), noDevice.getMessage());
    }

    private static ObjectNode op(String op) {
        return JsonNodeFactory.instance.objectNode().put("op", op);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private static ObjectNode ok() {
        return JsonNodeFactory.instance.objectNode().put("ok", true);
    }

    private static ObjectNode value(long v) {
        return JsonNodeFactory.instance.objectNode().put("value", hex(v));
    }

    private static void add(List<ObjectNode> requests, List<ObjectNode> expected, ObjectNode request,
                            Supplier<ObjectNode> model) {
        requests.add(request);
        try {
            expected.add(model.get());
        } catch (AtomikError e) {
            expected.add(JsonNodeFactory.instance.objectNode().put("error", ErrorCode.name(e.code)));
        }
    }
}
