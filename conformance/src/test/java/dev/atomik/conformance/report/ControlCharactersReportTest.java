package dev.atomik.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomik.conformance.adapters.process.ProcessAdapter;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.trace.TraceParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A real child process (src/test/resources/reports/control_chars.py) puts ANSI colour sequences, raw
 * bytes 0x00-0x1f and a lone surrogate into its name, its stderr and its replies; the session's own
 * name carries them too. The JUnit XML must still parse with the JDK's DOM parser, showing each
 * forbidden character visibly, and the JSON report must stay valid.
 */
class ControlCharactersReportTest {
    private static final String DIRTY_NAME = "process:\u001b[33mfake\u001b[0m\u0000\u0008\u001f\uffff";
    private static RunResult run;

    @TempDir
    Path tmp;

    @BeforeAll
    static void runAgainstTheNoisyAdapter() throws Exception {
        Path script = Path.of(ControlCharactersReportTest.class.getResource("/reports/control_chars.py").toURI());
        Path traces = Path.of(ControlCharactersReportTest.class.getResource("/runner/pass").toURI());
        List<LoadedTrace> loaded = new TraceLoader(TraceParser.withSpec()).load(traces, null);
        try (AdapterSession session = new AdapterSession(DIRTY_NAME, () -> ProcessAdapter.start(
                List.of("python3", script.toString()), script.getParent(), true, Duration.ofSeconds(10)),
                Duration.ofSeconds(5))) {
            run = new Runner().run(loaded, session, RunListener.NONE);
        }
    }

    @Test
    void theInputReallyCarriesForbiddenCharacters() {
        // Otherwise the parsing tests below would prove nothing.
        assertTrue(run.hello().name().contains("\u001b[31m") && run.hello().name().contains("\u0000")
                && run.hello().name().contains("\ud800"), run.hello().name());
        TraceResult crash = find("stream/drain");
        assertEquals(Status.ERROR, crash.status(), crash.describe());
        assertTrue(crash.reason().contains("\u001b[31m") && crash.reason().contains("\u0001"),
                "the stderr tail is in the reason: " + crash.reason());
        assertEquals(Status.ERROR, find("context/basic").status(), find("context/basic").describe());
    }

    @Test
    void junitXmlParsesAndShowsEachForbiddenCharacterVisibly() throws Exception {
        Path file = tmp.resolve("junit.xml");
        JUnitXmlReport.write(run, file);
        byte[] bytes = Files.readAllBytes(file);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        Element suite = doc.getDocumentElement();
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("process:\\x1b[33mfake\\x1b[0m\\x00\\x08\\x1f\\uffff)",
                suite.getAttribute("name").substring("atomik-conformance (".length()));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("fake \\x1b[31mred\\x1b[0m\\x00\\x07\\x1f\\ud800"), "hello name, escaped: " + text);
        assertTrue(text.contains("crashing \\x00\\x01\\x02"), "stderr tail, escaped: " + text);
        for (int c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                assertFalse(text.indexOf(c) >= 0, "raw control 0x" + Integer.toHexString(c) + " in the XML");
            }
        }
        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertTrue(error.getAttribute("message").length() > 0);
    }

    @Test
    void jsonReportStaysValid() throws Exception {
        Path file = tmp.resolve("report.json");
        JsonReport.write(run, file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(run.hello().name().replace("\ud800", "?").substring(0, 10),
                json.get("adapter").get("name").asText().substring(0, 10));
        JsonNode crash = null;
        for (JsonNode t : json.get("traces")) {
            if (t.get("id").asText().equals("stream/drain")) {
                crash = t;
            }
        }
        assertTrue(crash != null && crash.get("reason").asText().contains("\u001b[31m"),
                "JSON escapes the controls and decodes back to them: " + crash);
    }

    @Test
    void cleanEscapesExactlyWhatXmlForbids() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        String cleaned = XmlText.clean(all + "\ufffe\uffff\ud800x\udc00\ud83d\ude00é");
        assertTrue(cleaned.startsWith("\\x00\\x01"), cleaned);
        assertTrue(cleaned.contains("\\x08\t\n\\x0b\\x0c\r\\x0e"), cleaned);
        assertTrue(cleaned.endsWith("\\x1f\\ufffe\\uffff\\ud800x\\udc00\ud83d\ude00é"), "a pair and é are kept: " + cleaned);
        assertEquals("plain text", XmlText.clean("plain text"));
    }

    private static TraceResult find(String id) {
        return run.traces().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }
}
