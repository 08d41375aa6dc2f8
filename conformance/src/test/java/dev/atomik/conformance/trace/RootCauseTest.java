package dev.atomik.conformance.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator names the first real fault of a file first, with line (and column or byte where
 * known) and what was expected; complaints that follow from it come after it, linked to it as their
 * cause. Whatever the JSON fault, Jackson's own wording (its class and switch names) never reaches
 * the message.
 */
class RootCauseTest {
    private static final TraceParser PARSER = new TraceParser(Set.of("CTX-LOAD-1", "CTX-READ-1")::contains);
    private static final Path FILE = Path.of("traces/context/load-read.ndjson");
    private static final String HEADER = "{\"atomik_trace\":1,\"spec\":\"1.0\",\"id\":\"context/load-read\","
            + "\"description\":\"LOAD then READ.\",\"clauses\":[\"CTX-LOAD-1\",\"CTX-READ-1\"],"
            + "\"requires\":{\"kind\":\"context\",\"widths\":[64],\"contexts\":1,\"ops\":[\"init\",\"load\",\"read\"],"
            + "\"nodes\":1},\"origin\":{\"kind\":\"handwritten\"}}";
    private static final String INIT = "{\"op\":\"init\",\"kind\":\"context\",\"width\":64}";
    private static final String LOAD = "{\"op\":\"load\",\"value\":\"0x1\"}";
    private static final String READ = "{\"op\":\"read\",\"expect\":\"0x1\"}";
    /** Words of Jackson's own messages that must never reach a user. */
    private static final List<String> JACKSON_WORDS = List.of("`", "StreamReadConstraints", "JsonReadFeature",
            "JsonParser", "DeserializationFeature", "Source:", "REDACTED", "com.fasterxml", "jackson");

    @TempDir
    Path tmp;

    private static List<TraceProblem> problems(byte[] bytes) {
        return assertThrows(TraceFormatException.class, () -> PARSER.parse(FILE, bytes)).problems();
    }

