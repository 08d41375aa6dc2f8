package dev.atomik.conformance.expectations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expectations file format (INTERPRETING.md §9.1): what it accepts, and one file:line: line for what it does not. */
class ExpectationsFileTest {
    @TempDir
    Path tmp;

    private Path file(String... lines) throws Exception {
        Path p = tmp.resolve("exp.txt");
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    private ExpectationsFormatException rejected(String... lines) throws Exception {
        Path p = file(lines);
        return assertThrows(ExpectationsFormatException.class, () -> ExpectationsFile.read(p));
    }

    @Test
    void readsEntriesCommentsAndFuzzWaivers() throws Exception {
        ExpectationsFile f = ExpectationsFile.read(file(
                "# known differences",
                "",
                "atomik-expectations 1",
                "context/swap-value fail https://tracker/7 SWAP returns the new state",
                "   # indented comment",
                "stream/*\terror  -   streams   not wired yet  ",
                "fuzz:swap/value waive https://tracker/7 same bug, found by the fuzzer"));
        assertEquals(List.of(
                new Expectation("context/swap-value", "fail", "https://tracker/7", "SWAP returns the new state", 4),
                new Expectation("stream/*", "error", "-", "streams   not wired yet", 6)), f.traceEntries());
        assertEquals(Set.of("swap/value"), f.waivedFuzzClasses());
    }

    @Test
    void theStatusMustBeOneOfTheFive() throws Exception {
        ExpectationsFormatException e = rejected("atomik-expectations 1", "# c", "context/a fail - r",
                "context/b failed - r");
        assertEquals(tmp.resolve("exp.txt") + ":4: status \"failed\" is not one of fail, error, skip, not_exercised, pass",
                e.getMessage());
        assertEquals(4, e.line());
        assertEquals(tmp.resolve("exp.txt"), e.file());
    }

    @Test
    void everyStatusIsAccepted() throws Exception {
        ExpectationsFile f = ExpectationsFile.read(file("atomik-expectations 1", "a/1 fail - r", "a/2 error - r",
                "a/3 skip - r", "a/4 not_exercised - r", "a/5 pass - r"));
        assertEquals(List.of("fail", "error", "skip", "not_exercised", "pass"),
                f.traceEntries().stream().map(Expectation::status).toList());
    }

    @Test
    void theHeaderComesFirst() throws Exception {
        assertEquals(tmp.resolve("exp.txt") + ":2: expected the header \"atomik-expectations 1\" as the first line "
                + "that is not a comment, found \"context/a fail - r\"",
                rejected("# c", "context/a fail - r").getMessage());
        assertEquals(2, rejected("", "atomik-expectations 2").line());
        assertEquals(1, rejected("# only a comment").line());
    }

    @Test
    void aMissingReasonOrLinkNamesWhatIsMissing() throws Exception {
        assertEquals(tmp.resolve("exp.txt") + ":2: expected \"<trace-id> <status> <link-or-dash> <reason>\", "
                + "the line ends before <reason>", rejected("atomik-expectations 1", "context/a fail -").getMessage());
        assertEquals(tmp.resolve("exp.txt") + ":3: expected \"<trace-id> <status> <link-or-dash> <reason>\", "
                + "the line ends before <link-or-dash>",
                rejected("atomik-expectations 1", "", "context/a fail").getMessage());
    }

    @Test
    void fuzzLinesWaiveAClassAndTraceLinesCannotWaive() throws Exception {
        assertEquals(2, rejected("atomik-expectations 1", "fuzz:swap/value fail - r").line());
        assertEquals(tmp.resolve("exp.txt") + ":2: fuzz class \"swap/values\" is not <op>/<difference> with "
                + "difference one of value, error-code, error-vs-success",
                rejected("atomik-expectations 1", "fuzz:swap/values waive - r").getMessage());
        assertEquals(2, rejected("atomik-expectations 1", "context/a waive - r").line());
    }

    @Test
    void onlyStarIsAGlobAndAPatternAppearsOnce() throws Exception {
        assertEquals(tmp.resolve("exp.txt") + ":2: trace id \"context/?\" uses '?'; the only glob character is *",
                rejected("atomik-expectations 1", "context/? fail - r").getMessage());
        assertEquals(tmp.resolve("exp.txt") + ":3: second entry for \"context/a\" (the first is on line 2); keep one",
                rejected("atomik-expectations 1", "context/a fail - r", "context/a error - r").getMessage());
    }

    @Test
    void anUnreadableFileIsOneLineToo() {
        Path missing = tmp.resolve("none.txt");
        ExpectationsFormatException e = assertThrows(ExpectationsFormatException.class,
                () -> ExpectationsFile.read(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void notUtf8IsRejected() throws Exception {
        Path p = tmp.resolve("latin1.txt");
        Files.write(p, new byte[] {'a', 't', (byte) 0xE9, '\n'});
        assertEquals(p + ": not UTF-8 text",
                assertThrows(ExpectationsFormatException.class, () -> ExpectationsFile.read(p)).getMessage());
    }
}
