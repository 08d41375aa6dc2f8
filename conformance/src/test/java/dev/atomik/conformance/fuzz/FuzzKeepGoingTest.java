package dev.atomik.conformance.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.expectations.ExpectationsFile;
import dev.atomik.conformance.runner.AdapterCatalog;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.selftest.Fault;
import dev.atomik.conformance.trace.TraceParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --keep-going}, classes and waivers against a mutant with two independent faults whose
 * disagreements differ in op and kind: SWAP returning the new state (swap/value) and widths up to
 * 128 accepted (an init that must fail with BAD_WIDTH succeeds: init/error-vs-success).
 */
class FuzzKeepGoingTest {
    static final long SEED = 0x5EED;
    static final long STEPS = 4_000;
    static final String ADAPTER = "mutant:" + Fault.SWAP_RETURNS_NEW.id() + "+" + Fault.WIDTH_65_ACCEPTED.id();
    static final FuzzClass SWAP_VALUE = FuzzClass.parse("swap/value");
    static final FuzzClass INIT_ERROR = FuzzClass.parse("init/error-vs-success");
    private static final AdapterCatalog CATALOG = AdapterCatalog.discover();
    private static final TraceParser PARSER = TraceParser.withSpec();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    private FuzzReport fuzz(int limit, Set<FuzzClass> waived, Path dir) {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Fuzzer.Options options = Fuzzer.Options.of(ADAPTER, SEED, STEPS, null, dir).keepGoing(limit, waived);
        return Fuzzer.run(options, CATALOG, log);
    }

    private static Set<FuzzClass> classes(FuzzReport report) {
        return report.found().stream().map(FuzzReport.Found::fuzzClass).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Test
    void keepGoingReportsBothClassesWithATraceEachThatShowsItsClass() throws Exception {
        FuzzReport report = fuzz(10, Set.of(), out);
        assertEquals(Set.of(SWAP_VALUE, INIT_ERROR), classes(report), report.found().toString());
        assertEquals(1, report.exitCode());
        assertEquals(STEPS, report.steps(), "the run goes on to the end of its budget");
        for (FuzzReport.Found found : report.found()) {
            assertTrue(found.count() >= 1);
            assertShowsItsClass(found);
        }
        assertTrue(report.waived().isEmpty());
    }

    /** The written trace fails on the mutant at a step of the class's op and passes on the model; its steps, run again, show the class. */
    private void assertShowsItsClass(FuzzReport.Found found) throws Exception {
        FuzzReport.Finding f = found.finding();
        assertNotNull(f.file(), found.fuzzClass() + ": no trace written: " + f.replay());
        LoadedTrace trace = new TraceLoader(PARSER).loadOne(f.file(), f.traceId());
        assertTrue(trace.problems().isEmpty(), String.valueOf(trace.problems()));
        TraceResult onMutant = replay(trace, ADAPTER);
        assertEquals(Status.FAIL, onMutant.status(), onMutant.describe());
        assertEquals(found.fuzzClass().op(), onMutant.op(), found.fuzzClass() + ": " + onMutant.describe());
        assertEquals(Status.PASS, replay(trace, "model").status());
        assertEquals(found.fuzzClass(), classOf(stepsOf(f.file())), "the trace of " + found.fuzzClass());
    }

    private TraceResult replay(LoadedTrace trace, String adapter) {
        try (AdapterSession session = new AdapterSession(adapter, CATALOG.opener(adapter), Duration.ofSeconds(5))) {
            return new Runner().runTrace(trace, session);
        }
    }

    /** The trace's steps as requests: line 1 is the header; the expectations and notes are left out. */
    private static List<ObjectNode> stepsOf(Path trace) throws Exception {
        List<ObjectNode> steps = new ArrayList<>();
        List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode step = (ObjectNode) JSON.readTree(line);
            step.remove(List.of("expect", "expect_error", "note"));
            steps.add(step);
        }
        return steps;
    }