    private static List<TraceProblem> problems(String... lines) {
        return problems((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoJacksonWords(List<TraceProblem> problems) {
        for (TraceProblem p : problems) {
            for (String word : JACKSON_WORDS) {
                assertTrue(!p.toString().toLowerCase().contains(word.toLowerCase()), word + " leaks into: " + p);
            }
        }
    }

    @Test
    void aStepThatDoesNotParseIsListedBeforeTheRequiresOpsComplaintItCauses() {
        List<TraceProblem> p = problems(HEADER, INIT, LOAD, "{\"op\":\"read\",\"expect\":\"0x1\"");
        assertEquals(2, p.size(), p.toString());
        TraceProblem root = p.get(0);
        assertEquals(4, root.line());
        assertTrue(root.isRootCause());
        assertEquals("the line ends inside the object opened at column 1: expected }", root.reason());
        TraceProblem derived = p.get(1);
        assertEquals(1, derived.line());
        assertTrue(derived.reason().startsWith("requires.ops must list exactly the ops the steps use; not used [read]"),
                derived.toString());
        assertSame(root, derived.cause());
        assertTrue(derived.toString().endsWith("(follows from line 4)"), derived.toString());
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> PARSER.parse(FILE,
                (String.join("\n", HEADER, INIT, LOAD, "{\"op\":\"read\"") + "\n").getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith(FILE + ":4:"), e.getMessage());
    }

    @Test
    void aRealHeaderFaultIsStillARootCause() {
        List<TraceProblem> p = problems(HEADER.replace("\"read\"]", "\"read\",\"accum\"]"), INIT, LOAD, READ);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).isRootCause(), p.toString());
        assertTrue(p.get(0).reason().contains("not used [accum]"), p.toString());
    }

    @Test
    void anOpAfterAnInitThatDidNotParseFollowsFromTheInit() {
        List<TraceProblem> p = problems(HEADER, "{\"op\":\"init\",\"kind\":\"context\",\"width\":64,}", LOAD, READ);
        assertEquals(2, p.get(0).line(), p.toString());
        assertTrue(p.get(0).isRootCause());
        assertTrue(p.get(0).reason().startsWith("not one JSON object: "), p.toString());
        assertTrue(p.stream().skip(1).allMatch(q -> q.cause() == p.get(0)), p.toString());
        assertTrue(p.stream().anyMatch(q -> q.line() == 3 && q.reason().startsWith("load before any init")),
                p.toString());
        assertTrue(p.stream().anyMatch(q -> q.line() == 1 && q.reason().startsWith("requires.widths")), p.toString());
    }

    @Test
    void aHeaderThatDoesNotParseMakesTheStepComplaintsDerived() {
        List<TraceProblem> p = problems(HEADER.replace("\"spec\":\"1.0\",", "\"spec\":\"1.0\""), INIT,
                "{\"op\":\"put\",\"node\":\"A\",\"addr\":\"0x1\",\"delta\":\"0x1\"}", READ);
        assertEquals(1, p.get(0).line(), p.toString());
        assertTrue(p.get(0).isRootCause());
        assertTrue(p.size() > 1, p.toString());
        assertTrue(p.stream().skip(1).allMatch(q -> q.cause() == p.get(0) && q.line() == 3), p.toString());
        assertNoJacksonWords(p);
    }

    @Test
    void aFiftyMegabyteStringNamesTheTraceLimitNotJacksons() throws IOException {
        Path file = tmp.resolve("context/load-read.ndjson");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "\n" + INIT + "\n" + "{\"op\":\"load\",\"value\":\"0x1\",\"note\":\"")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
            out.write(("\"}\n" + READ + "\n").getBytes(StandardCharsets.UTF_8));
        }
        List<TraceProblem> p = assertThrows(TraceFormatException.class, () -> PARSER.parse(file)).problems();
        TraceProblem root = p.get(0);
        assertEquals(3, root.line());
        assertEquals(35, root.column(), "the column of the string's opening quote");
        assertEquals("a string of " + (50 << 20) + " characters: a trace's strings are at most "
                + JsonFaults.MAX_STRING + " characters", root.reason());
        assertTrue(root.toString().startsWith(file + ":3:35: "), root.toString());
        assertNoJacksonWords(p);
    }

    @Test
    void aLineLongerThanTheLimitIsNamedWithoutBeingHeldAndTheNextLineIsRead() throws IOException {
        Path file = tmp.resolve("context/load-read.ndjson");
        Files.createDirectories(file.getParent());
        long length = LineReader.MAX_LINE_BYTES + 10L;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "\n" + INIT + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (long left = length; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
            out.write(("\n" + LOAD + "\n" + "{\"op\":\"read\",\"expect\":7}\n").getBytes(StandardCharsets.UTF_8));
        }
        List<TraceProblem> p = assertThrows(TraceFormatException.class, () -> PARSER.parse(file)).problems();
        assertEquals(3, p.get(0).line());
        assertEquals("a line of " + length + " bytes: a trace line is one step, at most " + LineReader.MAX_LINE_BYTES
                + " bytes", p.get(0).reason());
        assertTrue(p.stream().anyMatch(q -> q.line() == 5 && q.isRootCause()), "line 5 is still checked: " + p);
    }

    @Test
    void aNumberTooLongIsNamedWithItsColumn() {
        String digits = "9".repeat(2_000);
        List<TraceProblem> p = problems(HEADER, "{\"op\":\"init\",\"kind\":\"context\",\"width\":" + digits + "}",
                LOAD, READ);
        assertEquals(2, p.get(0).line());
        assertEquals(39, p.get(0).column());
        assertTrue(p.get(0).reason().startsWith("a number of 2000 characters: a trace's numbers are at most 1000"),
                p.toString());
        assertNoJacksonWords(p);
    }

    @Test
    void aNumberTooBigForItsFieldIsASchemaProblemNotACrash() {
        List<TraceProblem> p = problems(HEADER, "{\"op\":\"init\",\"kind\":\"context\",\"width\":1e999999999}",
                LOAD, READ);
        assertEquals(2, p.get(0).line(), p.toString());
        assertTrue(p.get(0).isRootCause());
        assertEquals("width: 1E+999999999 is out of range: expected a whole number from -2147483648 to 2147483647",
                p.get(0).reason());
        assertNoJacksonWords(p);
    }

    @Test
    void nestingTooDeepIsNamedAtTheBracketThatGoesTooDeep() {
        String deep = "[".repeat(200) + "]".repeat(200);
        List<TraceProblem> p = problems(HEADER, INIT, "{\"op\":\"load\",\"value\":\"0x1\",\"note\":" + deep + "}", READ);
        assertEquals(3, p.get(0).line());
        assertEquals(34 + JsonFaults.MAX_DEPTH, p.get(0).column(), "the outer object counts as a level: " + p);
        assertEquals("nesting deeper than " + JsonFaults.MAX_DEPTH + " levels: a trace step nests a few",
                p.get(0).reason());
        assertNoJacksonWords(p);
    }

    @Test
    void invalidUtf8IsNamedByColumnAndFileOffsetAndTheNextLinesAreStillChecked() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((HEADER + "\n" + INIT + "\n").getBytes(StandardCharsets.UTF_8));
        int lineStart = bytes.size();
        bytes.write("{\"op\":\"load\",\"value\":\"0x1\",\"note\":\"ok ".getBytes(StandardCharsets.UTF_8));
        int badAt = bytes.size();
        bytes.write(new byte[] {(byte) 0xff, '"', '}', '\n'});
        bytes.write("{\"op\":\"read\",\"expect\":7}\n".getBytes(StandardCharsets.UTF_8));
        List<TraceProblem> p = problems(bytes.toByteArray());
        TraceProblem root = p.get(0);
        assertEquals(3, root.line());
        assertEquals(badAt - lineStart + 1, root.column());
        assertEquals("not UTF-8 text: byte 0xff at byte offset " + badAt + " of the file does not decode (a trace is UTF-8)",
                root.reason());
        assertTrue(p.stream().anyMatch(q -> q.line() == 4 && q.reason().contains("expect")), "line 4 is checked too: " + p);
    }

    @Test
    void nulBytesAreNamedInsideAndOutsideStrings() {
        List<TraceProblem> p = problems(HEADER, INIT, "{\"op\":\"load\",\"value\":\"0x1\u0000\"}",
                "{\"op\":\"read\",\u0000\"expect\":\"0x1\"}").stream().filter(TraceProblem::isRootCause).toList();
        assertEquals(3, p.get(0).line());
        assertEquals(26, p.get(0).column());
        assertEquals("a NUL byte (0x00) inside a string: expected printable text (write it as an escape like \\u0000)",
                p.get(0).reason());
        assertEquals(4, p.get(1).line());
        assertEquals(14, p.get(1).column());
        assertEquals("a NUL byte (0x00): expected JSON text (only spaces and tabs may separate tokens)", p.get(1).reason());
        assertNoJacksonWords(p);
    }

    @Test
    void aFileCutInsideItsLastLineSaysItMayBeTruncated() {
        byte[] bytes = (HEADER + "\n" + INIT + "\n" + LOAD + "\n" + "{\"op\":\"read\",\"expect\":\"0x")
                .getBytes(StandardCharsets.UTF_8);
        List<TraceProblem> p = problems(bytes);
        assertEquals(4, p.get(0).line());
        assertEquals("the line ends inside the string opened at column 23: expected its closing \"; this last line "
                + "has no newline, so the file may be truncated", p.get(0).reason());
        assertTrue(p.stream().skip(1).allMatch(q -> !q.isRootCause()), p.toString());
        List<TraceProblem> cutHeader = problems(HEADER.substring(0, 40).getBytes(StandardCharsets.UTF_8));
        assertTrue(cutHeader.get(0).reason().endsWith("so the file may be truncated"), cutHeader.toString());
    }

    @Test
    void jacksonsSwitchesAndSourcesNeverReachTheMessage() {
        for (String bad : List.of("{\"op\":\"read\",\"expect\":NaN}", "{'op':'read'}", "{op:\"read\"}",
                "{\"op\":\"read\" /* c */}", "{\"op\":\"init\",\"width\":08}", "{\"op\":\"read\",}",
                "{\"op\":\"read\"} x", "{\"op\":\"read\",\"op\":\"read\"}", "{\"op\":\"read\",\"expect\":\"\\q\"}",
                "{\"op\":\"read\"]", "{\"op\":\"read\",\"expect\":tru}", "{\"op\":\"read\",\"expect\":-}",
                "{\"op\":\"read\",\"expect\":\"0x1\"}}", "\u001b[31m{\"op\":\"read\"}")) {
            List<TraceProblem> p = problems(HEADER, INIT, LOAD, bad);
            assertEquals(4, p.get(0).line(), bad + " -> " + p);
            assertTrue(p.get(0).column() >= 1, "a JSON fault has a column: " + p.get(0));
            assertNoJacksonWords(p);
        }
    }

    @Test
    void aLineLongerThanTheReaderHoldsIsSkippedAndTheNextLineIsRead() throws IOException {
        byte[] text = ("ab\n" + "x".repeat(100) + "\ncd\n").getBytes(StandardCharsets.UTF_8);
        try (LineReader lines = new LineReader(new ByteArrayInputStream(text), 10)) {
            assertEquals("ab", lines.next());
            LineReader.LineTooLong e = assertThrows(LineReader.LineTooLong.class, lines::next);
            assertEquals(2, e.line);
            assertEquals(100, e.length);
            assertEquals("cd", lines.next());
            assertEquals(3, lines.number());
            assertNull(lines.next());
        }
    }
}
