package dev.atomik.conformance.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomik.spec.Clause;
import dev.atomik.spec.ClauseIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Clause → traces, from the {@code clauses} of every trace header under a traces folder, plus the
 * waivers of {@code conformance/waivers.json}. Renders {@code conformance/COVERAGE.md} and lists the
 * problems that fail the build: an unknown clause ID in a header or a waiver, an unreadable header,
 * and a MUST clause with neither a trace nor a waiver.
 */
public final class CoverageMatrix {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClauseIndex index;
    private final Map<String, TreeSet<String>> tracesByClause = new TreeMap<>();
    private final Map<String, Waiver> waivers = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int traceCount;

    private CoverageMatrix(ClauseIndex index) {
        this.index = index;
    }

    /**
     * @param index   the spec's clauses
     * @param traces  the traces folder, searched recursively
     * @param waivers the waivers file (may be absent: no waivers)
     */
    public static CoverageMatrix compute(ClauseIndex index, Path traces, Path waivers) throws IOException {
        CoverageMatrix m = new CoverageMatrix(index);
        m.readTraces(traces);
        m.readWaivers(waivers);
        m.checkMustClauses();
        return m;
    }

    private void readTraces(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
        }
        for (Path file : files) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            String id = rel.substring(0, rel.length() - ".ndjson".length());
            JsonNode header;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String first = in.readLine();
                header = first == null ? null : JSON.readTree(first);
            } catch (IOException e) {
                header = null;
            }
            if (header == null || !header.path("clauses").isArray()) {
                problems.add("traces/" + rel + ":1: no readable header with a clauses list");
                continue;
            }
            traceCount++;
            for (JsonNode c : header.path("clauses")) {
                String clause = c.asText();
                if (!index.contains(clause)) {
                    problems.add("traces/" + rel + ":1: unknown clause " + clause);
                    continue;
                }
                tracesByClause.computeIfAbsent(clause, k -> new TreeSet<>()).add(id);
            }
        }
    }

    private void readWaivers(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        JsonNode root = JSON.readTree(file.toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String clause = e.getKey();
            if (!index.contains(clause)) {
                problems.add("waivers.json: unknown clause " + clause);
                continue;
            }
            String kind = e.getValue().path("kind").asText();
            String reason = e.getValue().path("reason").asText();
            Waiver.Kind k;
            try {
                k = Waiver.Kind.valueOf(kind.toUpperCase());
            } catch (IllegalArgumentException ex) {
                problems.add("waivers.json: " + clause + ": kind must be \"tests\" or \"partial\", not \"" + kind + "\"");
                continue;
            }
            if (reason.isBlank()) {
                problems.add("waivers.json: " + clause + ": a waiver needs a reason");
            }
            if (k == Waiver.Kind.PARTIAL && !tracesByClause.containsKey(clause)) {
                problems.add("waivers.json: " + clause + " is waived as partial but no trace cites it");
            }
            List<String> checkedBy = new ArrayList<>();
            e.getValue().path("checked_by").forEach(t -> checkedBy.add(t.asText()));
            waivers.put(clause, new Waiver(clause, k, reason, checkedBy));
        }
    }

    private void checkMustClauses() {
        for (Clause c : index.all()) {
            if (c.strength() == Clause.Strength.MUST && !tracesByClause.containsKey(c.id())
                    && !waivers.containsKey(c.id())) {
                problems.add(c.id() + " (MUST, " + c.file() + ") has no trace and no waiver");
            }
        }
    }

    /** Problems that fail the build; empty when coverage is complete. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public Map<String, Waiver> waivers() {
        return Map.copyOf(waivers);
    }

    /** Trace ids citing a clause (empty when none). */
    public List<String> traces(String clause) {
        return List.copyOf(tracesByClause.getOrDefault(clause, new TreeSet<>()));
    }

    public int traceCount() {
        return traceCount;
    }

    private static String waiverText(Waiver w) {
        StringBuilder text = new StringBuilder(w.kind().label()).append(": ").append(w.reason().replace("|", "\\|"));
        if (!w.checkedBy().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String path : w.checkedBy()) {
                names.add("`" + path.substring(path.lastIndexOf('/') + 1).replace(".java", "") + "`");
            }
            text.append(" (checked by ").append(String.join(", ", names)).append(")");
        }
        return text.toString();
    }

    /** The generated conformance/COVERAGE.md. */
    public String toMarkdown() {
        int must = 0;
        int mustTraced = 0;
        int mustWaivedOnly = 0;
        for (Clause c : index.all()) {
            if (c.strength() == Clause.Strength.MUST) {
                must++;
                if (tracesByClause.containsKey(c.id())) {
                    mustTraced++;
                } else if (waivers.containsKey(c.id())) {
                    mustWaivedOnly++;
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# Clause coverage\n\n")
          .append("Generated by `dev.atomik.conformance.coverage.CoverageMatrix` from the trace headers under\n")
          .append("`conformance/traces/` and from `conformance/waivers.json`; do not edit. Regenerate with\n")
          .append("`mvn -pl conformance test -Dtest=CoverageTest -Datomik.regenerate=true`.\n\n")
          .append(traceCount).append(" traces. MUST clauses: ").append(must).append("; cited by at least one trace: ")
          .append(mustTraced).append("; checked by tests instead (waived): ").append(mustWaivedOnly)
          .append("; uncovered: ").append(must - mustTraced - mustWaivedOnly).append(".\n\n")
          .append("| clause | strength | traces | waiver | traces citing it |\n|---|---|---|---|---|\n");
        for (Clause c : index.all()) {
            TreeSet<String> ids = tracesByClause.getOrDefault(c.id(), new TreeSet<>());
            Waiver w = waivers.get(c.id());
            md.append("| `").append(c.id()).append("` | ").append(c.strength()).append(" | ").append(ids.size())
              .append(" | ").append(w == null ? "" : waiverText(w))
              .append(" | ").append(ids.isEmpty() ? "—" : String.join(", ", ids)).append(" |\n");
        }
        return md.toString();
    }
}
