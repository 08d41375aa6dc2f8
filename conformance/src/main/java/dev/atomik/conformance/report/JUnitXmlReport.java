package dev.atomik.conformance.report;

import dev.atomik.conformance.expectations.Comparison;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.RunStop;
import dev.atomik.conformance.runner.StepNote;
import dev.atomik.conformance.runner.RunSummary;
import dev.atomik.conformance.runner.TraceResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A Surefire-compatible JUnit XML report ({@code --junit FILE}), the format CI systems (GitHub
 * Actions reporters, GitLab, Jenkins) read: one {@code testsuite}, one {@code testcase} per trace with
 * {@code classname} = area and {@code name} = the rest of the id; a failure, skip or error child as
 * the status says.
 */
public final class JUnitXmlReport {

    private JUnitXmlReport() {
    }

    public static void write(RunResult run, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            write(run, out);
        }
    }

    public static void write(RunResult run, OutputStream out) throws IOException {
        write(run, null, out);
    }

    /** The report of a run judged against an expectations file ({@link JUnitExpectations} says how). */
    public static void write(RunResult run, Comparison expectations, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            write(run, expectations, out);
        }
    }

    /** @param expectations the comparison, or null for a run without an expectations file */
    public static void write(RunResult run, Comparison expectations, OutputStream out) throws IOException {
        List<JUnitExpectations.Shown> shown = JUnitExpectations.shown(run, expectations);
        try {
            XMLStreamWriter stream = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            stream.writeStartDocument("UTF-8", "1.0");
            XmlText.Writer xml = new XmlText.Writer(stream);
            xml.text("\n");
            RunSummary s = run.summary();
            xml.start("testsuite");
            xml.attribute("name", "atomik-conformance (" + run.adapter() + ")");
            int stopCase = run.stop() == null ? 0 : 1;
            xml.attribute("tests", Integer.toString(s.total() + stopCase));
            xml.attribute("failures", Long.toString(JUnitExpectations.count(shown, JUnitExpectations.Child.FAILURE)));
            xml.attribute("errors", Long.toString(JUnitExpectations.count(shown, JUnitExpectations.Child.ERROR) + stopCase));
            xml.attribute("skipped", Long.toString(JUnitExpectations.count(shown, JUnitExpectations.Child.SKIPPED)));
            xml.attribute("time", seconds(run.nanos()));
            xml.attribute("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            xml.text("\n  ");
            writeProperties(run, expectations, xml);
            for (int i = 0; i < run.traces().size(); i++) {
                xml.text("\n  ");
                TraceResult r = run.traces().get(i);
                if (expectations == null || !JUnitExpectations.writeCase(expectations, expectations.judgements().get(i),
                        shown.get(i), xml)) {
                    writeCase(r, xml);
                }
            }
            if (run.stop() != null) {
                xml.text("\n  ");
                writeStop(run, xml);
            }
            xml.text("\n");
            xml.end();
            xml.text("\n");
            stream.writeEndDocument();
            stream.flush();
            stream.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void writeProperties(RunResult run, Comparison expectations, XmlText.Writer xml)
            throws XMLStreamException {
        xml.start("properties");
        property(xml, "adapter", run.adapter());
        if (run.hello() != null) {
            property(xml, "adapter.name", run.hello().name());
            property(xml, "adapter.version", run.hello().version());
        }
        property(xml, "steps", Long.toString(run.summary().steps()));
        if (expectations != null) {
            property(xml, "expectations", expectations.file().toString());
        }
        xml.end();
    }

    private static void property(XmlText.Writer xml, String name, String value) throws XMLStreamException {
        xml.empty("property");
        xml.attribute("name", name);
        xml.attribute("value", value);
    }

    private static void writeCase(TraceResult r, XmlText.Writer xml) throws XMLStreamException {
        String area = r.area();
        String name = r.id().length() > area.length() + 1 ? r.id().substring(area.length() + 1) : r.id();
        boolean empty = r.status() == dev.atomik.conformance.runner.Status.PASS && notes(r).isEmpty();
        if (empty) {
            xml.empty("testcase");
        } else {
            xml.start("testcase");
        }
        xml.attribute("name", name);
        xml.attribute("classname", area);
        xml.attribute("time", seconds(r.nanos()));
        if (empty) {
            return;
        }
        if (r.status() == dev.atomik.conformance.runner.Status.PASS) {
            xml.start("system-out");
            xml.text(notes(r));
            xml.end();
            xml.end();
            return;
        }
        String clauses = r.clauses().isEmpty() ? "" : " [" + String.join(", ", r.clauses()) + "]";
        switch (r.status()) {
            case FAIL:
                xml.start("failure");
                xml.attribute("message", r.describe() + clauses);
                xml.attribute("type", "TRACE-RESULT-1");
                xml.text(detail(r));
                xml.end();
                break;
            case SKIP:
                xml.empty("skipped");
                xml.attribute("message", r.reason());
                break;
            case NOT_EXERCISED:
                // Not a pass: CI tools show skipped cases apart from passes, which is what this is.
                xml.empty("skipped");
                xml.attribute("message", "not exercised: " + r.reason());
                break;
            default:
                xml.start("error");
                xml.attribute("message", r.describe() + clauses);
                xml.attribute("type", errorType(r));
                xml.text(detail(r));
                xml.end();
                break;
        }
        xml.end();
    }

    /**
     * A run that stopped early gets one more testcase, {@code run/handshake} or {@code run/adapter-dead},
     * with an error: otherwise a run that ran nothing would show CI an empty, green suite.
     */
    private static void writeStop(RunResult run, XmlText.Writer xml) throws XMLStreamException {
        xml.start("testcase");
        xml.attribute("name", run.stop().cause() == RunStop.Cause.HANDSHAKE ? "handshake" : "adapter-dead");
        xml.attribute("classname", "run");
        xml.attribute("time", "0.000");
        xml.start("error");
        xml.attribute("message", run.stop().describe());
        xml.attribute("type", run.stop().cause() == RunStop.Cause.HANDSHAKE ? "HANDSHAKE" : "ADAPTER-DEAD");
        xml.text(run.stop().detail() + "\ntraces not run: " + run.stop().notRun() + "\n");
        xml.end();
        xml.end();
    }

    /** The fault kind (CRASH, TIMEOUT, ...), or MALFORMED for a trace that could not be read. */
    private static String errorType(TraceResult r) {
        String reason = r.reason() == null ? "" : r.reason();
        if (reason.startsWith("malformed")) {
            return "MALFORMED";
        }
        int end = 0;
        while (end < reason.length() && (Character.isUpperCase(reason.charAt(end)) || reason.charAt(end) == '_')) {
            end++;
        }
        return end > 0 ? reason.substring(0, end) : "ERROR";
    }

    static String detail(TraceResult r) {
        StringBuilder s = new StringBuilder();
        s.append("trace: ").append(r.id()).append('\n');
        s.append("file: ").append(r.file()).append('\n');
        if (r.failedStep() != null) {
            s.append("step: ").append(r.failedStep()).append(r.op() == null ? "" : " (" + r.op() + ")").append('\n');
        }
        if (r.expected() != null) {
            s.append("expected: ").append(r.expected()).append('\n');
        }
        if (r.actual() != null) {
            s.append("actual: ").append(r.actual()).append('\n');
        }
        if (r.reason() != null) {
            s.append("reason: ").append(r.reason()).append('\n');
        }
        s.append("clauses: ").append(String.join(", ", r.clauses())).append('\n');
        s.append(notes(r));
        return s.toString();
    }

    /** Not-observed fields, harness-decided steps and later divergences, one line each. */
    private static String notes(TraceResult r) {
        StringBuilder s = new StringBuilder();
        for (StepNote n : r.account().divergences()) {
            if (n.afterFirstDivergence()) {
                s.append("also step ").append(n.step()).append(" (").append(n.label()).append("): expected ")
                        .append(n.expected()).append(", actual ").append(n.actual())
                        .append(" (after first divergence)\n");
            }
        }
        for (StepNote n : r.account().harnessSteps()) {
            s.append("harness: step ").append(n.step()).append(" (").append(n.label()).append(") answered ")
                    .append(n.actual()).append(" by the harness, not the implementation\n");
        }
        for (StepNote n : r.account().notObserved()) {
            s.append("not observed: step ").append(n.step()).append(" (").append(n.label()).append("): ")
                    .append(n.reason()).append('\n');
        }
        return s.toString();
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
