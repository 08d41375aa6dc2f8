package dev.atomik.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the clause headings of the Markdown spec ({@code ### CTX-LOAD-1 · MUST}) into an index that
 * traces, contracts, properties and theorems are checked against.
 */
public final class ClauseIndex {
    /** The spec files that may hold clauses, in reading order. A test keeps this list complete. */
    public static final List<String> FILES = List.of(
            "values.md", "context.md", "table.md", "stream.md", "wire.md", "errors.md",
            "replication.md", "non-guarantees.md", "trace-format.md", "adapter-protocol.md");

    /** A clause ID: upper-case words joined by '-', ending in a number. */
    public static final Pattern ID = Pattern.compile("[A-Z]+(?:-[A-Z]+)*-[0-9]+");
    private static final Pattern HEADING = Pattern.compile("^### (" + ID.pattern() + ") · (MUST|SHOULD|MAY)\\s*$");

    private final Map<String, Clause> byId;

    private ClauseIndex(Map<String, Clause> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** Reads the spec from a folder (the repository's {@code spec/}). */
    public static ClauseIndex fromDirectory(Path specDir) {
        Map<String, Clause> clauses = new LinkedHashMap<>();
        for (String file : FILES) {
            Path path = specDir.resolve(file);
            try {
                parse(file, Files.readString(path, StandardCharsets.UTF_8), clauses);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read spec file " + path, e);
            }
        }
        return new ClauseIndex(clauses);
    }

    /** Reads the copy of the spec packaged in this jar (for tools run outside the repository). */
    public static ClauseIndex fromClasspath() {
        Map<String, Clause> clauses = new LinkedHashMap<>();
        for (String file : FILES) {
            try (InputStream in = ClauseIndex.class.getResourceAsStream("/atomik-spec/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("spec file atomik-spec/" + file + " missing from the classpath");
                }
                parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8), clauses);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ClauseIndex(clauses);
    }

    /** The repository's spec folder when run from inside the repository, else the packaged copy. */
    public static ClauseIndex load() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path spec = dir.resolve("spec");
            if (Files.isRegularFile(spec.resolve("context.md"))) {
                return fromDirectory(spec);
            }
        }
        return fromClasspath();
    }

    static void parse(String file, String markdown, Map<String, Clause> into) {
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = HEADING.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].startsWith("#")) {
                text.append(lines[j]).append('\n');
                j++;
            }
            Clause clause = new Clause(m.group(1), Clause.Strength.valueOf(m.group(2)), file, i + 1, text.toString().trim());
            Clause earlier = into.putIfAbsent(clause.id(), clause);
            if (earlier != null) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": clause " + clause.id()
                        + " already defined at " + earlier.file() + ":" + earlier.line());
            }
        }
    }

    public Optional<Clause> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public List<Clause> all() {
        return new ArrayList<>(byId.values());
    }

    /** The generated index, spec/CLAUSES.md. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Clause index\n\n")
          .append("Generated from the spec's clause headings by `dev.atomik.spec.ClauseIndex`; do not edit.\n")
          .append("Regenerate with `mvn -pl spec test -Datomik.regenerate=true`.\n\n")
          .append("| ID | strength | file | summary |\n|---|---|---|---|\n");
        for (Clause c : byId.values()) {
            md.append("| `").append(c.id()).append("` | ").append(c.strength()).append(" | [")
              .append(c.file()).append("](").append(c.file()).append("#")
              .append(c.id().toLowerCase()).append("--").append(c.strength().name().toLowerCase())
              .append(") | ").append(c.summary().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }
}
