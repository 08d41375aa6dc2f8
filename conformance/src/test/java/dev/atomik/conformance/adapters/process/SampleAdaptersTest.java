package dev.atomik.conformance.adapters.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.runner.AdapterCatalog;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.serve.ServeMain;
import dev.atomik.conformance.trace.TraceParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample adapters and the served model, run through the process adapter over every golden
 * trace, must end each trace they can run exactly as the in-process model does (pass where it
 * passes), and may skip only for a capability they do not declare: the samples are starting points
 * for implementers, so they must be right. Skipped, and reported as
 * skipped, when python3 or node is not installed.
 */
class SampleAdaptersTest {
    private static final Path ROOT = RepoRoot.find();
    private static List<LoadedTrace> traces;
    private static Map<String, String> modelStatus;

    @BeforeAll
    static void runTheModel() throws Exception {
        traces = new TraceLoader(TraceParser.withSpec()).load(ROOT.resolve("conformance/traces"), null);
        modelStatus = statuses(AdapterCatalog.discover().opener("model"), "model");
        assertTrue(modelStatus.containsValue("pass"), "the model passes some trace: " + modelStatus);
    }

    static Map<String, String> statuses(Supplier<Adapter> opener, String name) {
        try (AdapterSession session = new AdapterSession(name, opener, Duration.ofSeconds(10))) {
            RunResult result = new Runner().run(traces, session, RunListener.NONE);
            Map<String, String> out = new LinkedHashMap<>();
            for (TraceResult trace : result.traces()) {
                out.put(trace.id(), trace.status().label() + (trace.status().label().equals("pass") ? "" : ": " + trace.describe()));
            }
            return out;
        }
    }

    static void assertSameAsModel(List<String> command) {
        Map<String, String> sample = statuses(() -> ProcessAdapter.start(command, ROOT, true, Duration.ofSeconds(30)),
                String.join(" ", command));
        List<String> differences = new ArrayList<>();
        modelStatus.forEach((id, status) -> {
            String theirs = sample.get(id);
            // A skip names a capability the sample does not declare (PROTO-CAPS-1: honest, never a
            // failure, e.g. a kind a sample does not implement). Otherwise the status must
            // be the model's (pass, or error for a malformed trace); reasons may differ in wording.
            boolean declaredSkip = theirs != null && theirs.startsWith("skip: ") && theirs.contains("not declared");
            if (theirs == null || (!declaredSkip && !label(status).equals(label(theirs)))) {
                differences.add(id + ": model " + status + ", " + command.get(0) + " " + theirs);
            }
        });
        assertEquals(List.of(), differences);
        assertTrue(sample.values().stream().filter(s -> s.equals("pass")).count() > 0, "the sample ran and passed traces");
    }

    static String label(String status) {
        int colon = status.indexOf(':');
        return colon < 0 ? status : status.substring(0, colon);
    }

    static boolean available(String... probe) {
        try {
            return new ProcessBuilder(probe).redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void required_PROTO_REPLY_1_pythonSampleEndsEveryTraceAsTheModelDoes() {
        assumeTrue(available("python3", "--version"), "python3 not installed");
        assertSameAsModel(List.of("python3", "samples/python/atomik_adapter.py"));
    }

    @Test
    void required_PROTO_REPLY_1_javascriptSampleEndsEveryTraceAsTheModelDoes() {
        assumeTrue(available("node", "--version"), "node not installed");
        assertSameAsModel(List.of("node", "samples/js/atomik_adapter.js"));
    }

    @Test
    void required_PROTO_HELLO_1_servedModelEndsEveryTraceAsTheModelDoes() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertSameAsModel(List.of(java, "-cp", System.getProperty("java.class.path"), ServeMain.class.getName()));
    }
}
