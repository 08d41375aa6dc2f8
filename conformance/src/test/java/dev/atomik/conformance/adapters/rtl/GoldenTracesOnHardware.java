package dev.atomik.conformance.adapters.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.trace.TraceParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs every golden trace through the runner against a hardware adapter and checks the verdict a
 * conforming device must get: every context and table trace passes, except those whose every
 * deciding step is an error the harness decides before the device sees anything (a bad width or
 * size): those are "not exercised", never passes. Everything else is skipped with a reason, nothing
 * fails or errors (PROTO-CAPS-1). Shared by the RTL and serial suites.
 */
public final class GoldenTracesOnHardware {
    private static final Set<String> HARDWARE_KINDS = Set.of("context", "table");

    private GoldenTracesOnHardware() {
    }

    /** conformance/traces, from the module folder (Maven) or the repository root. */
    public static Path tracesDir() {
        for (Path candidate : List.of(Path.of("traces"), Path.of("conformance/traces"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("conformance/traces not found from " + Path.of("").toAbsolutePath());
    }

    /**
     * @param harnessDecidesInitErrors true for the RTL harness, which rejects bad widths and sizes
     *                                 itself; false for a board, which answers them
     */
    public static void assertAllApplicablePass(String name, Supplier<Adapter> opener, boolean harnessDecidesInitErrors)
            throws IOException {
        List<LoadedTrace> traces = new TraceLoader(TraceParser.withSpec()).load(tracesDir(), null);
        RunResult result;
        try (AdapterSession session = new AdapterSession(name, opener, Duration.ofSeconds(5))) {
            result = new Runner().run(traces, session, RunListener.NONE);
        }
        long applicable = traces.stream().filter(t -> !t.isMalformed())
                .filter(t -> HARDWARE_KINDS.contains(t.trace().header().requires().kind())).count();
        assertTrue(applicable > 0, "no context or table trace under " + tracesDir());
        for (TraceResult t : result.traces()) {
            assertTrue(t.status() == Status.PASS || t.status() == Status.SKIP || t.status() == Status.NOT_EXERCISED,
                    t.id() + ": " + t.describe());
        }
        for (LoadedTrace t : traces) {
            boolean onlyInitErrors = t.trace().steps().stream()
                    .filter(s -> s.expect() != null || s.expectError() != null)
                    .allMatch(s -> s.op().equals("init") && s.expectError() != null);
            TraceResult r = result.traces().stream().filter(x -> x.id().equals(t.id())).findFirst().orElseThrow();
            if (r.status() != Status.SKIP) {
                assertEquals(harnessDecidesInitErrors && onlyInitErrors, r.status() == Status.NOT_EXERCISED,
                        t.id() + ": not exercised exactly when only harness-decided init errors decide it: "
                                + r.describe());
            }
        }
        assertEquals(applicable, result.summary().passed() + result.summary().notExercised(),
                name + ": every context/table trace must pass or be not exercised");
        assertTrue(result.summary().passed() > 50, name + ": " + result.summary());
        assertEquals(0, result.summary().failed());
        assertEquals(0, result.summary().errors());
    }
}
