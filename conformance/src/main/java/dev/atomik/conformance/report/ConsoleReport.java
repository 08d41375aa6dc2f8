package dev.atomik.conformance.report;

import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.RunSummary;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceResult;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The human report: one line per failing or erroring trace (id, step, op, expected vs actual, the
 * clauses it checks), skip reasons grouped with their counts, then the summary line.
 */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    public static void write(RunResult run, PrintStream out, boolean listSkips) {
        for (TraceResult r : run.traces()) {
            if (r.status() == Status.FAIL || r.status() == Status.ERROR) {
                out.println(line(r));
            }
        }
        writeSkips(run, out, listSkips);
        out.println(summary(run));
    }

    /** The skipped traces: each one when {@code listSkips}, else each reason with its count. */
    static void writeSkips(RunResult run, PrintStream out, boolean listSkips) {
        Map<String, Integer> skips = new TreeMap<>();
        for (TraceResult r : run.traces()) {
            if (r.status() == Status.SKIP) {
                if (listSkips) {
                    out.println(line(r));
                }
                skips.merge(r.reason(), 1, Integer::sum);
            }
        }
        if (!listSkips) {
            skips.forEach((reason, n) -> out.println("skip  " + n + " trace" + (n == 1 ? "" : "s") + ": " + reason));
        }
    }

    /** {@code FAIL  context/load-read  step 3 (read): expected 0x1, actual 0x2  [CTX-LOAD-1]} */
    public static String line(TraceResult r) {
        String clauses = r.clauses().isEmpty() ? "" : "  [" + String.join(", ", r.clauses()) + "]";
        return String.format(Locale.ROOT, "%-5s %s  %s%s", r.status().label().toUpperCase(Locale.ROOT), r.id(),
                r.describe(), clauses);
    }

    public static String summary(RunResult run) {
        return summary(run, run.exitCode());
    }

    /** The summary line with the verdict of {@code exitCode} (an expectations file changes it). */
    public static String summary(RunResult run, int exitCode) {
        RunSummary s = run.summary();
        String who = run.hello() == null ? run.adapter()
                : run.adapter() + " (" + run.hello().name() + " " + run.hello().version() + ")";
        String verdict = switch (exitCode) {
            case 0 -> "PASSED";
            case 1 -> "FAILED";
            default -> "ERROR";
        };
        String empty = run.emptyReason() == null ? "" : "; " + run.emptyReason();
        String malformed = run.malformed() == 0 ? "" : ", " + run.malformed() + " malformed";
        return String.format(Locale.ROOT, "%s %s: %d passed, %d failed, %d skipped, %d errors%s; %d steps in %.2f s%s",
                verdict, who, s.passed(), s.failed(), s.skipped(), s.errors(), malformed, s.steps(),
                run.nanos() / 1e9, empty);
    }
}
