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
    private static final MethodTwinRunner ALL_PASS = (refs, details, cases) -> {
        Map<String, TwinStatus.State> out = new java.util.HashMap<>();
        refs.forEach(r -> cases.put(r, r.contains("Miscounted") ? 3L : 4L));
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
        writeMapping(null, z3(COMM_SMT));
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
        if (kind.equals("exhaustive")) {
            t.put("cases", 4);
        }
        return t;
    }

    private void writeMapping(String hash, ObjectNode... twins) throws IOException {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("smtPrelude", "(define-sort W () (_ BitVec 64))");
        ObjectNode entry = root.putObject("theorems").putObject("Atomik.fx_comm");
        entry.put("confirmedHash", hash == null ? "" : hash);
        ArrayNode arr = entry.putArray("twins");
        for (ObjectNode t : twins) {
            arr.add(t);
        }
        om.writeValue(dir.resolve("twins.json").toFile(), root);
        if (hash == null) {
            TwinConfirm.confirm(dir.resolve("twins.json"), run(), "all");
        }
    }

    private CrossCheck.Result run() {
        return CrossCheck.run(new CrossCheck.Inputs(dir, "Atomik", dir.resolve("twins.json"), CLAUSES,
                dir.resolve("key-report.json"), dir.resolve("traces"), dir.resolve("twin-src"), ALL_PASS, 1, false));
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
        CrossCheck.Result r = run();
        assertOnly(r, Finding.Kind.HASH_MISMATCH, "are stale");
        assertOnly(r, Finding.Kind.HASH_MISMATCH, r.rows().get(0).hash());
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
        writeMapping(null);
        assertOnly(run(), Finding.Kind.NO_TWIN, "Atomik.fx_comm");
    }

    @Test
    void aMissingOrFailingMethodTwinFails() throws IOException {
        writeMapping(null, z3(COMM_SMT), twin("jqwik", "x.MissingTwins#gone"));
        assertOnly(run(), Finding.Kind.TWIN_MISSING, "MissingTwins#gone");
        writeMapping(null, z3(COMM_SMT), twin("exhaustive", "x.BrokenTwins#fails"));
        assertOnly(run(), Finding.Kind.TWIN_FAILED, "BrokenTwins#fails");
    }

    @Test
    void aFalseZ3TwinFailsWithACounterexample() throws IOException {
        writeMapping(null, z3("(declare-const a W)\n(declare-const b W)\n(assert (not (= (bvsub a b) (bvsub b a))))"));
        assertOnly(run(), Finding.Kind.TWIN_FAILED, "counterexample");
    }

    @Test
    void aZ3TwinWithContradictoryHypothesesFails() throws IOException {
        writeMapping(null, z3("(declare-const a W)\n(assert (= a (bvnot a)))\n(assert (not (= a a)))"));
        assertOnly(run(), Finding.Kind.TWIN_FAILED, "contradictory");
    }

    @Test
    void aKeyTwinAloneCountsOnlyWhenTheReportSaysClosed() throws IOException {
        writeMapping(null, twin("key", "Context#accum"));
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
        writeMapping(null, z3(COMM_SMT), twin("key", "Context#accum"));
        Files.writeString(dir.resolve("key-report.json"), KeyReportTest.report(modelSources(), "closed"));
        assertTrue(run().ok());
        Files.writeString(modelSources().resolve("Context.java"), "class Context { int edited; }\n");
        CrossCheck.Result stale = run();
        assertOnly(stale, Finding.Kind.KEY_REPORT_REJECTED, "older than the model sources");
        assertEquals(TwinStatus.State.NOT_CHECKED, stale.rows().get(0).twins().get(1).state());
    }

    @Test
    void aTraceTwinMustExistAndIsNeverTheOnlyTwin() throws IOException {
        writeMapping(null, z3(COMM_SMT), twin("trace", "algebra/nope"));
        assertOnly(run(), Finding.Kind.TWIN_MISSING, "algebra/nope");
        Files.createDirectories(dir.resolve("traces/algebra"));
        Files.writeString(dir.resolve("traces/algebra/comm.ndjson"), "{}\n");
        writeMapping(null, twin("trace", "algebra/comm"));
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
    void anExhaustiveTwinMustEnumerateItsDeclaredDomain() throws IOException {
        writeMapping(null, z3(COMM_SMT), twin("exhaustive", "x.MiscountedTwins#fewerCases"));
        assertOnly(run(), Finding.Kind.TWIN_FAILED, "enumerated 3 cases, its declared domain has 4");
        writeMapping(null, z3(COMM_SMT), twin("exhaustive", "x.CountedTwins#allCases"));
        assertTrue(run().ok(), "a twin that reports its declared count passes");
    }

    @Test
    void editingATwinsSourceMakesThePairStaleUntilConfirmed() throws IOException {
        Path src = dir.resolve("twin-src/x/FixTwins.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package x;\n\nclass FixTwins {\n\n    @Property\n    void comm(@ForAll long a, @ForAll long b) {\n"
                + "        assertEquals(a ^ b, b ^ a);\n    }\n}\n");
        writeMapping(null, z3(COMM_SMT), twin("jqwik", "x.FixTwins#comm"));
        assertTrue(run().ok(), "confirmed");
        Files.writeString(src, Files.readString(src).replace("b ^ a", "a ^ b"));
        CrossCheck.Result stale = run();
        assertOnly(stale, Finding.Kind.HASH_MISMATCH, "Atomik.fx_comm and its twins are stale");
        TwinConfirm.confirm(dir.resolve("twins.json"), stale, "Atomik.fx_comm");
        assertTrue(run().ok(), "re-confirmed");
    }

    @Test
    void editingASpecDefinitionTheStatementReachesMakesThePairStale() throws IOException {
        Files.createDirectories(dir.resolve("Atomik/Spec"));
        Files.writeString(dir.resolve("Atomik/Spec/Op.lean"), "namespace Atomik\n\n/-- XOR. -/\ndef op (a b : Word) : Word := a ^^^ b\n\nend Atomik\n");
        Files.writeString(dir.resolve("Atomik.lean"), "import Atomik.Spec.Op\nimport Atomik.Thm.Comm\n");
        String viaOp = "(a b : Word) : op a b = op b a";
        writeTheorem("Deltas commute. Clause: CTX-ALG-1.", viaOp, "exact BitVec.xor_comm a b");
        writeMapping(null, z3(COMM_SMT));
        assertTrue(run().ok(), "confirmed");
        Files.writeString(dir.resolve("Atomik/Spec/Op.lean"),
                Files.readString(dir.resolve("Atomik/Spec/Op.lean")).replace("a ^^^ b", "a &&& b"));
        assertOnly(run(), Finding.Kind.HASH_MISMATCH, "Atomik.op");
    }

    /** On a copy of the real Lean sources and mapping: redefining Ctx.accum makes exactly the pairs that reach it stale. */
    @Test
    void redefiningCtxAccumMakesItsTheoremsTwinsStaleInTheRealProject(@TempDir Path copy) throws IOException {
        Path lean = CrossCheckTest.LEAN;
        for (String top : List.of("Atomik", "src/test/java")) {
            try (java.util.stream.Stream<Path> walk = Files.walk(lean.resolve(top))) {
                for (Path p : walk.toList()) {
                    Path to = copy.resolve(lean.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
        }
        for (String f : List.of("Atomik.lean", "lakefile.lean", "twins.json")) {
            Files.copy(lean.resolve(f), copy.resolve(f));
        }
        MethodTwinRunner noRun = (refs, details, cases) -> {
            Map<String, TwinStatus.State> out = new java.util.HashMap<>();
            refs.forEach(r -> out.put(r, TwinStatus.State.PASS));
            return out;
        };
        java.util.function.Supplier<CrossCheck.Result> check = () -> CrossCheck.run(new CrossCheck.Inputs(copy, "Atomik",
                copy.resolve("twins.json"), CLAUSES, copy.resolve("no-key-report.json"),
                CrossCheckTest.REPO.resolve("conformance/traces"), copy.resolve("src/test/java"), noRun, 40, false));
        java.util.function.Function<CrossCheck.Result, java.util.Set<String>> stale = r -> r.findings().stream()
                .filter(f -> f.kind() == Finding.Kind.HASH_MISMATCH)
                .map(f -> f.message().substring(0, f.message().indexOf(' '))).collect(java.util.stream.Collectors.toSet());
        assertEquals(java.util.Set.of(), stale.apply(check.get()), "the committed mapping is confirmed");
        Path context = copy.resolve("Atomik/Spec/Context.lean");
        Files.writeString(context, Files.readString(context).replace("count := c.count + 1 }", "count := c.count + 2 }"));
        java.util.Set<String> after = stale.apply(check.get());
        for (String t : List.of("Atomik.Ctx.accum_read", "Atomik.Ctx.accum_count", "Atomik.Ctx.replicas_converge",
                "Atomik.DeltaStream.accum_read", "Atomik.Network.network_converges")) {
            assertTrue(after.contains(t), t + " reaches Ctx.accum and must be stale; stale: " + after);
        }
        for (String t : List.of("Atomik.delta_comm", "Atomik.cat8_split", "Atomik.mask_width_1")) {
            assertFalse(after.contains(t), t + " does not reach Ctx.accum; stale: " + after);
        }
    }

    @Test
    void aProofThatOnlyUnfoldsIsMarkedDefinitional() throws IOException {
        assertFalse(run().rows().get(0).theorem().definitional(), "a proof citing BitVec.xor_comm is not definitional");
        writeTheorem("Deltas commute. Clause: CTX-ALG-1.", STATEMENT, "first\n  | rfl\n  | exact BitVec.xor_comm a b");
        assertTrue(run().rows().get(0).theorem().definitional(), "first | rfl | … is definitional");
        writeTheorem("Deltas commute. Clause: CTX-ALG-1.", STATEMENT, "show a ^^^ b = b ^^^ a\n  unfold foo\n  exact if_pos rfl");
        assertTrue(run().rows().get(0).theorem().definitional(), "show, unfold and if_pos only");
        String table = CrossCheckReport.markdownTable(run());
        assertTrue(table.contains("**1 theorems, 0 of them more than a definition restated**"), table);
        assertTrue(table.contains("| `Atomik.fx_comm` | Deltas commute. *(definitional)* |"), table);
    }

    @Test
    void theReadmeTableIsReplacedBetweenItsMarkers() {
        String readme = "intro\n" + CrossCheckReport.TABLE_BEGIN + "\nold\n" + CrossCheckReport.TABLE_END + "\ntail\n";
        String table = CrossCheckReport.TABLE_BEGIN + "\nnew\n" + CrossCheckReport.TABLE_END + "\n";
        assertEquals("intro\n" + table + "tail\n", CrossCheckReport.withTable(readme, table));
    }
}
