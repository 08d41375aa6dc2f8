package dev.atomik.conformance.expectations;

import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code --update-expectations}: the expectations file rewritten so it describes a run, keeping
 * everything the user wrote (conformance/INTERPRETING.md §9.5).
 *
 * <ul>
 *   <li>Every trace that passed or counts as a failure ends up expected with the status it had: an
 *       entry that already says so is kept verbatim; an exact entry whose trace now fails differently
 *       gets the new status and keeps its link, reason and comments; a trace nobody described gets an
 *       exact entry with a placeholder reason.</li>
 *   <li>Skipped traces get no entry: a skip follows from the declared capabilities, it is not a
 *       difference to track. An existing entry for a skipped trace is kept, since a skip can neither
 *       confirm nor refute it.</li>
 *   <li>An entry whose traces all passed is removed from the entries but its line is kept as a
 *       comment at the end, under a dated note, so its reason and link are not lost.</li>
 *   <li>A glob keeps its place while it still describes one of its traces; its traces that now pass
 *       get an exact {@code pass} entry (the most specific entry wins).</li>
 *   <li>Entries that match no trace of this run (stale: a filtered run, a renamed trace) and
 *       {@code fuzz:} waivers are kept untouched.</li>
 * </ul>
 *
 * <p>Layout: the prologue (comments and header; a generated one for a new file), then the free
 * comments and fuzz lines in their order, then the trace entries sorted by pattern, each under its
 * own comments, then the removed entries.
 */
public final class ExpectationsUpdate {
    private static final String NO_LINK = "-";

    private ExpectationsUpdate() {
    }

    /**
     * What was done, and the new file text.
     *
     * @param text    the whole new file
     * @param added   new entries (placeholder reason)
     * @param changed entries whose status was rewritten
     * @param removed entries turned into comments because their traces passed
     * @param kept    entries left as they were
     */
    public record Update(String text, int added, int changed, int removed, int kept) {
    }

    /**
     * The file that describes {@code run}.
     *
     * @param lines       the existing file's lines (empty for a new file); must have parsed
     * @param entries     its trace entries, as {@link ExpectationsFile#traceEntries()} gives them
     * @param placeholder the reason of added entries ({@link #placeholder})
     * @param date        written into the note above removed entries
     */
    public static Update plan(RunResult run, List<String> lines, List<Expectation> entries, String placeholder,
                              String date) {
        FileLayout layout = lines.isEmpty()
                ? new FileLayout(generatedPrologue(run), List.of(), List.of())
                : FileLayout.of(lines, entries);
        List<FileLayout.EntryLines> kept = new ArrayList<>();
        List<String> keptLines = new ArrayList<>();
        List<FileLayout.EntryLines> removed = new ArrayList<>();
        int changed = 0;
        int unchanged = 0;
        for (FileLayout.EntryLines e : layout.entries()) {
            Decision d = decide(e.entry(), run, entries);
            switch (d.action()) {
                case REMOVE -> removed.add(e);
                case CHANGE -> {
                    Expectation x = e.entry();
                    Expectation now = new Expectation(x.pattern(), d.status(), x.link(), x.reason(), x.line());
                    kept.add(new FileLayout.EntryLines(now, e.comments(), render(now)));
                    changed++;
                }
                default -> {
                    kept.add(e);
                    unchanged++;
                }
            }
        }
        List<Expectation> active = new ArrayList<>(kept.stream().map(FileLayout.EntryLines::entry).toList());
        int added = 0;
        for (TraceResult t : run.traces()) {
            Optional<String> wanted = recordable(t);
            String effective = Patterns.winner(active, t.id()).map(Expectation::status)
                    .orElse(StatusNames.of(Status.PASS));
            if (wanted.isPresent() && !wanted.get().equals(effective)) {
                Expectation fresh = new Expectation(t.id(), wanted.get(), NO_LINK, placeholder, 0);
                active.add(fresh);
                kept.add(new FileLayout.EntryLines(fresh, List.of(), render(fresh)));
                added++;
            }
        }
        kept.sort(Comparator.comparing((FileLayout.EntryLines e) -> e.entry().pattern()));
        kept.forEach(e -> {
            keptLines.addAll(e.comments());
            keptLines.add(e.raw());
        });
        String text = Render.file(layout, keptLines, removedLines(removed, date, run));
        return new Update(text, added, changed, removed.size(), unchanged);
    }

    /** {@code observed in run 2024-05-01 against atomik-py 0.2.0}. */
    public static String placeholder(RunResult run, String date) {
        return "observed in run " + date + " against " + Render.adapterName(run);
    }

    /** The status a trace should be expected to have, or empty when it should get no entry (skips). */
    private static Optional<String> recordable(TraceResult t) {
        if (t.status() == Status.PASS || StatusNames.countsAsFailure(t)) {
            return Optional.of(StatusNames.of(t.status()));
        }
        return Optional.empty();
    }

    private enum Action { KEEP, CHANGE, REMOVE }

    private record Decision(Action action, String status) {
    }

    private static Decision decide(Expectation e, RunResult run, List<Expectation> all) {
        List<TraceResult> won = run.traces().stream()
                .filter(t -> Patterns.winner(all, t.id()).filter(w -> w == e).isPresent()).toList();
        if (won.isEmpty()) {
            return new Decision(Action.KEEP, e.status());
        }
        if (won.stream().allMatch(t -> t.status() == Status.PASS) && !e.status().equals(StatusNames.of(Status.PASS))) {
            return new Decision(Action.REMOVE, e.status());
        }
        if (Patterns.isGlob(e.pattern())) {
            return new Decision(Action.KEEP, e.status());
        }
        TraceResult t = won.get(0);
        Optional<String> wanted = recordable(t);
        if (wanted.isPresent() && !wanted.get().equals(e.status())) {
            return new Decision(Action.CHANGE, wanted.get());
        }
        return new Decision(Action.KEEP, e.status());
    }

    private static List<String> removedLines(List<FileLayout.EntryLines> removed, String date, RunResult run) {
        List<String> out = new ArrayList<>();
        if (removed.isEmpty()) {
            return out;
        }
        out.add("# Removed by --update-expectations on " + date + ": these traces passed against "
                + Render.adapterName(run) + ".");
        for (FileLayout.EntryLines e : removed) {
            out.addAll(e.comments());
            out.add("# " + e.raw());
        }
        return out;
    }

    private static String render(Expectation e) {
        return e.pattern() + " " + e.status() + " " + (e.link() == null ? ExpectationsFile.NO_LINK : e.link()) + " " + e.reason();
    }

    private static List<String> generatedPrologue(RunResult run) {
        return List.of(
                "# Known differences of " + Render.adapterName(run) + " from the ATOMiK golden traces,",
                "# tracked instead of blocking (conformance/INTERPRETING.md section 9). One entry a line:",
                "#   <trace-id or glob> <status> <link-or-dash> <reason>",
                "# 'atomik conformance run --expectations FILE' exits 0 while only these differences remain;",
                "# '--update-expectations FILE' rewrites the entries from a run and keeps reasons, links and comments.",
                "atomik-expectations 1");
    }
}
