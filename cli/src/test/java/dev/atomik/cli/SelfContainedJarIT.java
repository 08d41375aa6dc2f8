package dev.atomik.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user without a checkout runs it: from an empty temporary folder, no
 * {@code ATOMIK_HOME}. The traces and the RTL harness must come from inside the jar (issue 13:
 * before, run said "traces folder conformance/traces does not exist" and rtl testbench printed a
 * missing-harness line per trace).
 */
class SelfContainedJarIT {
    private static final Path JAR = Path.of(System.getProperty("atomik.jar", "target/atomik.jar")).toAbsolutePath();
    private static final Path KIT = Path.of(System.getProperty("atomik.kit", "..")).toAbsolutePath().normalize();

    @TempDir
    Path empty;

    @BeforeEach
    void jarIsBuilt() {
        assertTrue(Files.isRegularFile(JAR), JAR + " not built (run in the package phase or later: mvn verify)");
    }

    private ProcessRun withInput(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return ProcessRun.of(empty, Duration.ofMinutes(3), stdin, command);
    }

    private ProcessRun atomik(String... args) throws Exception {
        return withInput(null, args);
    }

    @Test
    void conformanceRunAgainstTheModelPassesEveryBuiltInTrace() throws Exception {
        ProcessRun run = atomik("conformance", "run", "--adapter", "model", "-q", "--json", "report.json");
        assertEquals(0, run.exit(), run.tail());
        assertTrue(run.output().contains("PASSED model"), run.tail());
        assertTrue(run.output().matches("(?s).*: [1-9][0-9]+ passed, 0 failed, 0 skipped, 0 errors.*"), run.tail());
        assertTrue(Files.isRegularFile(empty.resolve("report.json")));
    }

    @Test
    void listValidateAndGenerateCheckReadTheBuiltInTraces() throws Exception {
        long checkout;
        try (var walk = Files.walk(KIT.resolve("conformance/traces"))) {
            checkout = walk.filter(p -> p.toString().endsWith(".ndjson")).count();
        }
        ProcessRun list = atomik("conformance", "list");
        assertEquals(0, list.exit(), list.tail());
        assertTrue(list.output().contains("\n" + checkout + " traces"), list.tail());
        ProcessRun validate = atomik("conformance", "validate");
        assertEquals(0, validate.exit(), validate.tail());
        assertTrue(validate.output().contains(checkout + " trace files valid"), validate.tail());
        ProcessRun check = atomik("conformance", "generate", "--check");
        assertEquals(0, check.exit(), check.tail());
        assertTrue(check.output().contains("in the traces built into "), check.tail());
        ProcessRun write = atomik("conformance", "generate");
        assertEquals(2, write.exit(), write.tail());
        assertTrue(write.output().contains("read-only; pass --out DIR"), write.tail());
    }

    @Test
    void tracesStillOverridesTheBuiltInTraces() throws Exception {
        Path mine = Files.createDirectories(empty.resolve("mine/context"));
        Files.copy(KIT.resolve("conformance/traces/context/accum-xor.ndjson"), mine.resolve("accum-xor.ndjson"));
        ProcessRun run = atomik("conformance", "run", "--adapter", "model", "-q", "--traces", "mine");
        assertEquals(0, run.exit(), run.tail());
        assertTrue(run.output().contains(": 1 passed, 0 failed"), run.tail());
    }

    @Test
    void rtlTestbenchFindsTheBuiltInHarness() throws Exception {
        ProcessRun one = atomik("rtl", "testbench", "context/accum-xor", "-o", "tb.v");
        assertEquals(0, one.exit(), one.tail());
        String tb = Files.readString(empty.resolve("tb.v"));
        assertTrue(tb.contains("trace context/accum-xor") && tb.contains("module"), tb);
        ProcessRun area = atomik("rtl", "testbench", "table", "-o", "tbs");
        assertEquals(0, area.exit(), area.tail());
        assertFalse(area.output().contains("not generated"), area.tail());
        assertFalse(area.output().contains("harness"), area.tail());
    }

    @Test
    void rtlAdaptersRunTheBuiltInCoresUnderIcarus() throws Exception {
        assumeTrue(onPath("iverilog") && onPath("vvp"), "iverilog is not on PATH (.ci/run installs it)");
        ProcessRun reference = atomik("conformance", "run", "--adapter", "rtl", "-q", "--filter", "context/load*");
        assertEquals(0, reference.exit(), reference.tail());
        assertTrue(reference.output().contains("PASSED rtl"), reference.tail());
        ProcessRun nullCore = atomik("conformance", "run", "--adapter", "rtl:null", "-q", "--filter", "context/load*");
        assertEquals(1, nullCore.exit(), nullCore.tail());
        assertTrue(nullCore.output().contains("FAILED rtl:null"), nullCore.tail());
    }

    @Test
    void demoAndServeWork() throws Exception {
        ProcessRun demo = atomik("demo", "cache");
        assertEquals(0, demo.exit(), demo.tail());
        ProcessRun serve = withInput("{\"type\":\"hello\",\"protocol\":1,\"spec\":\"1.0\"}\n{\"type\":\"bye\"}\n", "serve");
        assertEquals(0, serve.exit(), serve.tail());
        assertTrue(serve.output().contains("\"type\":\"hello\"") && serve.output().contains("\"name\":\"atomik-model\""),
                serve.tail());
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
