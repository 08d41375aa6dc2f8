package dev.atomik.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapters.process.ProcessAdapter;
import dev.atomik.conformance.report.ConsoleReport;
import dev.atomik.conformance.report.JsonReport;
import dev.atomik.conformance.trace.TraceParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Through a real child process: an unknown error code fails its step (INTERPRETING §3.4, ERR-CODES-1),
 * it is no adapter fault; and a child that ignores {@code bye} is killed and the run notes it once, on
 * the console and in the JSON report (spec/adapter-protocol.md, Shutdown).
 */
class ProcessRunNotesTest {
    private static final TraceLoader LOADER = new TraceLoader(TraceParser.withSpec());

    private static Supplier<Adapter> child(String script) {
        try {
            String path = Path.of(ProcessRunNotesTest.class.getResource("/misbehaving/" + script).toURI()).toString();
            return () -> ProcessAdapter.start(List.of("python3", path), Path.of("").toAbsolutePath(), true,
                    Duration.ofSeconds(10));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs, closes the session (the last child gets its bye only then) and attaches its notes, as the CLI does. */
    private static RunResult run(String filter, Supplier<Adapter> adapter) throws Exception {
        List<LoadedTrace> traces = LOADER.load(RunnerTest.resource("pass"), filter);
        AdapterSession session = new AdapterSession("process:child", adapter, Duration.ofSeconds(5));
        RunResult result;
        try (session) {
            result = new Runner().run(traces, session, RunListener.NONE);
        }
        return result.withShutdownNotes(session.shutdownNotes());
    }

    @Test
    void anUnknownErrorCodeFailsTheStepWithErrCodes1() throws Exception {
        RunResult r = run("context/basic", child("unknown_error_code.py"));
        TraceResult t = r.traces().get(0);
        assertEquals(Status.FAIL, t.status(), t.describe());
        assertEquals(1, t.failedStep());
        assertEquals("error OOPS", t.actual());
        assertTrue(t.clauses().contains("ERR-CODES-1"), t.clauses().toString());
        assertEquals(ExitCodes.FAILED, r.exitCode());
        assertTrue(r.shutdownNotes().isEmpty(), "it exits on bye: " + r.shutdownNotes());
    }

    @Test
    void aChildIgnoringByeIsKilledAndTheRunNotesItOnce() throws Exception {
        RunResult r = run("context/basic", child("ignores_bye.py"));
        assertEquals(1, r.shutdownNotes().size(), r.shutdownNotes().toString());
        assertEquals(List.of("note: adapter process:child did not exit within 2 s of bye; killed"), r.noteLines());

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsoleReport.write(r, new PrintStream(console, true, StandardCharsets.UTF_8), false);
        String text = console.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.split("did not exit within", -1).length - 1, text);

        JsonNode notes = JsonReport.toJson(r).get("notes");
        assertEquals(1, notes.size(), String.valueOf(notes));
        assertEquals("killed_after_bye", notes.get(0).get("kind").asText());
        assertEquals(1, notes.get(0).get("times").asInt());
        assertEquals(r.exitCode(), run("context/basic", child("well_behaved.py")).exitCode(),
                "the note changes no verdict");
    }

    @Test
    void aChildKilledAfterEachTraceIsNotedOnceWithACount() throws Exception {
        AdapterSession session = new AdapterSession("process:child", child("ignores_bye.py"), Duration.ofSeconds(5));
        try (session) {
            session.hello();
            session.reopen(); // as after a fault: the old child gets its bye and is killed
        }
        List<AdapterSession.Noted> notes = session.shutdownNotes();
        assertEquals(1, notes.size(), notes.toString());
        assertEquals(2, notes.get(0).times());
        assertTrue(RunResult.of("process:child", null, List.of(), 0, 0).withShutdownNotes(notes).noteLines().get(0)
                .endsWith("killed (2 times)"));
    }
}
