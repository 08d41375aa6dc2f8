package dev.atomik.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.spec.ClauseIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way the harness must fail the build, on a one-theorem fixture project. */
class CrossCheckFailureModesTest {
    private static final ClauseIndex CLAUSES = ClauseIndex.fromDirectory(CrossCheckTest.REPO.resolve("spec"));
    private static final String STATEMENT = "(a b : Word) : a ^^^ b = b ^^^ a";
    private static final String COMM_SMT = "(declare-const a W)\n(declare-const b W)\n(assert (not (= (bvxor a b) (bvxor b a))))";
    private static final MethodTwinRunner ALL_PASS = (refs, details) -> {
        Map<String, TwinStatus.State> out = new java.util.HashMap<>();
        refs.forEach(r -> out.put(r, r.contains("Missing") ? TwinStatus.State.MISSING
                : r.contains("Broken") ? TwinStatus.State.FAIL : TwinStatus.State.PASS));
        return out;
    };

    @TempDir
    Path dir;

    @BeforeEach
    void writeFixture() throws IOException {
        Files.createDirectories(dir.resolve("Atomik/Thm"));
        Files.writeString(dir.resolve("Atomik.lean"), "import Atomik.Thm.Comm\n");
        writeTheorem("Deltas commute. Clause: CTX-ALG-1.", STATEMENT, "exact BitVec.xor_comm a b");
        writeMapping(StatementHash.of(STATEMENT), z3(COMM_SMT));
    }

    private void writeTheorem(String doc, String statement, String proof) throws IOException {
        Files.writeString(dir.resolve("Atomik/Thm/Comm.lean"), "namespace Atomik\n\n/-- " + doc + " -/\ntheorem fx_comm "
                + statement + " := by\n  " + proof + "\n\nend Atomik\n");
    }

    private static ObjectNode z3(String smt) {
        ObjectNode t = new ObjectMapper().createObjectNode();
        t.put("kind", "z3");
        t.put("smt", smt);
        return t;
    }

    private static ObjectNode twin(String kind, String ref) {
        ObjectNode t = new ObjectMapper().createObjectNode();
        t.put("kind", kind);
        t.put("ref", ref);
        return t;
    }

    private void writeMapping(String hash, ObjectNode... twins) throws IOException {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("smtPrelude", "(define-sort W () (_ BitVec 64))");
        ObjectNode entry = root.putObject("theorems").putObject("Atomik.fx_comm");
        entry.put("statementHash", hash);
        ArrayNode arr = entry.putArray("twins");
        for (ObjectNode t : twins) {
            arr.add(t);
        }
        om.writeValue(dir.resolve("twins.json").toFile(), root);
    }

    private CrossCheck.Result run() {
        return CrossCheck.run(new CrossCheck.Inputs(dir, "Atomik", dir.resolve("twins.json"), CLAUSES,
                dir.resolve("key-report.json"), dir.resolve("traces"), ALL_PASS, 1, false));
    }