    /** The class the fuzzer's own comparison gives the steps, from a reset. */
    private static FuzzClass classOf(List<ObjectNode> steps) throws Exception {
        AdapterSession session = new AdapterSession(ADAPTER, CATALOG.opener(ADAPTER), Duration.ofSeconds(5));
        try (Sides sides = new Sides(CATALOG.opener("model").get(), session, Duration.ofSeconds(5))) {
            sides.model().hello();
            session.hello(); // opens the adapter, as Fuzzer.run does
            return new FindingMaker(Fuzzer.Options.of(ADAPTER, SEED, 1, null, Path.of(".")), sides,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).classOf(steps, false);
        }
    }

    @Test
    void aWaivedClassIsCountedAndNotReported() {
        FuzzReport report = fuzz(10, Set.of(SWAP_VALUE), out);
        assertEquals(Set.of(INIT_ERROR), classes(report));
        assertTrue(report.waived().get(SWAP_VALUE.toString()) > 0, report.waived().toString());
        assertEquals(1, report.exitCode());
    }

    @Test
    void theExpectationsFileWaivesItsFuzzLinesAndIgnoresTheOthers() throws Exception {
        Path file = out.resolve("expectations.txt");
        Files.writeString(file, String.join("\n",
                "# known differences of " + ADAPTER,
                "atomik-expectations 1",
                "context/swap-value fail https://tracker/7 SWAP returns the new state",
                "fuzz:swap/value waive https://tracker/7 SWAP returns the new state, known",
                ""), StandardCharsets.UTF_8);
        Set<FuzzClass> waived = ExpectationsFile.read(file).waivedFuzzClasses().stream().map(FuzzClass::parse)
                .collect(Collectors.toSet());
        FuzzReport report = fuzz(10, waived, out.resolve("findings"));
        assertEquals(Set.of(INIT_ERROR), classes(report));
        assertEquals(Set.of(SWAP_VALUE.toString()), report.waived().keySet());
    }

    @Test
    void withEveryClassWaivedTheRunSucceedsAndCountsThem() {
        FuzzReport report = fuzz(10, Set.of(SWAP_VALUE, INIT_ERROR), out);
        assertTrue(report.found().isEmpty(), report.found().toString());
        assertEquals(0, report.exitCode());
        assertEquals(STEPS, report.steps());
        for (Map.Entry<String, Long> e : report.waived().entrySet()) {
            assertTrue(e.getValue() > 0, e.toString());
        }
    }

    /** Without --keep-going (limit 1) a waived class does not stop the run either; the first other class does. */
    @Test
    void withoutKeepGoingAWaivedClassDoesNotStopTheRun() {
        FuzzReport report = fuzz(1, Set.of(SWAP_VALUE), out);
        assertEquals(List.of(INIT_ERROR), List.copyOf(classes(report)));
        assertTrue(report.steps() < STEPS, "stops at the first unwaived class");
        assertEquals(1, report.exitCode());
    }

    @Test
    void theLimitStopsTheRun() {
        FuzzReport report = fuzz(1, Set.of(), out);
        assertEquals(1, report.found().size());
        assertTrue(report.steps() < STEPS);
    }

    @Test
    void theSameSeedFindsTheSameClassesAndWritesTheSameTraces() throws Exception {
        FuzzReport first = fuzz(10, Set.of(), out.resolve("a"));
        FuzzReport second = fuzz(10, Set.of(), out.resolve("b"));
        assertEquals(first.found().size(), second.found().size());
        for (int i = 0; i < first.found().size(); i++) {
            FuzzReport.Found a = first.found().get(i);
            FuzzReport.Found b = second.found().get(i);
            assertEquals(a.fuzzClass(), b.fuzzClass());
            assertEquals(a.count(), b.count());
            assertEquals(a.firstSequence(), b.firstSequence());
            assertEquals(Files.readString(a.finding().file()), Files.readString(b.finding().file()));
        }
    }
}
