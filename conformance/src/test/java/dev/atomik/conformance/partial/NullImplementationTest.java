package dev.atomik.conformance.partial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapters.process.RepoRoot;
import dev.atomik.conformance.adapters.rtl.RtlAdapterProvider;
import dev.atomik.conformance.runner.AdapterCatalog;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.ExitCodes;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.trace.TraceParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A core that answers every operation with 0 must pass no trace, on every path: in process
 * ({@code mutant:null}) and in Verilog ({@code rtl:null}, whose bad-width and bad-size errors the
 * harness decides, so those traces are "not exercised", never passed). The process path is in
 * {@link PartialImplementationsTest}.
 */
class NullImplementationTest {
    private static final Path ROOT = RepoRoot.find();

    private static RunResult run(String name, Supplier<Adapter> opener) throws Exception {
        List<LoadedTrace> traces = new TraceLoader(TraceParser.withSpec()).load(ROOT.resolve("conformance/traces"), null);
        try (AdapterSession session = new AdapterSession(name, opener, Duration.ofSeconds(10))) {
            return new Runner().run(traces, session, RunListener.NONE);
        }
    }


    private static List<String> passed(RunResult run) {
        return run.traces().stream().filter(t -> t.status() == Status.PASS).map(TraceResult::id).toList();
    }

    @Test
    void theNullMutantPassesNoTrace() throws Exception {
        RunResult run = run("mutant:null", AdapterCatalog.discover().opener("mutant:null"));
        assertEquals(List.of(), passed(run));
        assertTrue(run.summary().failed() > 100, run.summary().toString());
        assertEquals(ExitCodes.FAILED, run.exitCode());
    }

    @Test
    void theNullCorePassesNoTraceAndItsHarnessDecidedTracesAreNotExercised() throws Exception {
        assumeTrue(Files.isRegularFile(ROOT.resolve("rtl/examples/atomik_core_null.v")));
        assumeTrue(Tools.onPath("iverilog"), "iverilog is not installed (CI installs it)");
        RunResult run = run("rtl:null", () -> new RtlAdapterProvider().open("null"));
        assertEquals(List.of(), passed(run));
        assertTrue(run.summary().notExercised() > 0, "bad width/size traces are decided by the harness: " + run.summary());
        for (TraceResult t : run.traces()) {
            if (t.status() == Status.NOT_EXERCISED) {
                assertEquals(0, t.account().reached(), t.id() + " had no step reach the core");
                assertTrue(t.account().harness() > 0, t.id());
            }
        }
        assertTrue(run.summary().harness() > 0 && run.summary().reached() > 0, run.summary().toString());
    }
}
