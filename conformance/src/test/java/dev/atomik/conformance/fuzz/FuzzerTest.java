package dev.atomik.conformance.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fuzzer end to end: every mutant of the self-test is caught within a fixed step budget and
 * shrunk to a handful of steps, and the written trace fails on the mutant and passes on the model
 * when replayed by the runner (TRACE-RESULT-1); the model against itself finds nothing.
 */
class FuzzerTest {
    /** Step budget within which every mutant must be caught. */
    static final long MUTANT_BUDGET = 20_000;
    /** Most steps (besides the first init) a shrunk trace may keep. */
    static final int MOST_SHRUNK_STEPS = 6;
    static final long SEED = 0x5EED;
    /** Steps each sample process adapter runs against the model. */
    static final long SAMPLE_BUDGET = 20_000;

    @TempDir
    Path out;

    private static final AdapterCatalog CATALOG = AdapterCatalog.discover();
    private static final TraceParser PARSER = TraceParser.withSpec();
    private final AdapterCatalog catalog = CATALOG;

    private FuzzReport fuzz(String adapter, long seed, long steps) {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Fuzzer.run(Fuzzer.Options.of(adapter, seed, steps, null, out), catalog, log);
    }

    /** Checks the clause the mutant violates, via a trace that cites the clauses of the ops involved. */
    @ParameterizedTest
    @EnumSource(Fault.class)
    void everyMutantIsCaughtShrunkAndReplayed(Fault fault) throws Exception {
        String adapter = "mutant:" + fault.id();
        FuzzReport report = fuzz(adapter, SEED, MUTANT_BUDGET);
        assertEquals(1, report.exitCode(), adapter + " not caught in " + MUTANT_BUDGET + " steps");
        FuzzReport.Finding finding = report.finding();
        assertNotNull(finding.file(), "no trace written: " + finding.replay());
        int kept = finding.shrunk().size() - finding.pinned();
        assertTrue(kept <= MOST_SHRUNK_STEPS, adapter + ": shrunk to " + kept + " steps: " + finding.shrunk());
        assertTrue(finding.replay().startsWith("fail") || finding.replay().startsWith("error"), finding.replay());

        LoadedTrace trace = new TraceLoader(PARSER).loadOne(finding.file(), finding.traceId());
        assertTrue(trace.problems().isEmpty(), String.valueOf(trace.problems()));
        assertEquals("shrunk", trace.trace().header().origin().path("kind").asText());
        assertEquals(adapter, trace.trace().header().origin().path("adapter").asText());
        assertEquals(Status.FAIL, replay(trace, adapter).status(), "the trace must fail on " + adapter);
        TraceResult onModel = replay(trace, "model");
        assertEquals(Status.PASS, onModel.status(), "the trace must pass on the model: " + onModel.describe());
    }

    private TraceResult replay(LoadedTrace trace, String adapter) {
        try (AdapterSession session = new AdapterSession(adapter, catalog.opener(adapter), Duration.ofSeconds(5))) {
            return new Runner().runTrace(trace, session);
        }
    }

    @Test
    void modelAgainstModelFindsNothing() {
        FuzzReport report = fuzz("model", SEED, 200_000);
        assertNull(report.finding());
        assertEquals(200_000, report.steps());
        assertEquals(0, report.exitCode());
        // The run reached the edges: every op and every reachable error code occurred.
        assertEquals(SequenceGenerator.allOps(), report.ops().keySet());
        for (String code : new String[] {"BAD_WIDTH", "BAD_SIZE", "ADDRESS_OUT_OF_RANGE", "BAD_LENGTH",
                "VALUE_OUT_OF_RANGE", "CAPACITY_EXCEEDED"}) {
            assertTrue(report.errors().getOrDefault(code, 0L) > 0, code + " never reached: " + report.errors());
        }
    }

    @Test
    void theFaultFreeMutantAgreesWithTheModel() {
        FuzzReport report = fuzz("mutant:none", SEED, 20_000);
        assertNull(report.finding(), () -> "mutant:none disagreed: " + report.finding());
    }

    @Test
    void theSameSeedWritesTheSameTrace() throws Exception {
        FuzzReport first = fuzz("mutant:read-clears-accumulator", 7, MUTANT_BUDGET);
        byte[] bytes = Files.readAllBytes(first.finding().file());
        Files.delete(first.finding().file());
        FuzzReport second = fuzz("mutant:read-clears-accumulator", 7, MUTANT_BUDGET);
        assertEquals(first.finding().file(), second.finding().file());
        assertEquals(new String(bytes, StandardCharsets.UTF_8),
                Files.readString(second.finding().file(), StandardCharsets.UTF_8));
        assertEquals(first.steps(), second.steps());
    }

    /** The sample process adapters agree with the model over a fixed budget (skipped only without the interpreter). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"python3, samples/python/atomik_adapter.py", "node, samples/js/atomik_adapter.js"})
    void theSampleAdaptersAgreeWithTheModel(String interpreter, String script) {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath(interpreter), interpreter + " is not installed");
        FuzzReport report = fuzz("process:" + interpreter + " " + script, SEED, SAMPLE_BUDGET);
        assertNull(report.harnessError());
        assertNull(report.finding(), () -> interpreter + " disagreed: " + report.finding());
        assertEquals(SAMPLE_BUDGET, report.steps());
        assertEquals(0, report.exitCode());
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anAdapterThatCannotStartIsAHarnessError() {
        FuzzReport report = fuzz("process:false", SEED, 1000);
        assertNotNull(report.harnessError());
        assertEquals(2, report.exitCode());
    }

    @Test
    void theShrunkHeaderNamesItsOrigin() throws Exception {
        FuzzReport report = fuzz("mutant:swap-returns-new", SEED, MUTANT_BUDGET);
        String header = Files.readAllLines(report.finding().file()).get(0);
        var origin = new ObjectMapper().readTree(header).get("origin");
        assertEquals("fuzz", origin.get("generator").asText());
        assertEquals("0x" + Long.toHexString(SEED), origin.get("seed").asText());
        assertNotEquals(0, new ObjectMapper().readTree(header).get("clauses").size());
    }
}
