package dev.atomik.conformance.expectations;

import dev.atomik.conformance.runner.RunSummary;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceResult;
import java.util.List;
import java.util.Locale;

/**
 * The bridge between the runner's {@link Status} and the status words of an expectations file,
 * written so that a status added to the enum later needs no change here.
 */
public final class StatusNames {
    private StatusNames() {
    }

    /**
     * The word an expectations file uses for a status: the constant's name in lower case
     * ({@code fail}, {@code not_exercised}), the same word as the JSON report's label.
     */
    public static String of(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the runner counts this trace against the run (exit code 1 without expectations).
     * Asked of {@link RunSummary} rather than listed here so the answer follows the runner's own
     * accounting for every status, including ones added after this class was written.
     */
    public static boolean countsAsFailure(TraceResult r) {
        RunSummary s = RunSummary.of(List.of(r));
        return s.failed() + s.errors() > 0;
    }
}
