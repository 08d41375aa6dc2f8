package dev.atomik.conformance.expectations;

import dev.atomik.conformance.runner.ExitCodes;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.TraceResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run compared with an expectations file: every trace's {@link Judgement} in run order, the
 * entries that match no trace of the run ({@code stale}: a warning, since a filtered run or a renamed
 * trace leaves them behind), and the exit code the run gets with the file.
 *
 * @param file       the expectations file, as the user named it (for the reports)
 * @param judgements one per trace of the run, in run order
 * @param stale      entries whose pattern matches no trace id of the run, in file order
 * @param exitCode   see {@link #exitCode(RunResult, List)}
 */
public record Comparison(Path file, List<Judgement> judgements, List<Expectation> stale, int exitCode) {

    public Comparison {
        judgements = List.copyOf(judgements);
        stale = List.copyOf(stale);
    }

    /** Judges every trace of {@code run} against {@code entries} (the trace entries of {@code file}). */
    public static Comparison of(RunResult run, List<Expectation> entries, Path file) {
        List<Judgement> judged = new ArrayList<>();
        for (TraceResult r : run.traces()) {
            judged.add(Judgement.of(r, Patterns.winner(entries, r.id())));
        }
        List<Expectation> stale = new ArrayList<>();
        for (Expectation e : entries) {
            if (run.traces().stream().noneMatch(r -> Patterns.matches(e.pattern(), r.id()))) {
                stale.add(e);
            }
        }
        return new Comparison(file, judged, stale, exitCode(run, judged));
    }

    /**
     * 2 whenever the run itself is a harness error (nothing executed, a malformed trace: an
     * expectation cannot excuse those); otherwise 1 on a new failure or an unexpected pass (the file
     * no longer describes the implementation, so CI must notice and someone must update it); else 0,
     * also when expected failures remain.
     */
    static int exitCode(RunResult run, List<Judgement> judged) {
        if (run.exitCode() == ExitCodes.HARNESS) {
            return ExitCodes.HARNESS;
        }
        boolean blocking = judged.stream()
                .anyMatch(j -> j.verdict() == Verdict.NEW_FAILURE || j.verdict() == Verdict.UNEXPECTED_PASS);
        return blocking ? ExitCodes.FAILED : ExitCodes.PASSED;
    }

    public List<Judgement> with(Verdict verdict) {
        return judgements.stream().filter(j -> j.verdict() == verdict).toList();
    }

    public List<Judgement> expected() {
        return with(Verdict.EXPECTED);
    }

    public List<Judgement> newFailures() {
        return with(Verdict.NEW_FAILURE);
    }

    public List<Judgement> unexpectedPasses() {
        return with(Verdict.UNEXPECTED_PASS);
    }
}
