package dev.atomik.conformance.adapters.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.AdapterFault.Kind;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each misbehaving fake of {@code src/test/resources/misbehaving/} must be reported with the right
 * fault kind and request index, promptly and without a stack trace in the message (PROTO-FAULT-1,
 * PROTO-HELLO-1, PROTO-REPLY-1, VAL-HEX-1). The hang guard of each test is a safety net against a
 * runner that hangs, not a speed claim.
 */
class ProcessAdapterFaultTest {
    private static final Duration SHORT = Duration.ofMillis(400);
    private static final Duration GUARD = Duration.ofSeconds(20);

    /**
     * The interpreter behind {@code python3}, resolved once: version-manager shims (pyenv) can cost a
     * second per start, which would dominate these tests.
     */
    private static final String PYTHON = resolvePython();

    private static String resolvePython() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
            String path = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return probe.waitFor() == 0 && !path.isEmpty() ? path : "python3";
        } catch (java.io.IOException e) {
            return "python3";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "python3";
        }
    }

    static ProcessAdapter open(boolean pipelined, String script, String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON, fake(script)));
        command.addAll(List.of(args));
        return ProcessAdapter.start(command, Path.of("").toAbsolutePath(), pipelined, Duration.ofSeconds(10));
    }

    static String fake(String script) {
        try {
            return Path.of(ProcessAdapterFaultTest.class.getResource("/misbehaving/" + script).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ObjectNode> reads(int n) {
        List<ObjectNode> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(JsonNodeFactory.instance.objectNode().put("op", "read").put("addr", "0x" + Integer.toHexString(i % 4)));
        }
        return requests;
    }

    /** Runs a batch that must fault, and checks kind, index and that the report is readable text. */
    static AdapterFault expectFault(ProcessAdapter adapter, int batch, Duration timeout, Kind kind, int index, String mentions) {
        AdapterFault fault = assertTimeoutPreemptively(GUARD,
                () -> assertThrows(AdapterFault.class, () -> adapter.execute(reads(batch), timeout)));
        assertEquals(kind, fault.kind(), fault.getMessage());
        assertEquals(index, fault.requestIndex(), fault.getMessage());
        assertTrue(fault.getMessage().contains(mentions), "message should mention '" + mentions + "': " + fault.getMessage());
        assertFalse(fault.getMessage().contains("\tat ") || fault.getMessage().contains("Exception"),
                "no stack trace or exception name in a fault report: " + fault.getMessage());
        return fault;
    }

    @Test
    void required_PROTO_REPLY_1_wellBehavedPeerAnswersEveryRequestInBothModes() throws AdapterFault {
        for (boolean pipelined : new boolean[] {true, false}) {
            try (ProcessAdapter adapter = open(pipelined, "well_behaved.py")) {
                assertEquals("fake", adapter.hello().name());
                List<ObjectNode> first = adapter.execute(reads(5), SHORT.multipliedBy(10));
                List<ObjectNode> second = adapter.execute(reads(3), SHORT.multipliedBy(10));
                assertEquals(5, first.size());
                assertEquals(3, second.size());
                assertEquals("{\"value\":\"0x0\"}", second.get(2).toString(), "in_reply_to is stripped, the result kept");
                adapter.close();
                assertEquals(java.util.Optional.empty(), adapter.shutdownNote(), "a peer that exits on bye closes cleanly");
            }
        }
    }

    @Test
    void required_PROTO_FAULT_1_crashAtStepIsReportedWithExitStatusAndStderr() {
        for (boolean pipelined : new boolean[] {true, false}) {
            try (ProcessAdapter adapter = open(pipelined, "crash_at_step.py", "3")) {
                AdapterFault fault = expectFault(adapter, 6, Duration.ofSeconds(5), Kind.CRASH, 3, "exited with status 3");
                assertTrue(fault.getMessage().contains("crashing on purpose at request 3"), fault.getMessage());
            }
        }
    }

    @Test
    void required_PROTO_FAULT_1_hangIsATimeoutAtTheFirstUnansweredRequest() {
        try (ProcessAdapter adapter = open(true, "hangs.py")) {
            expectFault(adapter, 4, SHORT, Kind.TIMEOUT, 0, "within 400 ms");
        }
    }

    @Test
    void required_PROTO_FAULT_1_lateAnswerIsATimeout() {
        try (ProcessAdapter adapter = open(true, "answers_late.py", "5")) {
            expectFault(adapter, 3, SHORT, Kind.TIMEOUT, 1, "no reply to request 2");
        }
    }

    @Test
    void required_PROTO_FAULT_1_garbageLineIsAFramingFault() {
        try (ProcessAdapter adapter = open(true, "garbage.py")) {
            expectFault(adapter, 3, Duration.ofSeconds(5), Kind.FRAMING, 1, "this is not json");
        }
    }

    @Test
    void required_PROTO_REPLY_1_wrongInReplyToIsABadReply() {
        try (ProcessAdapter adapter = open(true, "wrong_in_reply_to.py")) {
            expectFault(adapter, 3, Duration.ofSeconds(5), Kind.BAD_REPLY, 1, "in_reply_to is 3, expected 2");
        }
    }

    @Test
    void required_VAL_HEX_1_valueAsJsonNumberIsABadReply() {
        try (ProcessAdapter adapter = open(true, "value_as_number.py")) {
            expectFault(adapter, 2, Duration.ofSeconds(5), Kind.BAD_REPLY, 0, "value must be a hex string");
        }
    }

    @Test
    void required_PROTO_HELLO_1_firstLineThatIsNotAHelloIsAHandshakeFault() {
        try (ProcessAdapter adapter = open(true, "no_hello.py")) {
            expectFault(adapter, 1, SHORT, Kind.HANDSHAKE, -1, "not a hello");
        }
    }

    @Test
    void required_PROTO_HELLO_1_deathDuringHandshakeIsAHandshakeFaultWithStderr() {
        try (ProcessAdapter adapter = open(true, "dies_in_handshake.py")) {
            AdapterFault fault = expectFault(adapter, 1, SHORT, Kind.HANDSHAKE, -1, "exited with status 2 before its hello");
            assertTrue(fault.getMessage().contains("cannot initialise the device"), fault.getMessage());
        }
    }

    @Test
    void required_PROTO_FAULT_1_afterAFaultTheAdapterRefusesAndAReopenedOneWorks() throws AdapterFault {
        try (ProcessAdapter adapter = open(true, "crash_at_step.py", "2")) {
            expectFault(adapter, 4, Duration.ofSeconds(5), Kind.CRASH, 2, "exited with status 3");
            AdapterFault again = assertThrows(AdapterFault.class, () -> adapter.execute(reads(1), SHORT));
            assertTrue(again.getMessage().contains("open a new adapter"), again.getMessage());
        }
        try (ProcessAdapter reopened = open(true, "crash_at_step.py", "2")) {
            assertEquals(2, reopened.execute(reads(2), Duration.ofSeconds(5)).size());
        }
    }

    @Test
    void required_PROTO_FAULT_1_stderrIsDrainedAndOnlyItsTailKept() throws AdapterFault {
        try (ProcessAdapter adapter = open(true, "noisy_stderr.py")) {
            assertEquals(3, assertTimeoutPreemptively(GUARD, () -> adapter.execute(reads(3), Duration.ofSeconds(10))).size());
            List<String> tail = adapter.stderrTail();
            assertTrue(tail.size() <= StderrTail.KEPT_LINES && !tail.isEmpty(), "tail: " + tail.size());
        }
    }

    @Test
    void required_PROTO_REPLY_1_largePipelinedBatchDoesNotDeadlockWithAPeerThatAnswersAsItReads() throws AdapterFault {
        try (ProcessAdapter adapter = open(true, "batched_flush.py")) {
            List<ObjectNode> replies = assertTimeoutPreemptively(GUARD, () -> adapter.execute(reads(30_000), Duration.ofSeconds(10)));
            assertEquals(30_000, replies.size());
        }
    }

    @Test
    void required_PROTO_FAULT_1_peerIgnoringByeIsKilledAndTheShutdownNoted() throws AdapterFault {
        ProcessAdapter adapter = open(true, "ignores_bye.py");
        adapter.execute(reads(1), Duration.ofSeconds(5));
        assertTimeoutPreemptively(GUARD, adapter::close);
        assertTrue(adapter.shutdownNote().map(n -> n.kind() == dev.atomik.conformance.adapter.ShutdownNote.Kind.KILLED_AFTER_BYE).orElse(false), String.valueOf(adapter.shutdownNote()));
    }

    @Test
    void missingProgramIsAnUsageErrorNamingTheCommand() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ProcessAdapter.start(List.of("no-such-program-atomik"), Path.of("").toAbsolutePath(), true, SHORT));
        assertTrue(error.getMessage().contains("cannot start 'no-such-program-atomik'"), error.getMessage());
    }
}
