package dev.atomik.conformance.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.golden.GoldenFiles;
import dev.atomik.spec.ClauseIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every MUST clause is cited by a trace or waived; conformance/COVERAGE.md is current. */
class CoverageTest {
    private static final Path TRACES = GoldenFiles.defaultTracesDir();
    private static final Path CONFORMANCE = TRACES.getParent();
    private static final Path REPO = CONFORMANCE.getParent();

    private static CoverageMatrix matrix() throws IOException {
        return CoverageMatrix.compute(ClauseIndex.load(), TRACES, CONFORMANCE.resolve("waivers.json"));
    }

    @Test
    void everyMustClauseHasATraceOrAWaiverAndEveryCitationResolves() throws IOException {
        List<String> problems = matrix().problems();
        assertTrue(problems.isEmpty(), "coverage problems:\n  " + String.join("\n  ", problems));
    }

    @Test
    void generatedCoverageIsCurrent() throws IOException {
        String expected = matrix().toMarkdown();
        Path file = CONFORMANCE.resolve("COVERAGE.md");
        if (Boolean.getBoolean("atomik.regenerate")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual,
                "conformance/COVERAGE.md is stale: run mvn -pl conformance test -Dtest=CoverageTest -Datomik.regenerate=true");
    }

    /** A waiver "checked by tests" is only honest if such tests exist and cite the clause. */
    @Test
    void testWaiversAreBackedByTestsCitingTheClause() throws IOException {
        List<Path> testSources = testSources();
        List<String> unbacked = new ArrayList<>();
        for (Waiver w : matrix().waivers().values()) {
            for (String named : w.checkedBy()) {
                Path file = REPO.resolve(named);
                if (!Files.isRegularFile(file) || !Files.readString(file).contains(w.clause())) {
                    unbacked.add(w.clause() + ": " + named + " is missing or does not cite the clause");
                }
            }
            if (w.kind() != Waiver.Kind.TESTS) {
                continue;
            }
            if (w.checkedBy().isEmpty()) {
                unbacked.add(w.clause() + ": a tests waiver must name the tests (checked_by)");
            }
            boolean cited = false;
            for (Path source : testSources) {
                if (Files.readString(source).contains(w.clause())) {
                    cited = true;
                    break;
                }
            }
            if (!cited) {
                unbacked.add(w.clause() + ": no test source in */src/test/java cites it");
            }
        }
        assertTrue(unbacked.isEmpty(), "waivers not backed by tests:\n  " + String.join("\n  ", unbacked));
    }

    @Test
    void unknownClausesAndUncoveredMustClausesAreReported(@TempDir Path dir) throws IOException {
        Path traces = Files.createDirectories(dir.resolve("traces/x"));
        Files.writeString(traces.resolve("t.ndjson"),
                "{\"atomik_trace\":1,\"id\":\"x/t\",\"clauses\":[\"CTX-LOAD-1\",\"CTX-LOAD-9\"]}\n{\"op\":\"init\"}\n");
        CoverageMatrix m = CoverageMatrix.compute(ClauseIndex.load(), dir.resolve("traces"), dir.resolve("none.json"));
        assertTrue(m.problems().contains("traces/x/t.ndjson:1: unknown clause CTX-LOAD-9"), m.problems().toString());
        assertTrue(m.problems().stream().anyMatch(p -> p.startsWith("CTX-SWAP-1 (MUST")), m.problems().toString());
        assertTrue(m.problems().stream().noneMatch(p -> p.startsWith("CTX-LOAD-1 ")), m.problems().toString());
        assertEquals(List.of("x/t"), m.traces("CTX-LOAD-1"));
    }

    private static List<Path> testSources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(REPO)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path tests = module.resolve("src/test/java");
                if (Files.isDirectory(tests)) {
                    try (Stream<Path> walk = Files.walk(tests)) {
                        walk.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
                    }
                }
            }
        }
        return out;
    }
}
