package dev.atomik.conformance.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** TRACE-HEADER-1, TRACE-STEP-1, VAL-HEX-1: the validator accepts good traces and names every problem by line. */
class TraceParserTest {
    private static final TraceParser PARSER = new TraceParser(Set.of("CTX-LOAD-1", "CTX-READ-1", "CTX-ACCUM-1",
            "TBL-ADDR-1", "STR-DRAIN-1")::contains);
    private static final Path FILE = Path.of("traces/context/load-read.ndjson");
    private static final String HEADER = "{\"atomik_trace\":1,\"spec\":\"1.0\",\"id\":\"context/load-read\","
            + "\"description\":\"LOAD then READ.\",\"clauses\":[\"CTX-LOAD-1\",\"CTX-READ-1\"],"
            + "\"requires\":{\"kind\":\"context\",\"widths\":[64],\"contexts\":1,\"ops\":[\"init\",\"load\",\"read\"],"
            + "\"nodes\":1},\"origin\":{\"kind\":\"handwritten\"}}";
    private static final String INIT = "{\"op\":\"init\",\"kind\":\"context\",\"width\":64}";

    private static Trace parse(Path file, String... lines) throws TraceFormatException {
        return PARSER.parse(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(String... lines) {
        return problemsOf(FILE, lines);
    }

    private static List<String> problemsOf(Path file, String... lines) {
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> parse(file, lines));
        return e.problems().stream().map(p -> p.line() + ": " + p.reason()).collect(Collectors.toList());
    }

    @Test
    void aValidTraceParsesIntoStepsAndRequests() throws Exception {
        Trace t = parse(FILE, HEADER, INIT, "{\"op\":\"load\",\"value\":\"0xCAFE\",\"note\":\"n\"}",
                "{\"op\":\"read\",\"expect\":\"0xcafe\",\"cover\":[\"c\"]}");
        assertEquals("context/load-read", t.id());
        assertEquals("context", t.area());
        assertEquals(3, t.steps().size());
        Step read = t.steps().get(2);
        assertEquals(3, read.number());
        assertEquals(4, read.line());
        assertEquals("{\"op\":\"read\"}", read.request().toString(), "expect/cover/note never reach the adapter");
        assertEquals("0xcafe", read.expect().asText());
        assertEquals("{\"op\":\"load\",\"value\":\"0xCAFE\"}", t.steps().get(1).request().toString());
        assertEquals(Set.of("init", "load", "read"), t.protocolOps());
    }

    @Test
    void aNumericAddressIsNamedWithItsLine() {
        List<String> p = problemsOf(Path.of("traces/table/t.ndjson"),
                HEADER.replace("context/load-read", "table/t").replace("\"kind\":\"context\"", "\"kind\":\"table\"")
                        .replace("\"contexts\":1", "\"contexts\":2"),
                "{\"op\":\"init\",\"kind\":\"table\",\"width\":64,\"size\":2}",
                "{\"op\":\"read\",\"addr\":0}");
        assertTrue(p.contains("3: addr: expected a hex string like \"0x0\" (VAL-HEX-1)"), p.toString());
    }

    @Test
    void anUnknownClauseIsRejectedOnLineOne() {
        List<String> p = problems(HEADER.replace("CTX-READ-1", "CTX-LOAD-9"), INIT, "{\"op\":\"load\",\"value\":\"0x1\"}",
                "{\"op\":\"read\"}");
        assertEquals(List.of("1: unknown clause CTX-LOAD-9"), p);
    }

    @Test
    void theIdMustMatchThePath() {
        List<String> p = problemsOf(Path.of("traces/context/other.ndjson"), HEADER, INIT,
                "{\"op\":\"load\",\"value\":\"0x1\"}", "{\"op\":\"read\"}");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("1: id \"context/load-read\" does not match the file path"), p.toString());
    }

    @Test
    void requiresOpsMustListExactlyTheOpsUsed() {
        List<String> p = problems(HEADER, INIT, "{\"op\":\"load\",\"value\":\"0x1\"}", "{\"op\":\"accum\",\"delta\":\"0x1\"}");
        assertEquals(List.of("1: requires.ops must list exactly the ops the steps use; missing [accum]; not used [read]"), p);
    }

    @Test
    void requiresWidthsMustMatchTheInits() {
        List<String> p = problems(HEADER, "{\"op\":\"init\",\"kind\":\"context\",\"width\":8}",
                "{\"op\":\"load\",\"value\":\"0x1\"}", "{\"op\":\"read\"}");
        assertTrue(p.get(0).startsWith("1: requires.widths is [64] but the steps create widths [8]"), p.toString());
    }

