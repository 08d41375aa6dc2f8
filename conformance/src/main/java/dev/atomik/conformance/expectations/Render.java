package dev.atomik.conformance.expectations;

import dev.atomik.conformance.runner.RunResult;
import java.util.ArrayList;
import java.util.List;

/** Text helpers of the update: the file's sections and how the adapter is named in notes. */
final class Render {
    private Render() {
    }

    /** {@code atomik-py 0.2.0} from the handshake, else the adapter spec ({@code process:./impl}). */
    static String adapterName(RunResult run) {
        return run.hello() == null ? run.adapter() : run.hello().name() + " " + run.hello().version();
    }

    /** Prologue, user lines, entries, removed entries: non-empty sections, one blank line between them. */
    static String file(FileLayout layout, List<String> entries, List<String> removed) {
        List<List<String>> sections = List.of(trimmed(layout.prologue()), trimmed(layout.userLines()),
                entries, removed);
        List<String> out = new ArrayList<>();
        for (List<String> section : sections) {
            if (section.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add("");
            }
            out.addAll(section);
        }
        return String.join("\n", out) + "\n";
    }

    /** Without leading and trailing blank lines, so rewriting a file twice does not grow it. */
    private static List<String> trimmed(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return lines.subList(from, to);
    }
}
