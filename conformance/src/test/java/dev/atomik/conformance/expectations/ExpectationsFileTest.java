package dev.atomik.conformance.expectations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expectations-file format of DESIGN-12: header, entries, comments, and file:line errors. */
class ExpectationsFileTest {
    private static final Path FILE = Path.of("exp.txt");

    @TempDir
    Path dir;

    private static ExpectationsFile parse(String... lines) throws ExpectationsException {
        return ExpectationsFile.parse(FILE, String.join("\n", lines) + "\n");
    }

    private static ExpectationsException rejected(String... lines) {
        return assertThrows(ExpectationsException.class, () -> parse(lines));
    }

    @Test
    void readsTraceAndFuzzEntries() throws Exception {
        ExpectationsFile f = parse(
                "# known differences of my-impl",
                "",
                "atomik-expectations 1",
                "context/swap-value fail https://tracker/7 SWAP returns the new state, known",
                "  # an indented comment",
                "stream/*\tskip - no streams yet",
                "fuzz:swap/value waive https://tracker/7 SWAP returns the new state, known",
                "fuzz:decode/error-vs-success waive - decode accepts 15 bytes");
        assertEquals(List.of(
                new Expectation("context/swap-value", "fail", "https://tracker/7", "SWAP returns the new state, known", 4),
                new Expectation("stream/*", "skip", null, "no streams yet", 6)), f.traceEntries());
        assertEquals(Set.of("swap/value", "decode/error-vs-success"), f.waivedFuzzClasses());
        assertEquals(List.of("swap/value", "decode/error-vs-success"), List.copyOf(f.waivedFuzzClasses()));
        assertEquals(7, f.fuzzEntries().get(0).line());
        assertEquals(4, f.entries().size());
        assertEquals(FILE, f.file());
    }

    @Test
    void everyTraceStatusIsAccepted() throws Exception {
        for (String status : ExpectationsFile.TRACE_STATUSES) {
            assertEquals(status, parse("atomik-expectations 1", "a/b " + status + " - why").traceEntries().get(0).status());
        }
    }

    @Test
    void aFileWithOnlyTheHeaderHasNoEntries() throws Exception {
        assertTrue(parse("atomik-expectations 1").entries().isEmpty());
    }

    @Test
    void crlfAndABomAreAccepted() throws Exception {
        ExpectationsFile f = ExpectationsFile.parse(FILE, "\uFEFFatomik-expectations 1\r\na/b pass - fine\r\n");
        assertEquals("fine", f.entries().get(0).reason());
    }

    @Test
    void theExampleOfTheDesignIsReportedAsWritten() {
        ExpectationsException e = rejected("atomik-expectations 1", "# c", "", "context/swap-value failed - why");
        assertEquals("exp.txt:4: status \"failed\" is not one of fail, error, skip, not_exercised, pass", e.getMessage());
        assertEquals(4, e.line());
        assertEquals(FILE, e.file());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "atomik-expectations 2|1",
        "context/a fail - why|1",
    })
    void theHeaderMustComeFirst(String first, int line) {
        assertEquals(line, rejected(first, "atomik-expectations 1").line());
    }

    @Test
    void anEmptyFileHasNoHeader() {
        assertThrows(ExpectationsException.class, () -> ExpectationsFile.parse(FILE, "# only a comment\n"));
        assertThrows(ExpectationsException.class, () -> ExpectationsFile.parse(FILE, ""));
    }

    /** Each bad entry on line 2 is reported at line 2. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "context/a fail -",                         // no reason
        "context/a fail",                           // no link
        "context/a waive - a trace cannot be waived",
        "fuzz:swap/value fail - a fuzz class is only waived",
        "fuzz:swap/values waive - unknown difference",
        "fuzz:swap waive - no difference",
        "fuzz:Swap/value waive - not an op name",
        "fuzz:/value waive - empty op",
        "other:thing pass - unknown prefix",
    })
    void badEntriesNameTheirLine(String entry) {
        ExpectationsException e = rejected("atomik-expectations 1", entry);
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("exp.txt:2: "), e.getMessage());
    }

    @Test
    void aSecondEntryForTheSameIdIsRejected() {
        assertEquals(3, rejected("atomik-expectations 1", "a/b fail - x", "a/b pass - y").line());
    }

    @Test
    void readsAFileAndReportsAMissingOrNonUtf8One() throws Exception {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, "atomik-expectations 1\nfuzz:read/value waive - known\n", StandardCharsets.UTF_8);
        assertEquals(Set.of("read/value"), ExpectationsFile.read(good).waivedFuzzClasses());
        ExpectationsException missing = assertThrows(ExpectationsException.class,
                () -> ExpectationsFile.read(dir.resolve("missing.txt")));
        assertEquals(0, missing.line());
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'a', (byte) 0xE9, '\n'});
        assertEquals(0, assertThrows(ExpectationsException.class, () -> ExpectationsFile.read(latin1)).line());
    }

    @Test
    void fuzzClassSyntax() {
        for (String d : FuzzClassSyntax.DIFFERENCES) {
            assertNull(FuzzClassSyntax.problem("swap/" + d));
        }
        assertNull(FuzzClassSyntax.problem("check/value"));
        for (String bad : List.of("swap", "swap/", "/value", "swap/value/x", "SWAP/value", "swap/fault", "sw ap/value")) {
            assertTrue(FuzzClassSyntax.problem(bad) != null, bad);
        }
    }
}
