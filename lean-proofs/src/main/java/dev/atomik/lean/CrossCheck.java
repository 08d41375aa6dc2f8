package dev.atomik.lean;

import dev.atomik.spec.ClauseIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ties every Lean theorem to Java-side twins that this build really checks, and says why not when it
 * cannot. The result lists one row per theorem and every {@link Finding} that must fail the build.
 */
public final class CrossCheck {
    /** One theorem with the outcome of each of its twins and the hash the pair has now ({@link TwinHash}). */
    public record Row(LeanTheorem theorem, List<TwinStatus> twins, String status, String hash) {
    }

    public record Result(List<Row> rows, List<Finding> findings, LakeBuild.Result lake, boolean keyReportPresent) {
        public boolean ok() {
            return findings.isEmpty();
        }
    }

    /** Everything the check reads; tests pass small fixtures. */
    public record Inputs(Path leanRoot, String rootModule, Path mappingFile, ClauseIndex clauses,
                         Path keyReport, Path tracesDir, Path twinSources, MethodTwinRunner methodRunner,
                         int minimumTheorems, boolean runLake) {
    }

    private CrossCheck() {
    }

    public static Result run(Inputs in) {
        LeanInventory inv = LeanInventory.scan(in.leanRoot(), in.rootModule(), in.clauses());
        List<Finding> findings = new ArrayList<>(inv.findings());
        TwinMapping mapping = TwinMapping.read(in.mappingFile());
        Optional<KeyReport> key = KeyReport.read(in.keyReport());
        // A report older than the model sources, partial, or without a result for every obligation
        // fails the check (its KeY twins are then not checked), rather than passing KeY twins on it.
        key.filter(r -> !r.rejection().isEmpty()).ifPresent(r -> findings.add(
                new Finding(Finding.Kind.KEY_REPORT_REJECTED, in.keyReport().toString(), r.rejection())));
        String mappingName = in.mappingFile().getFileName().toString();

        if (inv.theorems().size() < in.minimumTheorems()) {
            findings.add(new Finding(Finding.Kind.TOO_FEW_THEOREMS, in.leanRoot().toString(),
                    "found " + inv.theorems().size() + " theorems, expected at least " + in.minimumTheorems()));
        }
        Set<String> known = new LinkedHashSet<>();
        inv.theorems().forEach(t -> known.add(t.name()));
        for (String mapped : mapping.entries().keySet()) {
            if (!known.contains(mapped)) {
                findings.add(new Finding(Finding.Kind.STALE_MAPPING, mappingName,
                        mapped + " is mapped but no such theorem exists in the Lean sources; remove its entry"));
            }
        }

        // Run all method twins in one launcher session: faster, and one place to see failures.
        Set<String> methodRefs = new LinkedHashSet<>();
        for (TwinMapping.Entry e : mapping.entries().values()) {
            for (Twin t : e.twins()) {
                if (t.kind() == Twin.Kind.JQWIK || t.kind() == Twin.Kind.EXHAUSTIVE) {
                    methodRefs.add(t.ref());
                }
            }
        }
        Map<String, String> methodDetails = new LinkedHashMap<>();
        Map<String, Long> casesReported = new LinkedHashMap<>();
        Map<String, TwinStatus.State> methodStates = methodRefs.isEmpty() ? Map.of()
                : in.methodRunner().run(methodRefs, methodDetails, casesReported);
        SpecDefinitions specDefs = SpecDefinitions.scan(in.leanRoot(), in.rootModule() + "/Spec");

        List<Row> rows = new ArrayList<>();
        for (LeanTheorem th : inv.theorems()) {
            TwinMapping.Entry entry = mapping.entries().get(th.name());
            if (entry == null || entry.twins().isEmpty()) {
                findings.add(new Finding(Finding.Kind.NO_TWIN, th.location(),
                        th.name() + " has no twin in " + mappingName + " (statement hash " + th.hash() + ")"));
                rows.add(new Row(th, List.of(), "no twin", ""));
                continue;
            }
            TwinHash.Basis basis = TwinHash.of(th, specDefs, entry.twins(), mapping.smtPrelude(), in.twinSources(), in.tracesDir());
            if (!entry.confirmedHash().equals(basis.hash())) {
                findings.add(new Finding(Finding.Kind.HASH_MISMATCH, th.location(),
                        th.name() + " and its twins are stale: the statement, a Spec definition it reaches ("
                                + String.join(", ", basis.definitions()) + ") or a twin's source changed since the pair was"
                                + " confirmed (" + (entry.confirmedHash().isEmpty() ? "never" : entry.confirmedHash())
                                + ", now " + basis.hash() + "). Check that every twin still states the same proposition, then"
                                + " confirm: set \"confirmedHash\": \"" + basis.hash() + "\" in " + mappingName
                                + " (or mvn -pl lean-proofs test -Datomik.confirm=" + th.name() + ")"));
            }
            List<TwinStatus> statuses = new ArrayList<>();
            for (Twin t : entry.twins()) {
                statuses.add(switch (t.kind()) {
                    case Z3 -> Z3Check.check(t, mapping.smtPrelude());
                    case JQWIK -> new TwinStatus(t, methodStates.getOrDefault(t.ref(), TwinStatus.State.MISSING),
                            methodDetails.getOrDefault(t.ref(), ""));
                    case EXHAUSTIVE -> exhaustiveStatus(t, methodStates, methodDetails, casesReported);
                    case KEY -> key.map(r -> r.check(t)).orElse(new TwinStatus(t, TwinStatus.State.NOT_CHECKED,
                            "KeY report " + in.keyReport() + " is absent in this build"));
                    case TRACE -> traceStatus(t, in.tracesDir());
                });
            }
            boolean anyPassed = false;
            for (TwinStatus s : statuses) {
                anyPassed |= s.checkedAndPassed();
                if (s.state() == TwinStatus.State.FAIL) {
                    findings.add(new Finding(Finding.Kind.TWIN_FAILED, th.location(),
                            th.name() + ": twin " + s.twin().describe() + " failed: " + s.detail()));
                } else if (s.state() == TwinStatus.State.MISSING) {
                    findings.add(new Finding(Finding.Kind.TWIN_MISSING, th.location(),
                            th.name() + ": twin " + s.twin().describe() + " does not exist"
                                    + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")")));
                }
            }
            if (!anyPassed) {
                findings.add(new Finding(Finding.Kind.NO_CHECKED_TWIN, th.location(),
                        th.name() + " has no twin that is checked and passes in this build (z3, jqwik or exhaustive;"
                                + " a KeY twin counts only when model/target/key-report.json is present)"));
            }
            boolean bad = statuses.stream().anyMatch(s -> s.state() == TwinStatus.State.FAIL
                    || s.state() == TwinStatus.State.MISSING);
            rows.add(new Row(th, statuses, bad || !anyPassed ? "fail" : "pass", basis.hash()));
        }
        LakeBuild.Result lake = in.runLake() ? LakeBuild.run(in.leanRoot())
                : new LakeBuild.Result(LakeBuild.State.SKIPPED, "skipped: not requested");
        if (lake.state() == LakeBuild.State.FAILED) {
            findings.add(new Finding(Finding.Kind.LAKE_FAILED, in.leanRoot().toString(), lake.detail()));
        }
        return new Result(rows, findings, lake, key.isPresent());
    }

    /** An exhaustive twin passes only when it ran, passed and reported exactly its declared number of cases. */
    private static TwinStatus exhaustiveStatus(Twin t, Map<String, TwinStatus.State> states, Map<String, String> details,
                                               Map<String, Long> cases) {
        TwinStatus.State s = states.getOrDefault(t.ref(), TwinStatus.State.MISSING);
        if (s != TwinStatus.State.PASS) {
            return new TwinStatus(t, s, details.getOrDefault(t.ref(), ""));
        }
        Long counted = cases.get(t.ref());
        if (counted == null) {
            return new TwinStatus(t, TwinStatus.State.FAIL, "reported no case count (publish the report entry \"cases\")");
        }
        if (!counted.equals(t.cases())) {
            return new TwinStatus(t, TwinStatus.State.FAIL, "enumerated " + counted + " cases, its declared domain has "
                    + t.cases() + ": it does not enumerate what it claims");
        }
        return new TwinStatus(t, TwinStatus.State.PASS, counted + " cases, the whole declared domain");
    }

    private static TwinStatus traceStatus(Twin t, Path tracesDir) {
        Path file = tracesDir == null ? null : tracesDir.resolve(t.ref() + ".ndjson");
        if (file != null && Files.isRegularFile(file)) {
            return new TwinStatus(t, TwinStatus.State.PRESENT, "golden trace exists; run by the conformance module");
        }
        return new TwinStatus(t, TwinStatus.State.MISSING, "no file " + (file == null ? t.ref() : file));
    }

    /** All {@code .ndjson} trace ids under a folder (used by tests and tooling). */
    public static List<String> traceIds(Path tracesDir) {
        try (Stream<Path> walk = Files.walk(tracesDir)) {
            return walk.filter(p -> p.toString().endsWith(".ndjson"))
                    .map(p -> tracesDir.relativize(p).toString().replace('\\', '/').replaceAll("\\.ndjson$", ""))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
