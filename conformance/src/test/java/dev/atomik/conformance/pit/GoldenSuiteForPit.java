package dev.atomik.conformance.pit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.adapters.model.ModelAdapter;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.runner.TraceSource;
import dev.atomik.conformance.trace.TraceParser;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The golden suite on the model as PIT's only test: the same traces (the jar's copy), runner and
 * adapter as {@code ModelGoldenTckTest}, with the same verdict (every trace passes or is skipped by
 * capability, and at least one runs), but as one test that stops at the first failing trace.
 *
 * <p>Why not ModelGoldenTckTest itself: PIT runs each of its dynamic tests on its own, and each run
 * evaluates the whole test factory, which loads and schema-checks every trace: one DEFAULTS run took
 * 11 minutes on two cores. Here the traces are parsed once per PIT minion JVM (they are conformance
 * data, which PIT does not mutate) and a mutant costs at most one pass of the suite (a per-trace
 * factory over the cached traces was measured too and cost more CPU: PIT's per-test overhead). The
 * name does not match Surefire's includes: {@code mvn verify} runs ModelGoldenTckTest, not this.
 */
class GoldenSuiteForPit {
    private static List<LoadedTrace> traces;

    private static synchronized List<LoadedTrace> traces() throws IOException {
        if (traces == null) {
            TraceSource source = TraceSource.bundled().orElseThrow(
                    () -> new IllegalStateException("the conformance classes were built without their traces"));
            traces = new TraceLoader(TraceParser.withSpec()).load(source, null);
        }
        return traces;
    }

    @Test
    void everyGoldenTracePassesOnTheModel() throws IOException {
        Runner runner = new Runner();
        int ran = 0;
        try (AdapterSession session = new AdapterSession("pit", ModelAdapter::new, Duration.ofSeconds(5))) {
            for (LoadedTrace t : traces()) {
                TraceResult result = runner.runTrace(t, session);
                if (result.status() == Status.FAIL || result.status() == Status.ERROR) {
                    fail(result.describe());
                }
                if (result.status() != Status.SKIP) {
                    ran++;
                }
            }
        }
        assertTrue(ran > 0, "no golden trace ran on the model");
    }
}
