package dev.atomik.conformance.report;

import dev.atomik.conformance.expectations.Comparison;
import dev.atomik.conformance.runner.RunResult;
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
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            RunSummary s = run.summary();
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "atomik-conformance (" + run.adapter() + ")");
            xml.writeAttribute("tests", Integer.toString(s.total()));
            xml.writeAttribute("failures", Long.toString(JUnitExpectations.count(shown, JUnitExpectations.Child.FAILURE)));
            xml.writeAttribute("errors", Long.toString(JUnitExpectations.count(shown, JUnitExpectations.Child.ERROR)));
            xml.writeAttribute("skipped", Long.toString(JUnitExpectations.count(shown, JUnitExpectations.Child.SKIPPED)));
            xml.writeAttribute("time", seconds(run.nanos()));
            xml.writeAttribute("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            xml.writeCharacters("\n  ");
            writeProperties(run, expectations, xml);
            for (int i = 0; i < run.traces().size(); i++) {
                xml.writeCharacters("\n  ");
                TraceResult r = run.traces().get(i);
                if (expectations == null || !JUnitExpectations.writeCase(expectations, expectations.judgements().get(i),
                        shown.get(i), xml)) {
                    writeCase(r, xml);
                }
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void writeProperties(RunResult run, Comparison expectations, XMLStreamWriter xml)
            throws XMLStreamException {
        xml.writeStartElement("properties");
        property(xml, "adapter", run.adapter());
        if (run.hello() != null) {
            property(xml, "adapter.name", run.hello().name());
            property(xml, "adapter.version", run.hello().version());
        }
        property(xml, "steps", Long.toString(run.summary().steps()));
        if (expectations != null) {
            property(xml, "expectations", expectations.file().toString());
        }
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value == null ? "" : value);
    }

    private static void writeCase(TraceResult r, XMLStreamWriter xml) throws XMLStreamException {
        String area = r.area();
        String name = r.id().length() > area.length() + 1 ? r.id().substring(area.length() + 1) : r.id();
        boolean empty = r.status() == dev.atomik.conformance.runner.Status.PASS && notes(r).isEmpty();
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", name);
        xml.writeAttribute("classname", area);
        xml.writeAttribute("time", seconds(r.nanos()));
        if (empty) {
            return;
        }
        if (r.status() == dev.atomik.conformance.runner.Status.PASS) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(notes(r));
            xml.writeEndElement();
            xml.writeEndElement();
            return;
        }
        String clauses = r.clauses().isEmpty() ? "" : " [" + String.join(", ", r.clauses()) + "]";
        switch (r.status()) {
            case FAIL:
                xml.writeStartElement("failure");
                xml.writeAttribute("message", r.describe() + clauses);
                xml.writeAttribute("type", "TRACE-RESULT-1");
                xml.writeCharacters(detail(r));
                xml.writeEndElement();
                break;
            case SKIP:
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", r.reason());
                break;
            case NOT_EXERCISED:
                // Not a pass: CI tools show skipped cases apart from passes, which is what this is.
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", "not exercised: " + r.reason());
                break;
            default:
                xml.writeStartElement("error");
                xml.writeAttribute("message", r.describe() + clauses);
                xml.writeAttribute("type", errorType(r));
                xml.writeCharacters(detail(r));
                xml.writeEndElement();
                break;
        }
        xml.writeEndElement();
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
