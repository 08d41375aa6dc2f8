package dev.atomik.conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomik.conformance.golden.GoldenFiles;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.spec.ClauseIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The golden traces catch every named mutant under the clause it violates, and the same interpreter
 * without a fault passes them all (so each mutant differs from a correct implementation only by its
 * fault). Writes conformance/selftest/CATCHES.md (regenerate-and-compare).
 */
class MutantSelfTest {
    private static final Path TRACES = GoldenFiles.defaultTracesDir();
    private static final Path SELFTEST = TRACES.getParent().resolve("selftest");
    private static List<LoadedTrace> traces;
    private static Map<Fault, List<TraceResult>> catches;
    private static Map<String, List<String>> expected;

    @BeforeAll
    static void runEveryMutant() throws Exception {
        traces = SelfTestRun.singleNodeTraces(TRACES);
        catches = SelfTestRun.runAll(traces);
        expected = new ObjectMapper().readValue(SELFTEST.resolve("expected.json").toFile(),
                new TypeReference<Map<String, List<String>>>() { });
    }

    @Test
    void theFaultFreeInterpreterPassesEveryTrace() {
        assertTrue(traces.size() >= 70, "expected at least 70 single-node traces, found " + traces.size());
        RunResult control = SelfTestRun.run(MutantAdapterProvider.CONTROL, traces);
        List<String> notPassed = control.traces().stream().filter(t -> t.status() != Status.PASS)
                .map(t -> t.id() + ": " + t.status().label() + " " + t.describe()).toList();
        assertTrue(notPassed.isEmpty(), "mutant:none must pass every trace:\n  " + String.join("\n  ", notPassed));
        assertEquals(traces.size(), control.summary().passed());
    }

    @Test
    void atLeastTenMutants() {
        assertTrue(Fault.values().length >= 10, "the self-test needs at least 10 mutants");
    }

    @Test
    void expectationsListEveryMutantAndCiteRealClauses() {
        ClauseIndex index = ClauseIndex.load();
        Set<String> names = Arrays.stream(Fault.values()).map(Fault::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, new TreeSet<>(expected.keySet()), "expected.json must name exactly the mutants");
        for (Fault f : Fault.values()) {
            assertTrue(index.contains(f.clause()), f.id() + " cites unknown clause " + f.clause());
            assertTrue(expected.get(f.id()).contains(f.clause()),
                    "expected.json for " + f.id() + " must include the clause it violates, " + f.clause());
            expected.get(f.id()).forEach(c -> assertTrue(index.contains(c), f.id() + ": unknown clause " + c));
        }
    }

    @Test
    void everyMutantFailsATraceCitingTheExpectedClauses() {
        List<String> escaped = new ArrayList<>();
        for (Fault f : Fault.values()) {
            List<TraceResult> caught = catches.get(f);
            if (caught.isEmpty()) {
                escaped.add(f.id() + ": no trace fails");
                continue;
            }
            List<String> notFail = caught.stream().filter(t -> t.status() != Status.FAIL)
                    .map(t -> t.id() + " " + t.status().label()).toList();
            if (!notFail.isEmpty()) {
                // A mutant is a wrong answer, never a protocol fault: an error here is a harness bug.
                escaped.add(f.id() + ": caught by error rather than failure: " + notFail);
            }
            Set<String> clauses = SelfTestRun.caughtClauses(caught);
            for (String clause : expected.getOrDefault(f.id(), List.of())) {
                if (!clauses.contains(clause)) {
                    escaped.add(f.id() + ": no failing trace cites " + clause + " (failing traces cite " + clauses + ")");
                }
            }
        }
        assertTrue(escaped.isEmpty(), "mutants not caught as expected:\n  " + String.join("\n  ", escaped));
    }

    /** Where the hand-kept part of CATCHES.md starts: the PIT scores (generated mutants). */
    static final String PIT_SECTION = "\n## Generated mutants (PIT)";

    @Test
    void catchesTableIsCurrent() throws Exception {
        assertFalse(catches.isEmpty());
        String generated = SelfTestRun.toMarkdown(catches, expected, traces.size());
        Path file = SELFTEST.resolve("CATCHES.md");
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        // The PIT scores are measured by another command (selftest/PIT.md) and kept by hand after the table.
        int tail = actual.indexOf(PIT_SECTION);
        String kept = tail < 0 ? "" : actual.substring(tail);
        actual = tail < 0 ? actual : actual.substring(0, tail);
        if (Boolean.getBoolean("atomik.regenerate")) {
            Files.writeString(file, generated + kept, StandardCharsets.UTF_8);
            actual = generated;
        }
        assertEquals(generated, actual,
                "conformance/selftest/CATCHES.md is stale: run mvn -pl conformance test -Dtest=MutantSelfTest -Datomik.regenerate=true");
    }
}
