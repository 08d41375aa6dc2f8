package dev.atomik.lean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The definitions under {@code Atomik/Spec/} (def, abbrev, structure, inductive), each with its source
 * text, and which of them a piece of Lean text reaches, transitively. Names are matched by their last
 * segment ({@code c.accum} reaches every {@code accum}): an over-approximation, so an edit can only make
 * more pairs stale, never fewer.
 */
public final class SpecDefinitions {
    private static final Pattern DECL = Pattern.compile(
            "^(?:@\\[[^\\]]*\\]\\s*)?(?:(?:private|protected|noncomputable)\\s+)*(def|abbrev|structure|inductive)\\s+([^\\s(:{\\[]+)");
    private static final Pattern STOP = Pattern.compile("^(?:/--|/-!|def |abbrev |structure |inductive |namespace |end |theorem |@\\[)");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_'.]*");

    /** One definition: its name's last segment, its full name, where it is and its text (whitespace collapsed). */
    public record Definition(String shortName, String fullName, String location, String text) {
    }

    private final Map<String, List<Definition>> byShortName = new LinkedHashMap<>();

    private SpecDefinitions() {
    }

    /** Reads every {@code .lean} file under {@code root/specFolder}; an absent folder holds no definitions. */
    public static SpecDefinitions scan(Path root, String specFolder) {
        SpecDefinitions defs = new SpecDefinitions();
        Path dir = root.resolve(specFolder);
        if (!Files.isDirectory(dir)) {
            return defs;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".lean")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        for (Path f : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
            defs.collect(root.relativize(f).toString().replace('\\', '/'), lines);
        }
        return defs;
    }

    private void collect(String rel, List<String> lines) {
        Deque<String> namespaces = new ArrayDeque<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("namespace ")) {
                namespaces.push(line.substring("namespace ".length()).trim());
                continue;
            }
            if (line.startsWith("end ") && !namespaces.isEmpty()) {
                namespaces.pop();
                continue;
            }
            Matcher m = DECL.matcher(line);
            if (!m.find()) {
                continue;
            }
            StringBuilder text = new StringBuilder(line).append('\n');
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).isBlank() && !STOP.matcher(lines.get(j)).find()) {
                text.append(lines.get(j)).append('\n');
                j++;
            }
            List<String> path = new ArrayList<>(namespaces);
            java.util.Collections.reverse(path);
            path.add(m.group(2));
            String full = String.join(".", path);
            String shortName = lastSegment(m.group(2));
            byShortName.computeIfAbsent(shortName, k -> new ArrayList<>())
                    .add(new Definition(shortName, full, rel + ":" + (i + 1), StatementHash.normalize(text.toString())));
            // A structure's fields and an inductive's constructors are reached through it.
            boolean hasFields = m.group(1).equals("structure") || m.group(1).equals("inductive");
            for (String field : hasFields ? fieldsOf(lines, i + 1, j) : List.<String>of()) {
                byShortName.computeIfAbsent(field, k -> new ArrayList<>())
                        .add(new Definition(field, full + "." + field, rel + ":" + (i + 1), StatementHash.normalize(text.toString())));
            }
            i = j - 1;
        }
    }

    private static List<String> fieldsOf(List<String> lines, int from, int to) {
        List<String> out = new ArrayList<>();
        Pattern field = Pattern.compile("^\\s+(?:\\|\\s*)?([A-Za-z_][A-Za-z0-9_']*)\\s*[:(]");
        for (int k = from; k < to; k++) {
            Matcher f = field.matcher(lines.get(k));
            if (f.find()) {
                out.add(f.group(1));
            }
        }
        return out;
    }

    private static String lastSegment(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** Every definition the text names, and every definition those name, and so on; sorted by full name and location. */
    public List<Definition> reachedFrom(String leanText) {
        Map<String, Definition> seen = new java.util.TreeMap<>();
        Deque<String> todo = new ArrayDeque<>(tokens(leanText));
        Set<String> visitedTokens = new TreeSet<>();
        while (!todo.isEmpty()) {
            String tok = todo.pop();
            if (!visitedTokens.add(tok)) {
                continue;
            }
            for (Definition d : byShortName.getOrDefault(tok, List.of())) {
                if (seen.putIfAbsent(d.fullName() + "@" + d.location(), d) == null) {
                    todo.addAll(tokens(d.text()));
                }
            }
        }
        return List.copyOf(seen.values());
    }

    private static Set<String> tokens(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = IDENT.matcher(text);
        while (m.find()) {
            for (String seg : m.group().split("\\.")) {
                if (!seg.isEmpty()) {
                    out.add(seg);
                }
            }
        }
        return out;
    }
}