    @Test
    void framingProblemsAreNamed() {
        List<String> p = problems(HEADER, INIT, "", "// a comment", "{\"op\":\"read\"} {\"op\":\"read\"}",
                "[1]", "{\"op\":\"load\",\"value\":\"0x1\"}");
        assertTrue(p.contains("3: blank line (a trace has no blank lines)"), p.toString());
        assertTrue(p.contains("4: comment line (not allowed; explanations go in description or note)"), p.toString());
        assertTrue(p.contains("5: more JSON after the object ends: a line holds exactly one object"), p.toString());
        assertTrue(p.contains("6: expected one JSON object, found array"), p.toString());
    }

    @Test
    void stepRulesOfTraceStep1() {
        List<String> p = problems(HEADER.replace("\"read\"]", "\"read\",\"merge\"]"), INIT,
                "{\"op\":\"load\",\"addr\":\"0x0\",\"value\":\"0x1\"}",
                "{\"op\":\"read\",\"expect\":\"0x1\",\"expect_error\":\"BAD_WIDTH\"}",
                "{\"op\":\"read\",\"expect_error\":\"UNSUPPORTED\"}",
                "{\"op\":\"merge\",\"addr\":\"0x0\",\"from\":\"0x1\"}",
                "{\"op\":\"load\",\"value\":\"0x12345678901234567\"}",
                "{\"op\":\"load\",\"value\":\"0x1\",\"expect\":\"0x1\"}",
                "{\"op\":\"frobnicate\"}");
        assertTrue(p.contains("3: addr: a single context has no address (only tables and streams do)"), p.toString());
        assertTrue(p.contains("4: a step has at most one of expect and expect_error"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("5: expect_error:")), p.toString());
        assertTrue(p.contains("6: op merge does not apply to kind context (it applies to [table])"), p.toString());
        assertTrue(p.contains("7: value: expected a hex string like \"0x0\" (VAL-HEX-1)"), p.toString());
        assertTrue(p.contains("8: expect: load on a context returns no result (use expect_error, or nothing)"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("9: op: unknown op \"frobnicate\"")), p.toString());
    }

    @Test
    void anUnknownOpInRequiresIsNamedOnce() {
        List<String> p = problems(HEADER.replace("\"read\"]", "\"read\",\"bogus\"]"), INIT,
                "{\"op\":\"load\",\"value\":\"0x1\"}", "{\"op\":\"read\"}");
        assertEquals(List.of("1: header: requires.ops[3]: unknown op \"bogus\""), p);
    }

    @Test
    void anOpBeforeAnySuccessfulInitIsRejected() {
        List<String> p = problems(HEADER, "{\"op\":\"load\",\"value\":\"0x1\"}", INIT, "{\"op\":\"read\"}");
        assertEquals(List.of("2: load before any init that succeeds (nothing exists yet to operate on)"), p);
    }

    @Test
    void checkExpectationsAreValidated() {
        List<String> p = problems(HEADER.replace("\"read\"]", "\"read\",\"check\"]"), INIT,
                "{\"op\":\"load\",\"value\":\"0x1\"}", "{\"op\":\"read\"}",
                "{\"op\":\"check\",\"expect\":{\"cells\":[{\"state\":1}],\"epoch\":\"0x0\"}}",
                "{\"op\":\"check\",\"expect\":{}}");
        assertTrue(p.contains("5: expect.cells[0].state: expected a hex string like \"0x0\" (VAL-HEX-1)"), p.toString());
        assertTrue(p.contains("5: expect.epoch: only a stream has epoch"), p.toString());
        assertTrue(p.contains("6: check lists nothing to check"), p.toString());
    }

    @Test
    void checkExpandsIntoTheOpsItNeeds() throws Exception {
        Trace t = parse(FILE, HEADER.replace("\"read\"]", "\"check\"]"), INIT, "{\"op\":\"load\",\"value\":\"0x1\"}",
                "{\"op\":\"check\",\"expect\":{\"cells\":[{\"count\":\"0x0\"}]}}");
        assertEquals(Set.of("init", "load", "count"), t.protocolOps());
    }

    @Test
    void headerSchemaProblemsArePrefixed() {
        List<String> p = problems("{\"atomik_trace\":2}", INIT);
        assertFalse(p.isEmpty());
        assertTrue(p.stream().allMatch(s -> s.startsWith("1: header: ")), p.toString());
    }

    @Test
    void hexNormalisation() {
        assertEquals("0xa", Hex.normalise("0x000A"));
        assertEquals(-1L, Hex.parse("0xffffffffffffffff"));
        assertFalse(Hex.isValue("0x"));
        assertFalse(Hex.isValue("0x12345678901234567"));
        assertFalse(Hex.isBytes("abc"));
        assertEquals("00ff", Hex.formatBytes(Hex.parseBytes("00FF")));
    }
}
