package dev.atomik.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One exit-code rule for malformed input (INTERPRETING §6): validate, list, run and the replay of a
 * fuzz finding exit 2 on the same malformed trace; validate names its root cause first. And one flag
 * name for the adapter: bench takes --adapter, the old --process only with a warning.
 */
class MalformedInputCliTest {
    @RegisterExtension
    final CliConsole console = new CliConsole();

    @TempDir
    Path tmp;

    private int atomik(String... args) {
        return console.atomik(args);
    }

    private String stdout() {
        return console.stdout();
    }

    private String stderr() {
        return console.stderr();
    }

    private static Path resource(String name) throws Exception {
        return Path.of(MalformedInputCliTest.class.getResource("/cli/" + name).toURI());
    }

    /** context/basic with its last line (the only check step) cut before its final brace. */
    private Path malformed() throws Exception {
        String text = Files.readString(resource("traces/context/basic.ndjson"));
        String cut = text.stripTrailing();
        Path file = tmp.resolve("traces/context/basic.ndjson");
        Files.createDirectories(file.getParent());
        Files.writeString(file, cut.substring(0, cut.length() - 1) + "\n");
        return file;
    }

    @Test
    void validateNamesTheRootCauseFirstAndTheFollowOnAfterIt() throws Exception {
        Path file = malformed();
        assertEquals(2, atomik("conformance", "validate", file.toString()));
        String[] lines = stdout().split("\n");
        assertTrue(lines[0].startsWith(file + ":8:"), stdout());
        assertTrue(lines[0].contains("the line ends inside the object opened at column 1: expected }"), stdout());
        assertTrue(lines[1].startsWith(file + ":1: requires.ops must list exactly the ops the steps use; not used [check]"),
                stdout());
        assertTrue(lines[1].endsWith("(follows from line 8)"), stdout());
        assertFalse(stdout().contains("Jackson") || stdout().contains("`"), stdout());
    }

    @Test
    void validateListRunAndReplayExitTwoOnTheSameMalformedTrace() throws Exception {
        Path file = malformed();
        Path dir = file.getParent().getParent();
        assertEquals(2, atomik("conformance", "validate", dir.toString()), stdout());
        assertEquals(2, atomik("conformance", "list", "--traces", dir.toString()), stdout());
        assertEquals(2, atomik("conformance", "run", "--adapter", "model", "--traces", dir.toString(), "-q"), stdout());
        // A fuzz finding is replayed with the command fuzz prints: run --traces FILE.
        assertEquals(2, atomik("conformance", "run", "--adapter", "model", "--traces", file.toString(), "-q"), stdout());
        console.resetOut();
        assertEquals(0, atomik("conformance", "validate", resource("traces/context/basic.ndjson").toString()), stdout());
    }

    @Test
    void benchTakesAdapterLikeEveryOtherCommand() throws Exception {
        String traces = resource("traces").toString();
        assertEquals(2, atomik("bench", "--adapter", "model", "--traces", traces));
        assertTrue(stderr().contains("bench measures a process adapter: --adapter 'process:<command line>'"), stderr());
        console.resetErr();
        assertEquals(2, atomik("bench", "--adapter", "process:no-such-program-atomik", "--traces", traces,
                "--copies", "1", "--batches", "1", "--warmup", "0", "--serial-copies", "1"));
        assertTrue(stderr().contains("no-such-program-atomik"), stderr());
        assertFalse(stderr().contains("deprecated"), stderr());
        console.resetErr();
        assertEquals(2, atomik("bench", "--process", "no-such-program-atomik", "--traces", traces,
                "--copies", "1", "--batches", "1", "--warmup", "0", "--serial-copies", "1"));
        assertEquals(1, stderr().split("deprecated", -1).length - 1, stderr());
        assertTrue(stderr().contains("use --adapter 'process:no-such-program-atomik'"), stderr());
        assertTrue(stderr().contains("no-such-program-atomik"), stderr());
        assertFalse(console.stdout().contains("--process"), "the alias is hidden from help");
        console.resetOut();
        atomik("bench", "--help");
        assertFalse(stdout().contains("--process"), stdout());
        assertTrue(stdout().contains("--adapter"), stdout());
    }
}
