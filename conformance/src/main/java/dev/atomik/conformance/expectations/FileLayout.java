package dev.atomik.conformance.expectations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of an existing expectations file, grouped so a rewrite can reorder the trace entries
 * without losing a line the user wrote: the prologue (everything up to and including the header
 * line), each trace entry with the comment lines directly above it (no blank line between: they
 * describe that entry and move with it), and every other line (free comments, blank lines,
 * {@code fuzz:} waivers) in its original order.
 *
 * @param prologue  lines up to and including {@code atomik-expectations 1}
 * @param entries   trace entries in file order, each with its attached comments and raw line
 * @param userLines every other line after the header, in file order
 */
record FileLayout(List<String> prologue, List<EntryLines> entries, List<String> userLines) {

    /** A trace entry as written: its comment lines and the line itself, verbatim. */
    record EntryLines(Expectation entry, List<String> comments, String raw) {
    }

    /** Groups {@code lines} (the whole file) given its parsed trace entries, which carry their line numbers. */
    static FileLayout of(List<String> lines, List<Expectation> traceEntries) {
        Map<Integer, Expectation> byLine = new HashMap<>();
        traceEntries.forEach(e -> byLine.put(e.line(), e));
        int header = headerIndex(lines);
        List<String> prologue = new ArrayList<>(lines.subList(0, header + 1));
        List<EntryLines> entries = new ArrayList<>();
        List<String> user = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (int i = header + 1; i < lines.size(); i++) {
            Expectation entry = byLine.get(i + 1);
            if (entry == null) {
                pending.add(lines.get(i));
                continue;
            }
            int attached = pending.size();
            while (attached > 0 && isComment(pending.get(attached - 1))) {
                attached--;
            }
            user.addAll(pending.subList(0, attached));
            entries.add(new EntryLines(entry, List.copyOf(pending.subList(attached, pending.size())), lines.get(i)));
            pending.clear();
        }
        user.addAll(pending);
        return new FileLayout(prologue, entries, user);
    }

    /** Index of the header: the first line that is neither blank nor a comment (the parser checked it). */
    private static int headerIndex(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return i;
            }
        }
        throw new IllegalArgumentException("no header line; parse the file with ExpectationsFile.read first");
    }

    static boolean isComment(String line) {
        return line.strip().startsWith("#");
    }
}
