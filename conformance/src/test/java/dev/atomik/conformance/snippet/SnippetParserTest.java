package dev.atomik.conformance.snippet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.adapters.model.ModelAdapter;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.trace.TraceParser;
import dev.atomik.spec.ClauseIndex;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example notation maps one statement onto one trace step, with the trace format's names. */
class SnippetParserTest {

    private static Snippet parse(String text) throws SnippetException {
        return new SnippetParser("snippet", true).parse(text);
    }

    private static List<String> steps(String text) throws SnippetException {
        return parse(text).steps().stream().map(s -> s.step().toString()).toList();
    }

    @Test
    void statementsBecomeTraceSteps() throws SnippetException {
        assertEquals(List.of("{\"op\":\"init\",\"kind\":\"context\",\"width\":8}", "{\"op\":\"load\",\"value\":\"0x1ff\"}",
                "{\"op\":\"accum\",\"delta\":\"0xf0f\"}", "{\"op\":\"read\",\"expect\":\"0xff\"}"),
                steps("ctx w=8; load 0x1ff; accum 0xf0f; read → 0xFF"));
        assertEquals(List.of("{\"op\":\"init\",\"kind\":\"table\",\"width\":64,\"size\":2}",
                "{\"op\":\"merge\",\"addr\":\"0x0\",\"from\":\"0x1\"}", "{\"op\":\"read\",\"addr\":\"0x4\",\"expect_error\":\"ADDRESS_OUT_OF_RANGE\"}"),
                steps("table w=64 n=2\nMERGE@0 from=1 (0 ← 1)\nREAD@4 -> `ADDRESS_OUT_OF_RANGE`"));
        assertEquals(List.of("{\"op\":\"init\",\"kind\":\"stream\",\"width\":64}",
                "{\"op\":\"apply\",\"addr\":\"0x3\",\"delta\":\"0x9\",\"seq\":\"0x1\"}",
                "{\"op\":\"drain\",\"expect\":[{\"addr\":\"0x1\",\"delta\":\"0x1\",\"seq\":\"0x1\"}]}"),
                steps("stream w=64; APPLY {addr 0x3, delta 0x9, seq 0x1}; DRAIN → [{addr 0x1, delta 0x1, seq 0x1}]"));
        assertEquals(List.of("{\"op\":\"encode\",\"addr\":\"0x0\",\"delta\":\"0x1\",\"seq\":\"0x1\",\"expect\":\"00000000000000000000000100000001\"}",
                "{\"op\":\"decode\",\"bytes\":\"\",\"expect_error\":\"BAD_LENGTH\"}"),
                steps("encode @0x0 0x1 0x1 → 00000000 0000000000000001 00000001; decode \"\" → BAD_LENGTH"));
    }

    @Test
    void badInputIsOneLineNamingTheStatement() {
        SnippetException op = assertThrows(SnippetException.class, () -> parse("ctx w=8\nlod 0x1"));
        assertTrue(op.getMessage().startsWith("snippet:2: \"lod 0x1\": unknown op \"lod\""), op.getMessage());
        SnippetException hex = assertThrows(SnippetException.class, () -> parse("ctx w=8; load 0x1g"));
        assertTrue(hex.getMessage().contains("value: bad hex \"0x1g\""), hex.getMessage());
        SnippetException wide = assertThrows(SnippetException.class, () -> parse("ctx w=8; load 0x11111111111111111"));
        assertTrue(wide.getMessage().contains("1 to 16 hex digits"), wide.getMessage());
        SnippetException width = assertThrows(SnippetException.class, () -> parse("ctx w=eight"));
        assertTrue(width.getMessage().contains("width: expected a decimal integer like 8, got \"eight\""), width.getMessage());
        SnippetException code = assertThrows(SnippetException.class, () -> parse("ctx w=8; read → NO_SUCH_CODE"));
        assertTrue(code.getMessage().contains("unknown error code NO_SUCH_CODE"), code.getMessage());
        SnippetException extra = assertThrows(SnippetException.class, () -> parse("ctx w=8; load 0x1 0x2"));
        assertTrue(extra.getMessage().contains("\"0x2\" is one too many"), extra.getMessage());
        assertThrows(SnippetException.class, () -> parse("ctx w=8; load 0x1 (never closed"));
        assertThrows(SnippetException.class, () -> parse("  "));
        for (SnippetException e : List.of(op, hex, wide, width, code, extra)) {
            assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }

    @Test
    void aSnippetRunsOnTheModelAndNamesTheDecidingClause() throws SnippetException {
        ClauseIndex index = ClauseIndex.load();
        try (AdapterSession model = new AdapterSession("model", ModelAdapter::new, Duration.ofSeconds(5))) {
            SnippetRun.Result r = new SnippetRun(new TraceParser(index::contains), model)
                    .run(parse("ctx w=8; load 0x1ff; accum 0xf0f; read; ctx w=65"), "snippet/test", null);
            assertEquals(List.of("ok", "ok", "ok", "0xf0", "error BAD_WIDTH"),
                    r.steps().stream().map(SnippetRun.StepResult::actual).toList());
            assertEquals("CTX-READ-1", r.steps().get(3).clause());
            assertEquals("VAL-WIDTH-1", r.steps().get(4).clause());
            assertTrue(r.statedResultsHold(), "nothing was stated");
            SnippetRun.Result wrong = new SnippetRun(new TraceParser(index::contains), model)
                    .run(parse("ctx w=8; load 0x1ff; read → 0x1ff"), "snippet/test", null);
            assertEquals("0xff", wrong.firstDisagreement().actual());
            assertTrue(!wrong.statedResultsHold());
        }
    }

    @Test
    void aStepTheTraceRulesRejectIsNamed() {
        ClauseIndex index = ClauseIndex.load();
        try (AdapterSession model = new AdapterSession("model", ModelAdapter::new, Duration.ofSeconds(5))) {
            SnippetException e = assertThrows(SnippetException.class, () -> new SnippetRun(new TraceParser(index::contains), model)
                    .run(parse("ctx w=8; merge @0 from=1"), "snippet/test", null));
            assertTrue(e.getMessage().startsWith("snippet:1: \"merge @0 from=1\": "), e.getMessage());
        }
    }

    @Test
    void everyDecidingClauseExists() {
        ClauseIndex index = ClauseIndex.load();
        for (String id : DecidingClause.all()) {
            assertTrue(index.contains(id), id);
        }
    }
}
