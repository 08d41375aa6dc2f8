package dev.atomik.conformance.report;

import dev.atomik.conformance.expectations.Comparison;
import dev.atomik.conformance.expectations.Expectation;
import dev.atomik.conformance.expectations.Judgement;
import dev.atomik.conformance.expectations.StatusNames;
import dev.atomik.conformance.runner.RunResult;
import java.io.PrintStream;
import java.util.List;

/**
 * The console report of a run with {@code --expectations}: the three sections (new failures first,
 * since they are what needs attention), stale entries as a warning, the skips, and the summary line
 * with the verdict the file gives. Every section is printed even when empty, so a CI log always says
 * "new failures (0)" rather than leaving the reader to infer it.
 */
public final class ExpectationsConsoleReport {
    private ExpectationsConsoleReport() {
    }

    public static void write(RunResult run, Comparison c, PrintStream out, boolean listSkips) {
        List<Judgement> fresh = c.newFailures();
        out.println("new failures (" + fresh.size() + ")");
        fresh.forEach(j -> out.println("  " + ConsoleReport.line(j.trace())
                + j.expectation().map(e -> "  (" + where(c, e) + " expects " + e.status() + ": " + e.reason() + ")")
                        .orElse("")));
        List<Judgement> expected = c.expected();
        out.println("expected failures (" + expected.size() + ")");
        expected.forEach(j -> out.println("  " + j.id() + "  " + StatusNames.of(j.trace().status()) + "  "
                + j.entry().reason() + link(j.entry())));
        List<Judgement> passes = c.unexpectedPasses();
        out.println("unexpected passes (" + passes.size() + ")");
        passes.forEach(j -> out.println("  " + j.id() + "  " + StatusNames.of(j.trace().status()) + "  expected "
                + j.entry().status() + ": " + j.entry().reason() + link(j.entry()) + "  (" + where(c, j.entry()) + ")"));
        if (!passes.isEmpty()) {
            out.println("  these traces pass now: run again with --update-expectations " + c.file()
                    + " to drop their entries (their lines are kept as comments)");
        }
        if (!c.stale().isEmpty()) {
            out.println("warning: " + c.stale().size() + " stale expectation" + (c.stale().size() == 1 ? "" : "s")
                    + " (matching no trace of this run):");
            c.stale().forEach(e -> out.println("  " + where(c, e) + ": " + e.pattern() + " " + e.status()));
        }
        ConsoleReport.writeSkips(run, out, listSkips);
        ConsoleReport.writeStop(run, out);
        run.noteLines().forEach(out::println);
        out.println(ConsoleReport.summary(run, c.exitCode()) + "; expectations " + c.file() + ": "
                + expected.size() + " expected, " + fresh.size() + " new failures, " + passes.size()
                + " unexpected passes");
    }

    private static String where(Comparison c, Expectation e) {
        return c.file() + ":" + e.line();
    }

    private static String link(Expectation e) {
        return e.link() == null ? "" : "  " + e.link();
    }
}
