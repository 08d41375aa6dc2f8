package dev.atomik.model.proof;

import java.util.Locale;

/**
 * The progress line printed while KeY proves, at least every {@link #PERIOD_SECONDS}: how many
 * obligations are closed, how many are done, the time since proving started and an estimate of
 * the whole run. The estimate weights each obligation by its step budget (the costly ones have
 * the large budgets), so it is rough, and says so.
 */
final class Progress {
    static final int PERIOD_SECONDS = 30;

    private Progress() {
    }

    static String line(int closed, int done, int total, long doneBudget, long totalBudget, double elapsedSeconds) {
        String estimate = doneBudget <= 0 || done == 0 ? "no estimate yet"
                : String.format(Locale.ROOT, "estimate %.0f s in all", elapsedSeconds * totalBudget / (double) doneBudget);
        return String.format(Locale.ROOT, "KeY progress: %d of %d closed (%d done; %.0f s elapsed, %s)",
                closed, total, done, elapsedSeconds, estimate);
    }
}
