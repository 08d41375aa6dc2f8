package dev.atomik.lean;

import static org.junit.jupiter.api.Assertions.fail;

import dev.atomik.spec.ClauseIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cross-check harness of the build: every theorem in lean-proofs/ has a twin that passes in this
 * build, statements match their mapped hashes, no forbidden word, every file imported, clauses exist.
 * Writes {@code target/crosscheck.json}; keeps the table in {@code lean-proofs/README.md} current
 * (regenerate with {@code -Datomik.regenerate=true}).
 */
class CrossCheckTest {
    static final Path LEAN = Files.isRegularFile(Path.of("lakefile.lean")) ? Path.of("").toAbsolutePath()
            : Path.of("lean-proofs").toAbsolutePath();
    static final Path REPO = LEAN.getParent();

    @Test
    void everyTheoremHasAPassingTwin() throws IOException {
        Path keyReport = Path.of(System.getProperty("atomik.lean.keyReport",
                REPO.resolve("model/target/key-report.json").toString()));
        CrossCheck.Inputs in = new CrossCheck.Inputs(LEAN, "Atomik", LEAN.resolve("twins.json"),
                ClauseIndex.fromDirectory(REPO.resolve("spec")), keyReport, REPO.resolve("conformance/traces"),
                LEAN.resolve("src/test/java"), new JUnitTwinRunner(), 40, true);
        CrossCheck.Result result = CrossCheck.run(in);

        Path buildDir = Path.of(System.getProperty("atomik.lean.buildDir", LEAN.resolve("target").toString()));
        Path json = buildDir.resolve("crosscheck.json");
        CrossCheckReport.writeJson(result, json);

        String confirm = System.getProperty("atomik.confirm", "");
        if (!confirm.isBlank()) {
            List<String> confirmed = TwinConfirm.confirm(LEAN.resolve("twins.json"), result, confirm);
            System.out.println("Lean cross-check: confirmed " + confirmed.size() + " pair(s): " + confirmed
                    + "; run again without -Datomik.confirm to check");
            result = CrossCheck.run(in);
        }
        List<Finding> findings = new ArrayList<>(result.findings());
        Path readme = LEAN.resolve("README.md");
        String current = Files.readString(readme, StandardCharsets.UTF_8);
        String expected = CrossCheckReport.withTable(current, CrossCheckReport.markdownTable(result));
        if (Boolean.getBoolean("atomik.regenerate")) {
            Files.writeString(readme, expected, StandardCharsets.UTF_8);
        } else if (!expected.equals(current)) {
            findings.add(new Finding(Finding.Kind.STALE_README, "lean-proofs/README.md",
                    "the theorem table is stale: run mvn -pl lean-proofs test -Datomik.regenerate=true"));
        }

        // The repository README states the counts in prose; they must match the inventory.
        long definitional = result.rows().stream().filter(r -> r.theorem().definitional()).count();
        String rootReadme = Files.readString(REPO.resolve("README.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        String line = result.rows().size() + " theorems in `lean-proofs/`, " + (result.rows().size() - definitional)
                + " of them more than a definition restated (the other " + definitional + " are marked *(definitional)*)";
        if (!rootReadme.contains(line)) {
            findings.add(new Finding(Finding.Kind.STALE_README, "README.md",
                    "the Lean line must read \"" + line + "\" (the counts of this build)"));
        }
        Map<Twin.Kind, Integer> passed = new EnumMap<>(Twin.Kind.class);
        for (CrossCheck.Row row : result.rows()) {
            for (TwinStatus s : row.twins()) {
                if (s.checkedAndPassed()) {
                    passed.merge(s.twin().kind(), 1, Integer::sum);
                }
            }
        }
        System.out.println("Lean cross-check: " + result.rows().size() + " theorems; twins passed " + passed
                + "; KeY report " + (result.keyReportPresent() ? "present" : "absent (key twins not checked)")
                + "; lake build " + result.lake().detail() + "; report " + json);
        if (!findings.isEmpty()) {
            StringBuilder sb = new StringBuilder("Lean cross-check failed (" + findings.size() + "):\n");
            findings.forEach(f -> sb.append("  ").append(f).append('\n'));
            fail(sb.toString());
        }
    }
}
