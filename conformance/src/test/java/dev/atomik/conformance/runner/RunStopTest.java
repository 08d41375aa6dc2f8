package dev.atomik.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapters.process.ProcessAdapter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Early stops and live events against real misbehaving child processes
 * (src/test/resources/misbehaving/*.py): a failed handshake runs nothing and is one stop; an adapter
 * that gives no answer in {@link Runner.Options#DEFAULT_DEAD_AFTER} traces in a row stops the run
 * unless the run keeps going; a hung adapter is reported while the runner waits on it.
 */
class RunStopTest {
    /** The five traces of src/test/resources/runstop: the same context trace under five names. */
    private static final int TRACES = 5;

    /** Every event, in order, as text for assertions (the events themselves are typed). */
    private static final class Recorder implements RunListener {
        final List<String> events = new ArrayList<>();
        final List<RunStop> stops = new ArrayList<>();
        final List<Waiting> waits = new ArrayList<>();

        @Override
        public void traceStarted(TraceStart start) {
            events.add("start " + start.id());
        }

        @Override
        public void waiting(Waiting waiting) {
            waits.add(waiting);
        }

        @Override
        public void finished(TraceResult result) {
            events.add("end " + result.id() + " " + result.status());
        }

        @Override
        public void stopped(RunStop stop) {
            events.add("stop " + stop.cause());
            stops.add(stop);
        }
    }

    private static RunResult run(Runner.Options options, Recorder recorder, Duration timeout, String script,
                                 String... args) throws Exception {
        List<LoadedTrace> traces = new TraceLoader(dev.atomik.conformance.trace.TraceParser.withSpec())
                .load(traces(), null);
        List<String> command = new ArrayList<>(List.of("python3", fake(script)));
        command.addAll(List.of(args));
        try (AdapterSession session = new AdapterSession("process:" + script, () -> ProcessAdapter.start(command,
                Path.of(fake(script)).getParent(), true, Duration.ofSeconds(5)), timeout)) {
            return new Runner(options).run(traces, session, recorder);
        }
    }

    static Path traces() throws URISyntaxException {
        return Path.of(RunStopTest.class.getResource("/runstop").toURI());
    }

    static String fake(String script) {
        try {
            return Path.of(RunStopTest.class.getResource("/misbehaving/" + script).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedHandshakeRunsNothingAndIsReportedOnce() throws Exception {
        Recorder recorder = new Recorder();
        RunResult r = run(Runner.Options.cli(false, true, Duration.ofSeconds(30)), recorder, Duration.ofSeconds(2),
                "dies_in_handshake.py");
        assertEquals(List.of(), r.traces(), "no trace runs against an adapter without a hello");
        assertEquals(List.of("stop HANDSHAKE"), recorder.events, "even with --keep-going");
        RunStop stop = r.stop();
        assertEquals(TRACES, stop.notRun());
        assertTrue(stop.detail().contains("exited with status 2 before its hello")
                && stop.detail().contains("cannot initialise the device"), stop.detail());
        assertTrue(stop.describe().startsWith("the adapter failed its handshake, 5 traces not run: HANDSHAKE"),
                stop.describe());
        assertEquals(ExitCodes.HARNESS, r.exitCode());
    }

    @Test
    void aProgramThatCannotStartIsAHandshakeStopNotAnExceptionPerTrace() throws Exception {
        Recorder recorder = new Recorder();
        List<LoadedTrace> traces = new TraceLoader(dev.atomik.conformance.trace.TraceParser.withSpec())
                .load(traces(), null);
        try (AdapterSession session = new AdapterSession("process:./no-such-program", () -> ProcessAdapter.start(
                List.of("./no-such-program"), Path.of("").toAbsolutePath(), true, Duration.ofSeconds(5)),
                Duration.ofSeconds(2))) {
            RunResult r = new Runner().run(traces, session, recorder);
            assertEquals(RunStop.Cause.HANDSHAKE, r.stop().cause());
            assertTrue(r.stop().detail().contains("cannot start './no-such-program'"), r.stop().detail());
            assertEquals(ExitCodes.HARNESS, r.exitCode());
        }
    }

    @Test
    void anAdapterThatCrashesAtEveryFirstRequestStopsAfterThreeTraces() throws Exception {
        Recorder recorder = new Recorder();
        RunResult r = run(Runner.Options.cli(false, false, Duration.ofSeconds(30)), recorder, Duration.ofSeconds(2),
                "crash_at_step.py", "0");
        assertEquals(Runner.Options.DEFAULT_DEAD_AFTER, r.traces().size(), recorder.events.toString());
        r.traces().forEach(t -> {
            assertEquals(AdapterFault.Kind.CRASH, t.fault().kind(), t.describe());
            assertEquals(TraceFault.Where.RESET, t.fault().where(), t.describe());
        });
        assertEquals(RunStop.Cause.ADAPTER_DEAD, r.stop().cause());
        assertEquals(TRACES - 3, r.stop().notRun());
        assertEquals("stop ADAPTER_DEAD", recorder.events.get(recorder.events.size() - 1));
        assertTrue(r.stop().describe().startsWith("stopped early: no answer from the adapter in 3 traces in a row, "
                + "2 traces not run (--keep-going runs every trace); last fault: CRASH at reset"), r.stop().describe());
        assertEquals(ExitCodes.HARNESS, r.exitCode());
    }

    @Test
    void keepGoingRunsEveryTraceOfADeadAdapter() throws Exception {
        Recorder recorder = new Recorder();
        RunResult r = run(Runner.Options.cli(false, true, Duration.ofSeconds(30)), recorder, Duration.ofSeconds(2),
                "crash_at_step.py", "0");
        assertEquals(TRACES, r.traces().size());
        assertNull(r.stop());
        assertEquals(ExitCodes.HARNESS, r.exitCode(), "no step executed, as before early stops existed");
    }

    @Test
    void anAdapterThatAnswersSomethingIsNotDead() throws Exception {
        // Crashes at its second request: every trace gets the reset answered, so none is "no answer".
        Recorder recorder = new Recorder();
        RunResult r = run(Runner.Options.cli(false, false, Duration.ofSeconds(30)), recorder, Duration.ofSeconds(2),
                "crash_at_step.py", "1");
        assertEquals(TRACES, r.traces().size(), recorder.events.toString());
        assertNull(r.stop());
        r.traces().forEach(t -> assertEquals(TraceFault.Where.STEP, t.fault().where(), t.describe()));
    }

    @Test
    void aHungAdapterIsReportedWhileTheRunnerWaits() throws Exception {
        Recorder recorder = new Recorder();
        RunResult r = run(Runner.Options.cli(false, false, Duration.ofMillis(100)), recorder, Duration.ofMillis(500),
                "hangs.py");
        assertTrue(!recorder.waits.isEmpty(), "waiting events while the first reply is outstanding");
        RunListener.Waiting first = recorder.waits.stream().filter(w -> w.step() > 0).findFirst().orElseThrow();
        assertEquals("context/same-1", first.traceId());
        assertEquals(1, first.step());
        assertTrue(recorder.events.indexOf("end context/same-1 ERROR") < recorder.events.indexOf("start context/same-2"),
                "each timeout is an event as it happens: " + recorder.events);
        assertEquals(AdapterFault.Kind.TIMEOUT, r.traces().get(0).fault().kind());
        assertEquals(RunStop.Cause.ADAPTER_DEAD, r.stop().cause(), "a silent reset three times is a dead adapter");
    }
}
