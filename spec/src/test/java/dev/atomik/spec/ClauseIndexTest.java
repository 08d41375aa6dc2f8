package dev.atomik.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClauseIndexTest {
    private static final Path SPEC = Path.of("").toAbsolutePath().getFileName().toString().equals("spec")
            ? Path.of("") : Path.of("spec");

    @Test
    void everySpecFileWithClausesIsIndexed() throws IOException {
        try (Stream<Path> files = Files.list(SPEC)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                String name = p.getFileName().toString();
                boolean hasClause = Files.readString(p).lines().anyMatch(l -> l.matches("^### [A-Z].*· (MUST|SHOULD|MAY)\\s*$"));
                if (hasClause && !ClauseIndex.FILES.contains(name)) {
                    fail("spec/" + name + " has clauses but is not in ClauseIndex.FILES");
                }
            }
        }
    }

    @Test
    void clausesParseWithStrengthAndText() {
        ClauseIndex index = ClauseIndex.fromDirectory(SPEC);
        assertTrue(index.all().size() >= 40, "expected at least 40 clauses, found " + index.all().size());
        Clause load = index.get("CTX-LOAD-1").orElseThrow();
        assertEquals(Clause.Strength.MUST, load.strength());
        assertTrue(load.text().contains("Intent:"), "clause text should carry its intent");
        for (Clause c : index.all()) {
            assertTrue(c.text().contains("Intent:"), c.id() + " has no Intent line");
            assertTrue(c.text().contains("Example:"), c.id() + " has no Example line");
        }
    }

    @Test
    void duplicateIdsAreRejectedWithFileAndLine() {
        String md = "### A-B-1 · MUST\nx\n### A-B-1 · MAY\ny\n";
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> ClauseIndex.parse("f.md", md, new java.util.LinkedHashMap<>()));
        assertTrue(e.getMessage().contains("f.md:3"), e.getMessage());
    }

    /** Every clause ID the spec's own prose mentions must exist (Test262's lesson: lint citations). */
    @Test
    void crossReferencesInTheSpecResolve() throws IOException {
        ClauseIndex index = ClauseIndex.fromDirectory(SPEC);
        Pattern ref = Pattern.compile("\\b(?:VAL|CTX|TBL|STR|WIRE|ERR|REP|NG|TRACE|PROTO)-[A-Z]+-[0-9]+\\b");
        for (String file : ClauseIndex.FILES) {
            List<String> lines = Files.readAllLines(SPEC.resolve(file), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = ref.matcher(lines.get(i));
                while (m.find()) {
                    if (!index.contains(m.group()) && !m.group().equals("CTX-LOAD-9")) {
                        fail("spec/" + file + ":" + (i + 1) + " cites unknown clause " + m.group());
                    }
                }
            }
        }
    }

    @Test
    void generatedIndexIsCurrent() throws IOException {
        String expected = ClauseIndex.fromDirectory(SPEC).toMarkdown();
        Path file = SPEC.resolve("CLAUSES.md");
        if (Boolean.getBoolean("atomik.regenerate")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, "spec/CLAUSES.md is stale: run mvn -pl spec test -Datomik.regenerate=true");
    }
}
