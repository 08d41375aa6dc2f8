package dev.atomik.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.bench.LongTrace;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces are read step by step: a 1,000,000-step trace validates and passes against the model in a
 * JVM held to 256 MB of heap; running out of memory, in the harness or in an in-process adapter,
 * ends with exit 2 and one line, never a stack trace. Time is measured by {@code atomik bench
 * --trace-steps}, not asserted here.
 */
class LongTraceTest {

    @TempDir
    Path tmp;

    @Test
    void aMillionStepTraceValidatesAndPassesUnder256MegabytesOfHeap() throws Exception {
        Path file = LongTrace.write(tmp, 1_000_000, 0x5eedL);
        ChildJvm.Outcome validate = ChildJvm.atomik("256m", List.of("conformance", "validate", file.toString()));
        assertEquals(0, validate.exitCode(), validate.stdout() + validate.stderr());
        assertEquals("1 trace file valid", validate.stdout().strip());
        ChildJvm.Outcome run = ChildJvm.atomik("256m", List.of("conformance", "run", "--adapter", "model",
                "--traces", tmp.toString(), "--quiet"));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stdout().startsWith("PASSED model"), run.stdout());
        assertTrue(run.stdout().contains("1 passed, 0 failed, 0 skipped, 0 errors; 1000000 steps"), run.stdout());
        assertTrue(run.stdout().contains("1000000 requests reached the implementation"), run.stdout());
    }

    @Test
    void runningOutOfHeapInTheHarnessIsOneLineAndExit2() throws Exception {
        // One 48 MB line cannot be held in a 24 MB heap: the validator runs out of memory reading it.
        Path file = tmp.resolve("context").resolve("huge.ndjson");
        Files.createDirectories(file.getParent());
        byte[] line = new byte[48 << 20];
        java.util.Arrays.fill(line, (byte) 'x');
        Files.write(file, line);
        ChildJvm.Outcome o = ChildJvm.atomik("24m", List.of("conformance", "validate", file.toString()));
        assertEquals(2, o.exitCode(), o.stdout() + o.stderr());
        assertOneLine(o.stderr(), "atomik: out of memory (Java heap space) with a heap of at most ");
    }

    @Test
    void anInProcessAdapterRunningOutOfMemoryIsOneLineAndExit2() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cli = AtomikCommand.commandLine();
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        Path traces = Path.of(LongTraceTest.class.getResource("/cli/traces").toURI());
        int exit = cli.execute("conformance", "run", "--adapter", "oom-test", "--traces", traces.toString(), "--quiet");
        assertEquals(2, exit, out + "\n" + err);
        assertOneLine(err.toString(StandardCharsets.UTF_8), "atomik: out of memory (");
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("PASSED"), "the run did not go on as if nothing happened");
    }

    private static void assertOneLine(String stderr, String start) {
        List<String> lines = stderr.strip().lines().toList();
        assertEquals(1, lines.size(), stderr);
        assertTrue(lines.get(0).startsWith(start), stderr);
        assertTrue(lines.get(0).endsWith("(set ATOMIK_DEBUG=1 for the stack trace)"), stderr);
        assertFalse(stderr.contains("\tat "), "no stack trace: " + stderr);
    }
}
