package dev.atomik.conformance.pit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * conformance/selftest/pit-accepted.tsv: the mutants no golden trace can kill, each with its reason.
 * Tab-separated columns: group ({@code DEFAULTS}, {@code STRONGER} or {@code *} for both), class,
 * method, line, index, mutator (short name), kind, reason (the key is that of {@link Mutant#key()}).
 * {@code #} starts a comment line. An equivalent mutant makes no observable difference (the reason
 * says why); an unreachable one sits in code the protocol never calls (the reason names the model
 * test that covers it instead). A {@code pinnable} entry is a known gap, not an excuse: a trace could
 * kill the mutant and none does yet; the reason names the trace it needs, and every run prints these
 * apart from the others so the gap stays visible.
 */
final class AcceptedMutants {
    static final Set<String> KINDS = Set.of("equivalent", "unreachable", "pinnable");

    record Entry(int fileLine, String group, String mutatedClass, String method, int line, int index, String mutator,
                 String kind, String reason) {
        boolean matches(String runGroup, Mutant m) {
            return (group.equals("*") || group.equals(runGroup)) && m.key().equals(key());
        }

        String key() {
            return mutatedClass + "\t" + method + "\t" + line + "\t" + index + "\t" + mutator;
        }
    }

    private final Path file;
    private final List<Entry> entries;

    private AcceptedMutants(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    Path file() {
        return file;
    }

    List<Entry> entries() {
        return entries;
    }

    static AcceptedMutants read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1);
            String[] cols = text.split("\t", -1);
            if (cols.length != 8) {
                throw new IOException(where + ": expected 8 tab-separated columns (group, class, method, line, "
                        + "index, mutator, kind, reason), found " + cols.length);
            }
            if (!cols[0].equals("*") && !cols[0].equals("DEFAULTS") && !cols[0].equals("STRONGER")) {
                throw new IOException(where + ": group must be DEFAULTS, STRONGER or *, not '" + cols[0] + "'");
            }
            int line;
            int index;
            try {
                line = Integer.parseInt(cols[3]);
                index = Integer.parseInt(cols[4]);
            } catch (NumberFormatException e) {
                throw new IOException(where + ": line and index must be numbers, not '" + cols[3] + "', '" + cols[4] + "'");
            }
            if (!KINDS.contains(cols[6])) {
                throw new IOException(where + ": kind must be equivalent, unreachable or pinnable, not '" + cols[6] + "'");
            }
            if (cols[7].isBlank()) {
                throw new IOException(where + ": every listed mutant needs a reason");
            }
            entries.add(new Entry(i + 1, cols[0], cols[1], cols[2], line, index, cols[5], cols[6], cols[7]));
        }
        return new AcceptedMutants(file, entries);
    }

    /** The entry accepting this mutant in this run, or null. */
    Entry find(String group, Mutant m) {
        return entries.stream().filter(e -> e.matches(group, m)).findFirst().orElse(null);
    }

    /** A row to paste into the file (kind and reason left for the author). */
    static String row(String group, Mutant m) {
        return group + "\t" + m.key() + "\t?\t? (" + m.description() + ", " + m.status() + ")";
    }
}
