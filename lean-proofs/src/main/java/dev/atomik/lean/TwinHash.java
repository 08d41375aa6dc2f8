package dev.atomik.lean;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hash a pair (theorem, twins) is confirmed for: the theorem's statement, the text of every Spec
 * definition it reaches (transitively), and the source of each twin (the z3 text with its prelude, a
 * jqwik/exhaustive method's source, a golden trace's content, a KeY twin's reference). Changing any of
 * them changes the hash, and the harness reports the pair stale until someone re-confirms it.
 */
public final class TwinHash {
    private TwinHash() {
    }

    /** What went into a hash, for the stale message; {@code missing} names twin sources that could not be read. */
    public record Basis(String hash, List<String> definitions, List<String> missing) {
    }

    public static Basis of(LeanTheorem th, SpecDefinitions defs, List<Twin> twins, String smtPrelude,
                           Path twinSources, Path tracesDir) {
        StringBuilder sb = new StringBuilder("statement\n").append(th.statement()).append('\n');
        List<SpecDefinitions.Definition> reached = defs.reachedFrom(th.statement());
        for (SpecDefinitions.Definition d : reached) {
            sb.append("def ").append(d.fullName()).append('\n').append(d.text()).append('\n');
        }
        List<String> missing = new java.util.ArrayList<>();
        for (Twin t : twins) {
            sb.append("twin ").append(t.kind().label()).append(' ').append(t.ref()).append('\n');
            switch (t.kind()) {
                case Z3 -> sb.append(smtPrelude).append('\n').append(t.smt()).append('\n');
                case JQWIK, EXHAUSTIVE -> {
                    String src = methodSource(twinSources, t.ref());
                    if (src == null) {
                        missing.add(t.describe());
                    } else {
                        sb.append(src).append('\n');
                    }
                    if (t.cases() != null) {
                        sb.append("cases ").append(t.cases()).append('\n');
                    }
                }
                case TRACE -> {
                    Path f = tracesDir == null ? null : tracesDir.resolve(t.ref() + ".ndjson");
                    sb.append(f != null && Files.isRegularFile(f) ? read(f) : "(absent)").append('\n');
                }
                case KEY -> { }
            }
        }
        return new Basis(StatementHash.of(sb.toString()),
                reached.stream().map(SpecDefinitions.Definition::fullName).distinct().toList(), missing);
    }

    /**
     * The source of {@code pkg.Class#method} under {@code root}: from the Javadoc or annotations right
     * above the method's declaration to its closing brace; null when the file or method is not there.
     */
    static String methodSource(Path root, String ref) {
        if (root == null || ref == null || !ref.contains("#")) {
            return null;
        }
        String[] p = ref.split("#", 2);
        Path file = root.resolve(p[0].replace('.', '/') + ".java");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String text = read(file);
        Matcher m = Pattern.compile("\\b(?:void|[A-Za-z_<>\\[\\]]+)\\s+" + Pattern.quote(p[1]) + "\\s*\\(").matcher(text);
        if (!m.find()) {
            return null;
        }
        int start = text.lastIndexOf("\n\n", m.start());
        int open = text.indexOf('{', m.end());
        if (open < 0) {
            return null;
        }
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return StatementHash.normalize(text.substring(start < 0 ? 0 : start, i + 1));
            }
        }
        return null;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable)";
        }
    }
}
