package dev.atomik.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.RunStop;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.StepAccount;
import dev.atomik.conformance.runner.TraceFault;
import dev.atomik.conformance.runner.TraceResult;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live lines of a run and the collapsed report: a clock the test moves stands in for time, so
 * nothing here depends on how fast the machine is.
 */
class LiveConsoleTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    /** Buffered and without autoflush, like standard output into a pipe: only a flush makes a line visible. */
    private final PrintStream out = new PrintStream(new BufferedOutputStream(bytes, 1 << 16), false, StandardCharsets.UTF_8);
    private long now;
    private final LiveConsole live = new LiveConsole(out, Duration.ofSeconds(30), () -> now);

    private String seen() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static TraceResult crash(String id) {
        String detail = "the process exited with status 3 before replying to request 1\nstderr: fake: crashing";
        return new TraceResult(id, Path.of(id + ".ndjson"), List.of("CTX-READ-1", "PROTO-FAULT-1"), Status.ERROR,
                null, null, null, null, "CRASH at reset: " + detail, 0, 1, StepAccount.NONE,
                new TraceFault(AdapterFault.Kind.CRASH, TraceFault.Where.RESET, detail));
    }

    static TraceResult wrong(String id, int step, String actual) {
        return new TraceResult(id, Path.of(id + ".ndjson"), List.of("CTX-ACCUM-1"), Status.FAIL, step, "read",
                "0x4", actual, null, step, 1);
    }

    static TraceResult pass(String id) {
        return new TraceResult(id, Path.of(id + ".ndjson"), List.of("CTX-READ-1"), Status.PASS, null, null, null,
                null, null, 3, 1);
    }

    @Test
    void aFailureIsVisibleAsSoonAsItsTraceEndsEvenThroughABufferedPipe() {
        live.started(3);
        live.finished(pass("context/a"));
        assertEquals("", seen(), "a pass prints nothing");
        live.finished(wrong("context/b", 4, "0x3"));
        assertEquals("FAIL  context/b  step 4 (read): expected 0x4, actual 0x3  [CTX-ACCUM-1]\n", seen());
    }

    @Test
    void aRepeatedFaultPrintsOnceThenCountsAtPowersOfTwo() {
        live.started(151);
        for (int i = 1; i <= 151; i++) {
            live.finished(crash("context/t" + i));
        }
        List<String> lines = seen().lines().toList();
        assertTrue(lines.get(0).startsWith("ERROR context/t1  CRASH at reset: the process exited"), lines.get(0));
        List<String> counts = lines.stream().filter(l -> l.contains("same fault as context/t1")).toList();
        assertEquals(List.of(2, 4, 8, 16, 32, 64, 128), counts.stream()
                .map(l -> Integer.parseInt(l.replaceAll(".* in (\\d+) traces so far.*", "$1"))).toList(), seen());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("ERROR")).count(), seen());
    }

    @Test
    void silenceForAHeartbeatPrintsWhatTheRunWaitsOn() {
        live.started(2);
        live.waiting(new RunListener.Waiting("context/a", 3, Duration.ofSeconds(12)));
        assertEquals("", seen(), "not silent for 30 s yet");
        now += Duration.ofSeconds(30).toNanos();
        live.waiting(new RunListener.Waiting("context/a", 3, Duration.ofSeconds(30)));
        assertEquals("... still waiting on context/a step 3, 30 s\n", seen());
        now += Duration.ofSeconds(10).toNanos();
        live.waiting(new RunListener.Waiting("context/a", 3, Duration.ofSeconds(40)));
        assertEquals(1, seen().lines().count(), "the next one after another 30 s");
        now += Duration.ofSeconds(30).toNanos();
        live.finished(crash("context/a"));
        now += Duration.ofSeconds(30).toNanos();
        live.finished(crash("context/b"));
        assertTrue(seen().contains("same fault as context/a in 2 traces so far (latest context/b)"), seen());
        now += Duration.ofSeconds(30).toNanos();
        live.waiting(new RunListener.Waiting(null, 0, Duration.ofSeconds(30)));
        assertTrue(seen().endsWith("... still waiting on the adapter's hello, 30 s\n"), seen());
        now += Duration.ofSeconds(30).toNanos();
        live.waiting(new RunListener.Waiting("cache/two-nodes", -1, Duration.ofSeconds(31)));
        assertTrue(seen().endsWith("... still waiting on cache/two-nodes, 31 s\n"), "a batch of unknown step: " + seen());
    }

    @Test
    void aStopIsPrintedWhenItHappens() {
        live.stopped(new RunStop(RunStop.Cause.HANDSHAKE, "HANDSHAKE: the process exited with status 2 before its hello"
                + "\nstderr: fake: cannot initialise the device", 0, 151));
        assertEquals("STOP  the adapter failed its handshake, 151 traces not run: HANDSHAKE: the process exited with "
                + "status 2 before its hello\nstderr: fake: cannot initialise the device\n", seen());
    }

    @Test
    void theReportCollapsesIdenticalFaultsIntoOneLineWithACountAndNames() {
        List<TraceResult> traces = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            traces.add(crash("context/t" + i));
        }
        traces.add(wrong("context/w1", 4, "0x3"));
        traces.add(wrong("context/w2", 7, "0x3"));
        traces.add(wrong("context/w3", 4, "0x5"));
        RunResult run = RunResult.of("process:x", null, traces, 0, 1);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ConsoleReport.write(run, new PrintStream(report, true, StandardCharsets.UTF_8), false);
        // The crash's stderr tail is the second line of its message, as in every fault line.
        List<String> lines = report.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("stderr:")).toList();
        assertTrue(lines.get(0).startsWith("ERROR context/t1  CRASH at reset:"), lines.get(0));
        assertEquals("      same fault in 8 more traces: context/t2, context/t3, context/t4, context/t5, context/t6 and 3 more",
                lines.get(1));
        assertTrue(lines.get(2).startsWith("FAIL  context/w1  step 4"), lines.get(2));
        assertEquals("      same fault in 1 more trace: context/w2", lines.get(3), "the step number is the trace's own");
        assertTrue(lines.get(4).startsWith("FAIL  context/w3  step 4 (read): expected 0x4, actual 0x5"),
                "another actual value is another fault: " + lines);
        assertTrue(lines.get(5).startsWith("FAILED process:x: 0 passed, 3 failed, 0 skipped, 9 errors"), lines.get(5));
    }
}
