package dev.atomik.conformance.expectations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.report.ExpectationsConsoleReport;
import dev.atomik.conformance.report.JUnitXmlReport;
import dev.atomik.conformance.report.JsonReport;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three report forms of a judged run: sections, counts and the exit code the file gives. */
class ExpectationsReportsTest {
    private static final RunResult RUN = new Runs().with("context/known", Status.FAIL)
            .with("context/new", Status.ERROR).with("context/fixed", Status.PASS).with("context/ok", Status.PASS).run();
    private static final Comparison COMPARED = Comparison.of(RUN, List.of(
            new Expectation("context/known", "fail", "https://tracker/7", "known bug", 2),
            new Expectation("context/fixed", "fail", "-", "was broken", 3),
            new Expectation("wire/gone", "fail", "-", "renamed", 4)), Path.of("exp.txt"));

    @Test
    void consoleSections() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ExpectationsConsoleReport.write(RUN, COMPARED, new PrintStream(buf, true, StandardCharsets.UTF_8), false);
        String text = buf.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("new failures (1)\n  ERROR context/new  step 2 (read)"), text);
        assertTrue(text.contains("expected failures (1)\n  context/known  fail  known bug  https://tracker/7\n"), text);
        assertTrue(text.contains("unexpected passes (1)\n  context/fixed  pass  expected fail: was broken  (exp.txt:3)\n"
                + "  these traces pass now: run again with --update-expectations exp.txt"), text);
        assertTrue(text.contains("warning: 1 stale expectation (matching no trace of this run):\n  exp.txt:4: wire/gone fail\n"),
                text);
        assertTrue(text.contains("FAILED model: 2 passed, 1 failed, 0 skipped, 1 errors"), text);
    }

    @Test
    void junitCountsWhatItShows() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        JUnitXmlReport.write(RUN, COMPARED, buf);
        String xml = buf.toString(StandardCharsets.UTF_8);
        assertTrue(xml.contains("tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"0\""), xml);
        assertTrue(xml.contains("<testcase name=\"known\" classname=\"context\" time=\"0.000\"><system-out>expected fail "
                + "(exp.txt:2): known bug https://tracker/7\nobserved fail: step 2 (read)"), xml);
        assertTrue(xml.contains("type=\"UNEXPECTED-PASS\""), xml);
        assertTrue(xml.contains("<property name=\"expectations\" value=\"exp.txt\"/>"), xml);
    }

    @Test
    void jsonCarriesTheListsAndTheExitCodeWithTheFile() {
        ObjectNode json = JsonReport.toJson(RUN, COMPARED);
        assertEquals(1, json.at("/summary/exit_code").asInt());
        assertEquals("context/new", json.at("/expectations/new_failures/0/id").asText());
        assertTrue(json.at("/expectations/new_failures/0/expected_status").isNull());
        assertEquals("fail", json.at("/expectations/unexpected_passes/0/expected_status").asText());
        assertEquals("https://tracker/7", json.at("/expectations/expected/0/link").asText());
        assertEquals("wire/gone", json.at("/expectations/stale/0/pattern").asText());
    }
}
