package dev.atomik.model.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Statically proves every JML contract of the reference model with KeY 2.12.3, in every build.
 * One dynamic test per obligation (one JML spec case), named after it (Surefire's XML has one
 * testcase per obligation); the build fails when any stays open, when KeY cannot load the model,
 * or when KeY's obligations are not exactly the spec cases the source declares, method by method
 * ({@link SpecCaseCount}). While proving, a progress line at least every 30 s ({@link Progress}).
 * Results: console table, {@code key-report.json} and {@code key-proof-times.csv} in the build
 * directory. Set {@code -Datomik.key.only=DeltaStream_accum,Table_} to prove a subset while editing
 * contracts (the count check still sees every contract; the report marks the run as partial).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyProofsTest {
    private static KeyProver prover;
    private static String loadFailure;
    private static List<Obligation> obligations = List.of();
    private static Map<String, List<String>> citations = Map.of();
    private static final List<ProofResult> results = Collections.synchronizedList(new ArrayList<>());
    /** Shard 0 is proved in this JVM; shard i ≥ 1 by workers.get(i - 1), started before the first proof. */
    private static List<List<Obligation>> shards = List.of();
    private static final List<WorkerProcess> workers = new ArrayList<>();
    private static String workerFailure;
    private static List<Obligation> selected = List.of();
    private static java.util.concurrent.ScheduledExecutorService progress;

    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    /** The model's sources; {@code -Datomik.key.source=DIR} proves a copy instead (to try a variant while editing). */
    static Path sourceFolder() {
        String other = System.getProperty("atomik.key.source", "").strip();
        return other.isEmpty() ? moduleDir().resolve("src/main/java") : Path.of(other);
    }

    static Path buildDir() {
        String dir = System.getProperty("atomik.build.directory");
        return dir != null ? Path.of(dir) : moduleDir().resolve("target");
    }

    @BeforeAll
    static void loadModelOnce() {
        citations = ClauseCitations.bySignature(ClauseCitations.scan(sourceFolder()));
        try {
            prover = KeyProver.load(sourceFolder());
            prover.writeOpenGoalsTo(buildDir().resolve("key-open-goals"));
            obligations = prover.obligations();
        } catch (KeyLoadException e) {
            loadFailure = e.getMessage();
            return;
        }
        List<String> only = onlyFilter();
        selected = obligations.stream()
                .filter(o -> only.isEmpty() || only.stream().anyMatch(f -> o.id().startsWith(f) || o.id().contains(f)))
                .collect(Collectors.toList());
        shards = ProofShards.split(selected, workerCount(), KeyProofsTest::budget);
        try {
            for (int i = 1; i < shards.size(); i++) {
                if (!shards.get(i).isEmpty()) {
                    workers.add(WorkerProcess.start(i, shards.get(i), sourceFolder(), buildDir()));
                }
            }
        } catch (java.io.IOException e) {
            workerFailure = "could not start a KeY worker JVM: " + e;
        }
        startProgressLine();
    }

    /** Prints {@link Progress#line} every {@link Progress#PERIOD_SECONDS} until the reports are written. */
    private static void startProgressLine() {
        long start = System.nanoTime();
        long totalBudget = selected.stream().mapToLong(o -> budget(o.id())).sum();
        progress = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "key-progress");
            t.setDaemon(true);
            return t;
        });
        progress.scheduleAtFixedRate(() -> {
            Map<String, String> status = new java.util.HashMap<>();
            synchronized (results) {
                results.forEach(r -> status.put(r.obligation().id(), r.status()));
            }
            for (WorkerProcess w : workers) {
                for (String line : w.reportedLines()) {
                    String[] f = line.split("\t", 3);
                    if (f.length >= 2) {
                        status.put(f[0], f[1]);
                    }
                }
            }
            int closed = (int) status.values().stream().filter(ProofResult.CLOSED::equals).count();
            long doneBudget = status.keySet().stream().mapToLong(KeyProofsTest::budget).sum();
            System.out.println(Progress.line(closed, status.size(), selected.size(), doneBudget, totalBudget,
                    (System.nanoTime() - start) / 1e9));
        }, Progress.PERIOD_SECONDS, Progress.PERIOD_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * KeY is single-threaded, so the obligations are spread over this JVM and worker JVMs, one per
     * core (at most 4; {@code -Datomik.key.workers=N} to choose). Budgets are in steps, so the
     * verdicts do not depend on how many workers there are.
     */
    static int workerCount() {
        String set = System.getProperty("atomik.key.workers", "").strip();
        int n = set.isEmpty() ? Math.min(4, Runtime.getRuntime().availableProcessors()) : Integer.parseInt(set);
        return Math.max(1, n);
    }

    @Test
    @Order(1)
    void keyLoadsTheModelWithJavaIntegerSemantics() {
        if (loadFailure != null) {
            fail(loadFailure);
        }
        Map<String, String> active = prover.activeChoices();
        for (Map.Entry<String, String> option : KeyProver.TACLET_OPTIONS.entrySet()) {
            assertEquals(option.getValue(), active.get(option.getKey()), "taclet option " + option.getKey());
        }
    }

    @Test
    @Order(2)
    void theObligationsAreExactlyTheSpecCasesOfTheSource() {
        if (loadFailure != null) {
            fail(loadFailure);
        }
        Map<String, Integer> declared = JmlSource.specCases(JmlSource.scanFolder(sourceFolder()));
        List<String> differences = SpecCaseCount.differences(declared, obligations);
        assertTrue(differences.isEmpty(), "KeY found " + obligations.size() + " obligations, the source declares "
                + SpecCaseCount.total(declared) + " spec cases:\n  " + String.join("\n  ", differences));
        assertEquals(SpecCaseCount.total(declared), obligations.size());
    }

    @Test
    @Order(3)
    void everyRegistryEntryNamesAContract() {
        if (loadFailure != null) {
            fail(loadFailure);
        }
        Map<String, Obligation> byId = KeyProver.byId(obligations);
        List<String> stale = Stream.concat(ProofRegistry.PROVABLE.keySet().stream(), ProofRegistry.KNOWN_OPEN.keySet().stream())
                .filter(id -> !byId.containsKey(id)).collect(Collectors.toList());
        assertTrue(stale.isEmpty(), "ProofRegistry names obligations that no longer exist: " + stale + "; known: " + byId.keySet());
    }

    @TestFactory
    @Order(5)
    Stream<DynamicTest> everyObligationCloses() {
        if (loadFailure != null) {
            return Stream.of(DynamicTest.dynamicTest("KeY load", () -> fail(loadFailure)));
        }
        if (workerFailure != null) {
            return Stream.of(DynamicTest.dynamicTest("KeY workers", () -> fail(workerFailure)));
        }
        Stream<DynamicTest> here = shards.get(0).stream().map(o -> DynamicTest.dynamicTest(o.id(),
                () -> judge(o, prover.prove(o, clausesOf(o), budget(o.id())))));
        Stream<DynamicTest> elsewhere = workers.stream().flatMap(w -> shards.get(w.index).stream()
                .map(o -> DynamicTest.dynamicTest(o.id(), () -> judge(o, w.await(o, clausesOf(o))))));
        return Stream.concat(here, elsewhere);
    }

    private static List<String> clausesOf(Obligation o) {
        return citations.getOrDefault(o.signature(), List.of());
    }

    /** Records the result and passes, aborts (known-open) or fails the obligation's test. */
    private static void judge(Obligation o, ProofResult r) {
        results.add(r);
        System.out.printf("KeY %-48s %-6s %7d nodes %7.1f s %s%n", o.id(), r.status(), r.nodes(), r.seconds(), r.detail());
        if (ProofRegistry.isKnownOpen(o.id())) {
            if (r.closed()) {
                System.out.println("KeY " + o.id() + " now closes: move it to ProofRegistry.PROVABLE");
                return;
            }
            // Aborted, not passed: JUnit and Surefire show it as skipped, never as proved.
            throw new TestAbortedException(o.id() + " is known open (" + r.detail() + "; budget "
                    + r.maxSteps() + " steps): not proved, see spec/trust-ledger.md");
        }
        assertTrue(r.closed(), o.id() + " (" + o.signature() + ", " + o.keyName() + ") is " + r.status()
                + ": " + r.detail() + "; budget " + r.maxSteps() + " steps");
    }

    /**
     * The registry's budget, or {@code -Datomik.key.steps=N} for every obligation while a contract
     * is being reworked (the run is then marked partial, like a filtered one).
     */
    static int budget(String id) {
        String steps = System.getProperty("atomik.key.steps", "").strip();
        return steps.isEmpty() ? ProofRegistry.maxSteps(id) : Integer.parseInt(steps);
    }

    private static List<String> onlyFilter() {
        String only = System.getProperty("atomik.key.only", "").strip();
        return only.isEmpty() ? List.of() : Arrays.stream(only.split(",")).map(String::strip).collect(Collectors.toList());
    }

    @AfterAll
    static void writeReports() {
        if (progress != null) {
            progress.shutdownNow();
        }
        workers.forEach(WorkerProcess::stop);
        if (prover == null) {
            return;
        }
        try {
            List<ProofResult> done = new ArrayList<>(results);
            done.sort(java.util.Comparator.comparing(r -> r.obligation().id()));
            Path dir = buildDir();
            String table = ProofReport.table(done, prover.loadSeconds);
            System.out.println(table);
            Map<String, String> choices = prover.activeChoices();
            boolean partial = !onlyFilter().isEmpty() || !System.getProperty("atomik.key.steps", "").isBlank()
                    || !KeyProver.STRATEGY_OVERRIDES.isEmpty();
            ProofReport.Coverage coverage = new ProofReport.Coverage(sourceFolder().toString(), SourceHash.of(sourceFolder()),
                    obligations.stream().map(Obligation::id).sorted().collect(Collectors.toList()),
                    SpecCaseCount.total(JmlSource.specCases(JmlSource.scanFolder(sourceFolder()))), partial);
            ProofReport.write(dir.resolve("key-report.json"),
                    ProofReport.json(done, prover.loadSeconds, choices, prover.inheritedContracts(), coverage));
            ProofReport.write(dir.resolve("key-proof-times.csv"), ProofReport.csv(done));
            ProofReport.write(dir.resolve("key-report.txt"), table);
            if (partial) {
                Files.writeString(dir.resolve("key-report.json.PARTIAL"), "atomik.key.only=" + onlyFilter()
                        + " atomik.key.steps=" + System.getProperty("atomik.key.steps", "")
                        + " atomik.key.strategy=" + KeyProver.STRATEGY_OVERRIDES + "\n");
            } else {
                Files.deleteIfExists(dir.resolve("key-report.json.PARTIAL"));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            prover.close();
        }
    }
}
