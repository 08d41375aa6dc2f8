package dev.atomik.conformance.adapters.rtl;

import static dev.atomik.conformance.adapters.rtl.Requests.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.trace.TraceParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's side of rtl/README.md "Timing": bus hygiene (NOP and zeros whenever in_valid is
 * low) and the one-cycle out_valid rule, through the runner and through generated testbenches.
 * The cores are in src/test/resources/misbehaving/rtl/.
 */
class RtlTimingTest {
    private static final Duration STEP = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @BeforeAll
    static void needIcarus() {
        assumeTrue(Simulator.ICARUS.installed(),
                "iverilog is not installed (CI installs the Debian package iverilog); RTL tests skipped");
    }

    static Path misbehaving(String name) throws Exception {
        return Path.of(RtlTimingTest.class.getResource("/misbehaving/rtl/" + name + ".v").toURI());
    }

    private static TraceResult runTrace(String id, Path core) throws Exception {
        Path file = GoldenTracesOnHardware.tracesDir().resolve(id + ".ndjson");
        List<LoadedTrace> traces = List.of(new TraceLoader(TraceParser.withSpec()).loadOne(file, id));
        try (AdapterSession session = new AdapterSession("rtl", () -> new RtlAdapterProvider().open(core.toString()), STEP)) {
            return new Runner().run(traces, session, RunListener.NONE).traces().get(0);
        }
    }

    /** A core that acts on op without in_valid sees NOP between ops, so ACCUM applies once. */
    @Test
    void coreIgnoringInValidPassesAnAccumTrace() throws Exception {
        TraceResult result = runTrace("context/accum-xor", misbehaving("ignores_in_valid"));
        assertEquals(Status.PASS, result.status(), result.describe());
    }

    @Test
    void outValidHeldTwoCyclesIsABadReplyAtThatStep() throws Exception {
        TraceResult result = runTrace("context/load-read", misbehaving("holds_out_valid"));
        assertEquals(Status.ERROR, result.status(), result.describe());
        assertEquals(2, result.failedStep(), result.describe());   // step 1 is init, a reset pulse
        assertTrue(result.describe().contains("BAD_REPLY at step 2: out_valid stayed high for 2 cycles (rtl/README.md, Timing)"),
                result.describe());
    }

    /** The echo of the load's answer is seen when the accum is about to be presented. */
    @Test
    void spuriousOutValidIsABadReply() throws Exception {
        try (Adapter adapter = new RtlAdapterProvider().open(misbehaving("echoes_out_valid").toString())) {
            AdapterFault fault = assertThrows(AdapterFault.class,
                    () -> adapter.execute(List.of(reset(), context(64), load(0, 1), accum(0, 2), read(0)), STEP));
            assertEquals(AdapterFault.Kind.BAD_REPLY, fault.kind());
            assertEquals(3, fault.requestIndex());
            assertTrue(fault.getMessage().contains("out_valid rose with no accepted op (rtl/README.md, Timing)"),
                    fault.getMessage());
            // The simulation was dropped; the next batch starts a fresh one.
            assertEquals(List.of(harnessOk(), ok()), adapter.execute(List.of(context(64), load(0, 1)), STEP));
        }
    }

    /** Generated testbenches inline the same driver, so they judge these cores alike. */
    @Test
    void generatedTestbenchesApplyTheSameRules() throws Exception {
        Run passing = simulate(testbench("context/accum-xor"), "ignores_in_valid");
        assertEquals(0, passing.status(), passing.output());
        Run holding = simulate(testbench("context/load-read"), "holds_out_valid");
        assertEquals(1, holding.status(), holding.output());
        assertTrue(holding.output().contains("step 2 (trace line 3)")
                && holding.output().contains("core fault: out_valid stayed high for 2 cycles"), holding.output());
    }

    private static String testbench(String id) throws Exception {
        Path trace = GoldenTracesOnHardware.tracesDir().resolve(id + ".ndjson");
        return TestbenchGenerator.generate(TraceParser.withSpec().parse(trace));
    }

    private record Run(int status, String output) {
    }

    private Run simulate(String testbench, String top) throws Exception {
        Path tb = dir.resolve("tb.v");
        Files.writeString(tb, testbench);
        Path image = dir.resolve(top + ".vvp");
        Run built = exec(List.of("iverilog", "-g2012", "-DATOMIK_DUT=" + top, "-o", image.toString(), tb.toString(),
                misbehaving(top).toString()));
        assertEquals(0, built.status(), built.output());
        return exec(List.of("vvp", "-n", image.toString()));
    }

    private static Run exec(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), output);
    }
}
