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
 * conforming device must get: every context and table trace passes, everything else is skipped
 * with a reason, nothing fails or errors (PROTO-CAPS-1). Shared by the RTL and serial suites.
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

    public static void assertAllApplicablePass(String name, Supplier<Adapter> opener) throws IOException {
        List<LoadedTrace> traces = new TraceLoader(TraceParser.withSpec()).load(tracesDir(), null);
        RunResult result;
        try (AdapterSession session = new AdapterSession(name, opener, Duration.ofSeconds(5))) {
            result = new Runner().run(traces, session, RunListener.NONE);
        }
        long applicable = traces.stream().filter(t -> !t.isMalformed())
                .filter(t -> HARDWARE_KINDS.contains(t.trace().header().requires().kind())).count();
        assertTrue(applicable > 0, "no context or table trace under " + tracesDir());
        for (TraceResult t : result.traces()) {
            assertTrue(t.status() == Status.PASS || t.status() == Status.SKIP, t.id() + ": " + t.describe());
        }
        assertEquals(applicable, result.summary().passed(), name + ": every context/table trace must pass");
        assertEquals(0, result.summary().failed());
        assertEquals(0, result.summary().errors());
    }
}
