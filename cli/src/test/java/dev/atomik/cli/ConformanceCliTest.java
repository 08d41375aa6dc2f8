package dev.atomik.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code atomik conformance run|list|validate|adapters}: exit codes 0/1/2 and messages without stack traces. */
class ConformanceCliTest {
    @RegisterExtension
    final CliConsole console = new CliConsole();

    @TempDir
    Path tmp;

    private static String traces() throws Exception {
        return Path.of(ConformanceCliTest.class.getResource("/cli/traces").toURI()).toString();
    }

    private int atomik(String... args) {
        return console.atomik(args);
    }

    private String stdout() {
        return console.stdout();
    }

    private String stderr() {
        return console.stderr();
    }

    @Test
    void aPassingRunExitsZeroAndWritesBothReports() throws Exception {
        Path json = tmp.resolve("r.json");
        Path junit = tmp.resolve("r.xml");
        int code = atomik("conformance", "run", "--adapter", "model", "--traces", traces(), "--filter", "basic",
                "--json", json.toString(), "--junit", junit.toString(), "--quiet");
        assertEquals(0, code, stdout() + stderr());
        assertTrue(stdout().contains("PASSED model"), stdout());
        assertTrue(Files.readString(json).contains("\"passed\" : 1"));
        assertTrue(Files.readString(junit).contains("<testcase name=\"basic\" classname=\"context\""));
    }

    @Test
    void aFailingTraceExitsOne() throws Exception {
        int code = atomik("conformance", "run", "--adapter", "model", "--traces", traces(), "-q");
        assertEquals(1, code);
        assertTrue(stdout().contains("FAIL  context/wrong  step 4 (read): expected 0x4, actual 0x3"), stdout());
    }

    @Test
    void usageErrorsExitTwoWithoutAStackTrace() throws Exception {
        assertEquals(2, atomik("conformance", "run", "--adapter", "nosuch", "--traces", traces()));
        assertTrue(stderr().contains("unknown adapter scheme \"nosuch\""), stderr());
        assertEquals(2, atomik("conformance", "run", "--adapter", "model", "--traces", tmp.resolve("none").toString()));
        assertEquals(2, atomik("conformance", "run", "--traces", traces()));
        assertEquals(2, atomik("conformance", "run", "--adapter", "model", "--traces", traces(), "--timeout", "soon"));
        assertFalse(stderr().contains("\tat "), stderr());
    }

    @Test
    void nothingMatchedExitsTwo() throws Exception {
        assertEquals(2, atomik("conformance", "run", "--adapter", "model", "--traces", traces(), "--filter", "zzz", "-q"));
    }

    @Test
    void validatePrintsFileLineReasonAndExitsTwoOnMalformed() throws Exception {
        Path bad = tmp.resolve("context/bad.ndjson");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, Files.readString(Path.of(traces(), "context/basic.ndjson"))
                .replace("context/basic", "context/bad").replace("\"value\":\"0x1ff\"", "\"value\":511"));
        assertEquals(2, atomik("conformance", "validate", bad.toString()));
        assertTrue(stdout().contains(bad + ":3: value: expected a hex string like \"0x0\" (VAL-HEX-1)"), stdout());
        console.resetOut();
        assertEquals(0, atomik("conformance", "validate", traces()));
        assertTrue(stdout().contains("2 trace files valid"), stdout());
    }

    @Test
    void listAndAdapters() throws Exception {
        assertEquals(0, atomik("conformance", "list", "--traces", traces()));
        assertTrue(stdout().contains("context/basic  clauses=CTX-LOAD-1"), stdout());
        assertTrue(stdout().contains("kind=context widths=[8]"), stdout());
        console.resetOut();
        assertEquals(0, atomik("conformance", "adapters"));
        assertTrue(stdout().contains("model "), stdout());
    }
}
