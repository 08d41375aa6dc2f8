package dev.atomik.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomik.conformance.adapters.model.ModelAdapter;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.trace.TraceParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three reports of one run with a pass, a failure and a malformed trace (TRACE-RESULT-1). */
class ReportsTest {
    private static RunResult run;

    @BeforeAll
    static void runMixedTraces() throws Exception {
        TraceLoader loader = new TraceLoader(TraceParser.withSpec());
        List<LoadedTrace> traces = new ArrayList<>();
        for (String dir : List.of("pass", "fail", "malformed")) {
            traces.addAll(loader.load(Path.of(ReportsTest.class.getResource("/runner/" + dir).toURI()), "context/"));
        }
        try (AdapterSession session = new AdapterSession("model", ModelAdapter::new, Duration.ofSeconds(5))) {
            run = new Runner().run(traces, session, RunListener.NONE);
        }
    }

    @Test
    void jsonReportHasSummaryTracesAndClauses() {
        JsonNode json = JsonReport.toJson(run);
        JsonNode summary = json.get("summary");
        assertEquals(1, summary.get("passed").asInt());
        assertEquals(1, summary.get("failed").asInt());
        assertEquals(0, summary.get("skipped").asInt());
        assertEquals(1, summary.get("errors").asInt());
        assertEquals(7 + 5, summary.get("steps").asInt());
        JsonNode failed = json.get("traces").get(1);
        assertEquals("context/wrong", failed.get("id").asText());
        assertEquals("fail", failed.get("status").asText());
        assertEquals(4, failed.get("failed_step").asInt());
        assertEquals("0x4", failed.get("expected").asText());
        assertEquals("0x3", failed.get("actual").asText());
        assertEquals("CTX-ACCUM-1", failed.get("clauses").get(0).asText());
        assertTrue(json.get("traces").get(0).get("reason").isNull());
        assertEquals("context/basic", json.get("clauses").get("CTX-LOAD-1").get(0).asText());
        assertEquals(2, json.get("clauses").get("CTX-ACCUM-1").size());
        assertEquals(2, json.get("summary").get("exit_code").asInt(), "a malformed trace is a harness error");
    }

    @Test
    void junitXmlIsSurefireShaped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXmlReport.write(run, out);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray()));
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        Element wrong = (Element) cases.item(1);
        assertEquals("context", wrong.getAttribute("classname"));
        assertEquals("wrong", wrong.getAttribute("name"));
        Element failure = (Element) wrong.getElementsByTagName("failure").item(0);
        assertEquals("step 4 (read): expected 0x4, actual 0x3 [CTX-ACCUM-1]", failure.getAttribute("message"));
        Element error = (Element) ((Element) cases.item(2)).getElementsByTagName("error").item(0);
        assertEquals("MALFORMED", error.getAttribute("type"));
    }

    @Test
    void consoleNamesTraceStepOpValuesAndClauses() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleReport.write(run, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("FAIL  context/wrong  step 4 (read): expected 0x4, actual 0x3  [CTX-ACCUM-1]"), text);
        assertTrue(text.contains("ERROR context/bad-addr  malformed trace: "), text);
        assertTrue(text.contains("1 passed, 1 failed, 0 skipped, 1 errors, 1 malformed; 12 steps"), text);
        assertTrue(text.startsWith("FAIL") && text.contains("\nERROR"), text);
    }
}
