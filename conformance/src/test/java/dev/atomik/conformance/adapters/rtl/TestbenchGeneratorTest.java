package dev.atomik.conformance.adapters.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomik.conformance.trace.Trace;
import dev.atomik.conformance.trace.TraceParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated testbenches run with Icarus alone: pass on the reference core, fail on a core that
 * breaks CTX-ACCUM-1 (naming the step and trace line), skip on a core whose capability ports lack
 * what the trace needs (PROTO-CAPS-1), and refuse stream traces at generation time.
 */
class TestbenchGeneratorTest {
    private static final String HEADER = "{\"atomik_trace\":1,\"spec\":\"1.0\",\"id\":\"context/hw-tb\","
            + "\"description\":\"Testbench generator self-test.\",\"clauses\":[\"CTX-ACCUM-1\",\"CTX-SWAP-1\",\"CTX-COUNT-1\"],"
            + "\"requires\":{\"kind\":\"context\",\"widths\":[32],\"contexts\":1,\"ops\":[\"init\",\"load\",\"accum\","
            + "\"read\",\"swap\",\"check\"],\"nodes\":1},\"origin\":{\"kind\":\"handwritten\"}}\n";
    private static final String STEPS = "{\"op\":\"init\",\"kind\":\"context\",\"width\":32}\n"
            + "{\"op\":\"load\",\"value\":\"0xCAFEBABE\"}\n"
            + "{\"op\":\"accum\",\"delta\":\"0xFF\"}\n"
            + "{\"op\":\"accum\",\"delta\":\"0x145304AE\"}\n"
            + "{\"op\":\"read\",\"expect\":\"0xdeadbeef\"}\n"
            + "{\"op\":\"swap\",\"expect\":\"0xDEADBEEF\"}\n"
            + "{\"op\":\"check\",\"expect\":{\"cells\":[{\"state\":\"0xdeadbeef\",\"count\":\"0x0\"}]}}\n";

    @TempDir
    Path dir;

    @BeforeAll
    static void needIcarus() {
        assumeTrue(Simulator.ICARUS.installed(),
                "iverilog is not installed (CI installs the Debian package iverilog); testbench runs skipped");
    }

    private Trace trace(String text) throws Exception {
        Path file = dir.resolve("traces/context/hw-tb.ndjson");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return TraceParser.withSpec().parse(file);
    }

    /** Runs tb.v with the given core files; returns exit status and output. */
    private Run simulate(String testbench, String top, Path... cores) throws IOException, InterruptedException {
        Path tb = dir.resolve("tb.v");
        Files.writeString(tb, testbench);
        List<String> compile = new ArrayList<>(List.of("iverilog", "-g2012", "-DATOMIK_DUT=" + top, "-o",
                dir.resolve("tb.vvp").toString(), tb.toString()));
        for (Path core : cores) {
            compile.add(core.toString());
        }
        Run built = exec(compile);
        assertEquals(0, built.status(), "the generated testbench must compile: " + built.output());
        return exec(List.of("vvp", "-n", dir.resolve("tb.vvp").toString()));
    }

    private record Run(int status, String output) {
    }

    private Run exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), output);
    }

    @Test
    void passesOnTheReferenceCore() throws Exception {
        Run run = simulate(TestbenchGenerator.generate(trace(HEADER + STEPS)), "atomik_core", RtlSources.referenceCore());
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("PASS context/hw-tb: 7 steps"), run.output());
    }

    @Test
    void failsOnABrokenCoreNamingTheFirstBadStep() throws Exception {
        // The reference core with ACCUM turned into OR: breaks CTX-ACCUM-1 at the read on line 6
        // (0xFF | 0x145304AE differs from 0xFF ^ 0x145304AE).
        String broken = Files.readString(RtlSources.referenceCore())
                .replace("module atomik_core", "module accum_or_core")
                .replace("next_acc = cur_acc ^ value;", "next_acc = cur_acc | value;");
        assertTrue(broken.contains("cur_acc | value"), "the mutation must apply to the reference core");
        Path core = dir.resolve("accum_or_core.v");
        Files.writeString(core, broken);
        Run run = simulate(TestbenchGenerator.generate(trace(HEADER + STEPS)), "accum_or_core", core);
        assertEquals(1, run.status(), run.output());
        assertTrue(run.output().contains("FAIL context/hw-tb step 5 (trace line 6)"), run.output());
        assertTrue(run.output().contains("expected 0x00000000deadbeef"), run.output());
    }

    @Test
    void skipsWhenTheCoreLacksSwap() throws Exception {
        Run run = simulate(TestbenchGenerator.generate(trace(HEADER + STEPS)), "atomik_core32_single",
                RtlSources.rtlDir().resolve("examples/atomik_core32_single.v"));
        assertEquals(77, run.status(), run.output());
        assertTrue(run.output().contains("SKIP context/hw-tb: needs op code 4"), run.output());
    }

    @Test
    void refusesStreamTraces() throws Exception {
        String stream = HEADER.replace("\"kind\":\"context\",\"widths\":[32]", "\"kind\":\"stream\",\"widths\":[32]")
                .replace("\"ops\":[\"init\",\"load\",\"accum\",\"read\",\"swap\",\"check\"]", "\"ops\":[\"init\",\"epoch\"]")
                .replace("\"clauses\":[\"CTX-ACCUM-1\",\"CTX-SWAP-1\",\"CTX-COUNT-1\"]", "\"clauses\":[\"CTX-ACCUM-1\"]");
        Trace trace = trace(stream + "{\"op\":\"init\",\"kind\":\"stream\",\"width\":32}\n{\"op\":\"epoch\",\"expect\":\"0x0\"}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestbenchGenerator.generate(trace));
        assertTrue(e.getMessage().contains("context and table traces only"), e.getMessage());
    }
}