    private static void assertOnly(CrossCheck.Result r, Finding.Kind kind, String fragment) {
        assertFalse(r.ok(), "expected the check to fail with " + kind);
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == kind && f.toString().contains(fragment)),
                "expected " + kind + " mentioning '" + fragment + "', got " + r.findings());
    }

    @Test
    void theFixtureAsWrittenPasses() {
        CrossCheck.Result r = run();
        assertTrue(r.ok(), r.findings().toString());
        assertEquals(TwinStatus.State.PASS, r.rows().get(0).twins().get(0).state());
        assertEquals(List.of("CTX-ALG-1"), r.rows().get(0).theorem().clauses());
    }

    @Test
    void aChangedStatementFailsAndPrintsTheNewHash() throws IOException {
        String changed = "(a b : Word) : b ^^^ a = a ^^^ b";
        writeTheorem("Deltas commute. Clause: CTX-ALG-1.", changed, "exact BitVec.xor_comm b a");
        assertOnly(run(), Finding.Kind.HASH_MISMATCH, StatementHash.of(changed));
    }

    @Test
    void reindentingAStatementKeepsItsHash() throws IOException {
        writeTheorem("Deltas commute. Clause: CTX-ALG-1.", "(a b : Word) :\n    a ^^^ b = b ^^^ a", "exact BitVec.xor_comm a b");
        assertTrue(run().ok());
    }

    @Test
    void sorryFailsWithFileAndLine() throws IOException {
        writeTheorem("Deltas commute. Clause: CTX-ALG-1.", STATEMENT, "sorry");
        assertOnly(run(), Finding.Kind.FORBIDDEN_WORD, "Atomik/Thm/Comm.lean:5");
    }

    @Test
    void nativeDecideAndAxiomsFail() throws IOException {
        writeTheorem("Deltas commute. Clause: CTX-ALG-1.", STATEMENT, "native_decide");
        assertOnly(run(), Finding.Kind.FORBIDDEN_WORD, "native_decide");
        Files.writeString(dir.resolve("Atomik/Thm/Comm.lean"), "\naxiom cheat : False\n", java.nio.file.StandardOpenOption.APPEND);
        assertOnly(run(), Finding.Kind.FORBIDDEN_WORD, "axiom");
    }

    @Test
    void aFileNotImportedFromTheRootFails() throws IOException {
        Files.writeString(dir.resolve("Atomik/Thm/Orphan.lean"), "namespace Atomik\nend Atomik\n");
        assertOnly(run(), Finding.Kind.NOT_IMPORTED, "Atomik.Thm.Orphan");
    }

    @Test
    void anUnknownClauseFails() throws IOException {
        writeTheorem("Deltas commute. Clause: CTX-NOPE-9.", STATEMENT, "exact BitVec.xor_comm a b");
        assertOnly(run(), Finding.Kind.UNKNOWN_CLAUSE, "CTX-NOPE-9");
    }

    @Test
    void aTheoremWithoutTwinFails() throws IOException {
        writeMapping(StatementHash.of(STATEMENT));
        assertOnly(run(), Finding.Kind.NO_TWIN, "Atomik.fx_comm");
    }

    @Test
    void aMissingOrFailingMethodTwinFails() throws IOException {
        writeMapping(StatementHash.of(STATEMENT), z3(COMM_SMT), twin("jqwik", "x.MissingTwins#gone"));
        assertOnly(run(), Finding.Kind.TWIN_MISSING, "MissingTwins#gone");
        writeMapping(StatementHash.of(STATEMENT), z3(COMM_SMT), twin("exhaustive", "x.BrokenTwins#fails"));
        assertOnly(run(), Finding.Kind.TWIN_FAILED, "BrokenTwins#fails");
    }

    @Test
    void aFalseZ3TwinFailsWithACounterexample() throws IOException {
        writeMapping(StatementHash.of(STATEMENT), z3("(declare-const a W)\n(declare-const b W)\n(assert (not (= (bvsub a b) (bvsub b a))))"));
        assertOnly(run(), Finding.Kind.TWIN_FAILED, "counterexample");
    }

    @Test
    void aZ3TwinWithContradictoryHypothesesFails() throws IOException {
        writeMapping(StatementHash.of(STATEMENT), z3("(declare-const a W)\n(assert (= a (bvnot a)))\n(assert (not (= a a)))"));
        assertOnly(run(), Finding.Kind.TWIN_FAILED, "contradictory");
    }

    @Test
    void aKeyTwinAloneCountsOnlyWhenTheReportSaysClosed() throws IOException {
        writeMapping(StatementHash.of(STATEMENT), twin("key", "Context#accum"));
        CrossCheck.Result absent = run();
        assertOnly(absent, Finding.Kind.NO_CHECKED_TWIN, "Atomik.fx_comm");
        assertEquals(TwinStatus.State.NOT_CHECKED, absent.rows().get(0).twins().get(0).state());
        Files.writeString(dir.resolve("key-report.json"), KeyReportTest.report(modelSources(), "closed"));
        assertTrue(run().ok());
        Files.writeString(dir.resolve("key-report.json"), KeyReportTest.report(modelSources(), "open"));
        assertOnly(run(), Finding.Kind.TWIN_FAILED, "not closed");
    }

    /** A stand-in for model/src/main/java that a KeY report can be about. */
    private Path modelSources() throws IOException {
        Path src = dir.resolve("model-src");
        Files.createDirectories(src);
        if (!Files.exists(src.resolve("Context.java"))) {
            Files.writeString(src.resolve("Context.java"), "class Context {}\n");
        }
        return src;
    }

    @Test
    void aKeyReportOlderThanTheModelSourcesFailsTheCheck() throws IOException {
        writeMapping(StatementHash.of(STATEMENT), z3(COMM_SMT), twin("key", "Context#accum"));
        Files.writeString(dir.resolve("key-report.json"), KeyReportTest.report(modelSources(), "closed"));
        assertTrue(run().ok());
        Files.writeString(modelSources().resolve("Context.java"), "class Context { int edited; }\n");
        CrossCheck.Result stale = run();
        assertOnly(stale, Finding.Kind.KEY_REPORT_REJECTED, "older than the model sources");
        assertEquals(TwinStatus.State.NOT_CHECKED, stale.rows().get(0).twins().get(1).state());
    }

    @Test
    void aTraceTwinMustExistAndIsNeverTheOnlyTwin() throws IOException {
        writeMapping(StatementHash.of(STATEMENT), z3(COMM_SMT), twin("trace", "algebra/nope"));
        assertOnly(run(), Finding.Kind.TWIN_MISSING, "algebra/nope");
        Files.createDirectories(dir.resolve("traces/algebra"));
        Files.writeString(dir.resolve("traces/algebra/comm.ndjson"), "{}\n");
        writeMapping(StatementHash.of(STATEMENT), twin("trace", "algebra/comm"));
        assertOnly(run(), Finding.Kind.NO_CHECKED_TWIN, "Atomik.fx_comm");
    }

    @Test
    void aMappingEntryForAVanishedTheoremFails() throws IOException {
        writeTheorem("Deltas commute. Clause: CTX-ALG-1.", STATEMENT, "exact BitVec.xor_comm a b");
        Files.writeString(dir.resolve("Atomik/Thm/Comm.lean"),
                Files.readString(dir.resolve("Atomik/Thm/Comm.lean")).replace("fx_comm", "fx_comm2"));
        assertOnly(run(), Finding.Kind.STALE_MAPPING, "Atomik.fx_comm");
    }

    @Test
    void aTheoremWithoutDocstringFails() throws IOException {
        Files.writeString(dir.resolve("Atomik/Thm/Comm.lean"), "namespace Atomik\ntheorem fx_comm " + STATEMENT
                + " := by\n  exact BitVec.xor_comm a b\nend Atomik\n");
        assertOnly(run(), Finding.Kind.NO_DOCSTRING, "Atomik.fx_comm");
    }

    @Test
    void theReadmeTableIsReplacedBetweenItsMarkers() {
        String readme = "intro\n" + CrossCheckReport.TABLE_BEGIN + "\nold\n" + CrossCheckReport.TABLE_END + "\ntail\n";
        String table = CrossCheckReport.TABLE_BEGIN + "\nnew\n" + CrossCheckReport.TABLE_END + "\n";
        assertEquals("intro\n" + table + "tail\n", CrossCheckReport.withTable(readme, table));
    }
}
