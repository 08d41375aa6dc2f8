package dev.atomik.conformance.report;

import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.RunSummary;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.StepNote;
import dev.atomik.conformance.runner.TraceResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The human report: one line per failing or erroring trace (id, step, op, expected vs actual, the
 * clauses it checks), traces with the same fault collapsed into one line with a count
 * ({@link FaultGroups}), skip reasons grouped with their counts, why the run stopped early if it did,
 * then the summary line.
 */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    public static void write(RunResult run, PrintStream out, boolean listSkips) {
        for (FaultGroups.Group g : FaultGroups.of(run.traces())) {
            out.println(line(g.first()));
            later(g.first()).forEach(out::println);
            String repeats = FaultGroups.repeats(g);
            if (repeats != null) {
                out.println(repeats);
            }
        }
        writeSkips(run, out, listSkips);
        writeStop(run, out);
        run.noteLines().forEach(out::println);
        out.println(summary(run));
    }

    /** Why the run stopped early, when it did: one line, then the adapter's further words indented. */
    public static void writeStop(RunResult run, PrintStream out) {
        if (run.stop() != null) {
            stopLines(run.stop()).forEach(out::println);
        }
    }

    /** {@code STOP  the adapter failed its handshake, 151 traces not run: …}, then the detail's other lines. */
    static List<String> stopLines(dev.atomik.conformance.runner.RunStop stop) {
        List<String> lines = new ArrayList<>();
        lines.add("STOP  " + stop.describe());
        if (stop.detail() != null) {
            stop.detail().lines().skip(1).forEach(lines::add);
        }
        return lines;
    }

    /**
     * What did not count: the skipped traces (each one when {@code listSkips}, else each reason with
     * its count), the traces not exercised, and the check fields not observed.
     */
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
        // Not skips, but no evidence either: listed with the skips, where a reader looks for what did not count.
        for (TraceResult r : run.traces()) {
            if (r.status() == Status.NOT_EXERCISED) {
                out.println(line(r));
                r.account().harnessSteps().forEach(n -> out.println("      step " + n.step() + " (" + n.label()
                        + "): " + n.actual() + " from the harness"));
            }
        }
        notObserved(run, out);
    }

    /** The disagreements after the first one (--all-steps), indented under the trace's line. */
    public static List<String> later(TraceResult r) {
        List<String> lines = new ArrayList<>();
        for (StepNote n : r.account().divergences()) {
            if (n.afterFirstDivergence()) {
                lines.add("      step " + n.step() + " (" + n.label() + "): expected " + n.expected() + ", actual "
                        + n.actual() + (n.reason() == null ? "" : " (" + n.reason() + ")") + "  after first divergence");
            }
        }
        return lines;
    }

    /** One line per kind of unobservable field: how many fields, in how many traces. */
    private static void notObserved(RunResult run, PrintStream out) {
        Map<String, int[]> byReason = new TreeMap<>();
        for (TraceResult r : run.traces()) {
            Map<String, Integer> inTrace = new TreeMap<>();
            r.account().notObserved().forEach(n -> inTrace.merge(n.reason(), 1, Integer::sum));
            inTrace.forEach((reason, n) -> {
                int[] c = byReason.computeIfAbsent(reason, k -> new int[2]);
                c[0] += n;
                c[1]++;
            });
        }
        byReason.forEach((reason, c) -> out.println("not observed  " + c[0] + " check field" + (c[0] == 1 ? "" : "s")
                + " in " + c[1] + " trace" + (c[1] == 1 ? "" : "s") + ": " + reason + " (compared nowhere, passed nowhere)"));
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
        String exercised = s.notExercised() == 0 ? "" : ", " + s.notExercised() + " not exercised";
        String requests = String.format(Locale.ROOT, "; %d requests reached the implementation", s.reached())
                + (s.harness() == 0 ? "" : ", " + s.harness() + " answered by the harness");
        return String.format(Locale.ROOT, "%s %s: %d passed, %d failed, %d skipped, %d errors%s%s; %d steps in %.2f s%s%s",
                verdict, who, s.passed(), s.failed(), s.skipped(), s.errors(), exercised, malformed, s.steps(),
                run.nanos() / 1e9, requests, empty);
    }
}
