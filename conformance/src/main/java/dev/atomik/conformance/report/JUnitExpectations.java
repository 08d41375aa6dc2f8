package dev.atomik.conformance.report;

import dev.atomik.conformance.expectations.Comparison;
import dev.atomik.conformance.expectations.Expectation;
import dev.atomik.conformance.expectations.Judgement;
import dev.atomik.conformance.expectations.StatusNames;
import dev.atomik.conformance.expectations.Verdict;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceResult;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * How the JUnit XML report shows a run judged against an expectations file.
 *
 * <p>An expected failure is a <em>passing</em> testcase whose {@code <system-out>} says what was
 * expected, why (the file's reason and link) and what the trace did. {@code system-out} rather than
 * testcase {@code <properties>}: Jenkins' JUnit plugin, GitLab's test report and the common GitHub
 * Actions JUnit reporters all show a testcase's system-out, while testcase-level properties are a
 * later Surefire extension most of them ignore. The testcase keeps its usual name so CI test history
 * stays continuous when a difference becomes expected or is fixed.
 *
 * <p>An unexpected pass is a {@code failure} of type {@code UNEXPECTED-PASS} (the file must be
 * updated, so CI must show it); new failures stay failures or errors exactly as without a file.
 */
final class JUnitExpectations {

    /** The child element a testcase gets, which is also what the testsuite counts. */
    enum Child { NONE, FAILURE, ERROR, SKIPPED }

    /** How one trace is shown. */
    enum Shown {
        PASSED(Child.NONE), EXPECTED(Child.NONE), FAILURE(Child.FAILURE), UNEXPECTED_PASS(Child.FAILURE),
        SKIPPED(Child.SKIPPED), ERROR(Child.ERROR);

        final Child child;

        Shown(Child child) {
            this.child = child;
        }
    }

    private JUnitExpectations() {
    }

    /** One per trace, in run order; {@code c} null means no expectations file. */
    static List<Shown> shown(RunResult run, Comparison c) {
        List<Shown> out = new ArrayList<>();
        for (int i = 0; i < run.traces().size(); i++) {
            Shown plain = plain(run.traces().get(i));
            Verdict v = c == null ? null : c.judgements().get(i).verdict();
            if (v == Verdict.UNEXPECTED_PASS) {
                out.add(Shown.UNEXPECTED_PASS);
            } else if (v == Verdict.EXPECTED && plain != Shown.SKIPPED) {
                out.add(Shown.EXPECTED);
            } else {
                out.add(plain);
            }
        }
        return out;
    }

    /** As without a file: the same mapping as {@link JUnitXmlReport}'s testcase writer. */
    private static Shown plain(TraceResult r) {
        if (r.status() == Status.PASS) {
            return Shown.PASSED;
        }
        if (r.status() == Status.FAIL) {
            return Shown.FAILURE;
        }
        return r.status() == Status.SKIP || r.status() == Status.NOT_EXERCISED ? Shown.SKIPPED : Shown.ERROR;
    }

    static long count(List<Shown> shown, Child child) {
        return shown.stream().filter(s -> s.child == child).count();
    }

    /** Writes the testcase when the file changes how it is shown; false leaves it to the plain writer. */
    static boolean writeCase(Comparison c, Judgement j, Shown shown, XmlText.Writer xml) throws XMLStreamException {
        if (shown != Shown.EXPECTED && shown != Shown.UNEXPECTED_PASS) {
            return false;
        }
        TraceResult r = j.trace();
        Expectation e = j.entry();
        String area = r.area();
        xml.start("testcase");
        xml.attribute("name", r.id().length() > area.length() + 1 ? r.id().substring(area.length() + 1) : r.id());
        xml.attribute("classname", area);
        xml.attribute("time", JUnitXmlReport.seconds(r.nanos()));
        String note = "expected " + e.status() + " (" + c.file() + ":" + e.line() + "): " + e.reason()
                + (e.link() == null ? "" : " " + e.link());
        if (shown == Shown.EXPECTED) {
            xml.start("system-out");
            xml.text(note + "\nobserved " + StatusNames.of(r.status()) + ": " + r.describe() + "\n"
                    + JUnitXmlReport.detail(r));
            xml.end();
        } else {
            xml.start("failure");
            xml.attribute("message", "passed, but " + note + "; run again with --update-expectations "
                    + c.file() + " to drop the entry");
            xml.attribute("type", "UNEXPECTED-PASS");
            xml.text(note + "\n");
            xml.end();
        }
        xml.end();
        return true;
    }
}
