package dev.atomik.conformance.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapters.process.CommandLineSplitter;
import dev.atomik.conformance.adapters.process.ProcessAdapter;
import dev.atomik.conformance.adapters.process.RepoRoot;
import dev.atomik.conformance.runner.AdapterCatalog;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.RunSummary;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceSource;
import dev.atomik.conformance.serve.ServeMain;
import dev.atomik.conformance.trace.TraceParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code atomik bench}: in one run, on the same golden traces, the speed of the suite against the
 * in-process model, and the throughput of a process adapter (by default the model served by
 * {@link ServeMain} in a second JVM) pipelined and one request per step.
 */
public final class Bench {
    /** The floors this kit promises on a 2-core machine. */
    public static final double FLOOR_MODEL_SUITE_SECONDS = 2.0;
    public static final double FLOOR_PIPELINED_STEPS_PER_SECOND = 200_000;
    public static final double FLOOR_PIPELINING_SPEEDUP = 10;

    /**
     * @param traces          the traces (a folder, or the bundled golden traces)
     * @param processCommand  command line of the process to measure, or null for the served model
     * @param copiesPerBatch  suite copies per pipelined batch
     * @param batches         timed pipelined batches
     * @param serialCopies    suite copies sent one request at a time
     */
    public record Options(TraceSource traces, String processCommand, int copiesPerBatch, int warmupBatches, int batches,
                          int serialCopies, int modelWarmupRuns, int modelTimedRuns) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Bench() {
    }

    /** Runs every measurement, printing progress to {@code log}; returns the figures as JSON. */
    public static ObjectNode run(Options options, PrintStream log) throws IOException, AdapterFault {
        long loadStart = System.nanoTime();
        List<LoadedTrace> loaded = new TraceLoader(TraceParser.withSpec()).load(options.traces(), null);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        if (loaded.isEmpty()) {
            throw new IllegalArgumentException("no traces under " + options.traces());
        }

        log.println("model: the whole suite through the runner, in process");
        ModelBench.Result model = ModelBench.measure(loaded, options.modelWarmupRuns(), options.modelTimedRuns(), TIMEOUT);

        List<String> command = options.processCommand() == null ? servedModelCommand()
                : CommandLineSplitter.split(options.processCommand());
        Supplier<Adapter> pipelined = () -> ProcessAdapter.start(command, RepoRoot.find(), true,
                ProcessAdapter.handshakeTimeout());
        Supplier<Adapter> serial = () -> ProcessAdapter.start(command, RepoRoot.find(), false,
                ProcessAdapter.handshakeTimeout());

        Capabilities caps;
        try (Adapter probe = pipelined.get()) {
            caps = probe.hello().capabilities();
        }
        BenchSuite suite = BenchSuite.of(loaded, caps);
        List<ObjectNode> reference = referenceReplies(suite);

        log.println("process: " + String.join(" ", command));
        log.println("  the runner over the suite (one pipelined batch per trace)");
        long runnerStart = System.nanoTime();
        RunResult processRun;
        try (AdapterSession session = new AdapterSession("process", pipelined, TIMEOUT)) {
            processRun = new Runner().run(loaded, session, RunListener.NONE);
        }
        double runnerSeconds = (System.nanoTime() - runnerStart) / 1e9;

        log.println("  pipelined: " + options.batches() + " batches of " + options.copiesPerBatch() + " suite copies");
        ProcessBench.Result fast = ProcessBench.measure(pipelined, suite, reference, options.copiesPerBatch(),
                options.warmupBatches(), options.batches(), TIMEOUT);
        log.println("  one request per step: " + options.serialCopies() + " suite copies");
        ProcessBench.Result slow = ProcessBench.measure(serial, suite, reference, options.serialCopies(), 1, 1, TIMEOUT);

        return report(options, loaded.size(), loadSeconds, model, command, caps, suite, processRun, runnerSeconds, fast, slow);
    }

    /** {@code java -cp <our class path> ServeMain}: the reference model in a second JVM. */
    static List<String> servedModelCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The serial collector suits a server whose garbage is all short-lived replies, and leaves the
        // second core to the runner instead of to concurrent GC threads.
        return List.of(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), ServeMain.class.getName());
    }

    /** The model's replies to one copy of the suite, in process: what every measured reply must equal. */
    private static List<ObjectNode> referenceReplies(BenchSuite suite) throws AdapterFault {
        try (Adapter model = AdapterCatalog.discover().opener("model").get()) {
            model.hello();
            return model.execute(suite.requests(), TIMEOUT);
        }
    }

    private static ObjectNode report(Options options, int loadedTraces, double loadSeconds, ModelBench.Result model,
                                     List<String> command, Capabilities caps, BenchSuite suite, RunResult processRun,
                                     double runnerSeconds, ProcessBench.Result fast, ProcessBench.Result slow) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode out = json.objectNode();
        Machine machine = Machine.current();
        ObjectNode m = out.putObject("machine");
        m.put("cores", machine.cores()).put("cpu", machine.cpu()).put("jdk", machine.jdk()).put("os", machine.os());

        m.put("load_average_at_end", round(CpuClock.loadAverage()));
        out.put("traces_loaded", loadedTraces);
        out.put("trace_load_s", round(loadSeconds));
        out.put("model_steps_per_s", Math.round(model.stepsPerSecond()));
        out.put("model_suite_wall_s", round(model.medianWallSeconds()));
        out.put("model_suite_cold_wall_s", round(model.coldWallSeconds()));
        out.put("model_steps_per_suite", model.stepsPerRun());
        out.put("model_timed_runs", model.timedRuns());
        out.set("model_summary", summary(model.lastRun().summary()));

        out.put("process_command", String.join(" ", command));
        out.put("process_traces_runnable", suite.traces());
        out.put("process_steps_per_suite", suite.steps());
        out.put("process_requests_per_suite", suite.requests().size());
        out.put("process_runner_suite_wall_s", round(runnerSeconds));
        out.set("process_runner_summary", summary(processRun.summary()));
        out.put("process_pipelined_steps_per_s", Math.round(fast.stepsPerSecond()));
        out.put("process_pipelined_requests_per_s", Math.round(fast.requestsPerSecond()));
        out.put("process_pipelined_steps", fast.steps());
        out.put("process_pipelined_seconds", round(fast.seconds()));
        out.put("process_pipelined_mismatches", fast.mismatches());
        out.put("process_pipelined_runner_cpu_s", round(fast.runnerCpuSeconds()));
        out.put("process_pipelined_adapter_cpu_s", round(fast.adapterCpuSeconds()));
        out.put("process_pipelined_steps_per_cpu_s", Math.round(fast.stepsPerCpuSecond()));
        out.put("process_unpipelined_steps_per_s", Math.round(slow.stepsPerSecond()));
        out.put("process_unpipelined_requests_per_s", Math.round(slow.requestsPerSecond()));
        out.put("process_unpipelined_steps", slow.steps());
        out.put("process_unpipelined_seconds", round(slow.seconds()));
        out.put("process_unpipelined_mismatches", slow.mismatches());
        out.put("process_unpipelined_runner_cpu_s", round(slow.runnerCpuSeconds()));
        out.put("process_unpipelined_adapter_cpu_s", round(slow.adapterCpuSeconds()));
        double speedup = fast.stepsPerSecond() / slow.stepsPerSecond();
        out.put("pipelining_speedup", round(speedup));

        ObjectNode floors = out.putObject("floors");
        floors.put("model_suite_wall_under_2_s", model.medianWallSeconds() < FLOOR_MODEL_SUITE_SECONDS);
        floors.put("pipelined_at_least_200k_steps_per_s", fast.stepsPerSecond() >= FLOOR_PIPELINED_STEPS_PER_SECOND);
        floors.put("pipelined_at_least_10x_unpipelined", speedup >= FLOOR_PIPELINING_SPEEDUP);

        out.put("method", String.format(Locale.ROOT,
                "Steps are trace steps (a check step counts once; the reset before each trace is not a step). "
                + "Model: the runner over all %d traces in process; %d warm-up runs after the cold run, then %d timed "
                + "runs; wall is the median run, steps/s is total steps over total time. Process: the suite's %d "
                + "runnable single-node traces (multi-node traces are driven step by step by the runner, so they "
                + "are only in the runner figures) as one request stream (%d requests per copy, each copy starting with reset), "
                + "repeated %d times per batch; %d warm-up batches, then %d timed batches sent pipelined by the "
                + "process adapter (a writer thread sends while replies are read); unpipelined sends %d copies one "
                + "request at a time after one warm-up copy. Only the exchanges are timed; every reply is then "
                + "compared with the in-process model's (mismatches reported). CPU seconds are both processes' "
                + "own, read from the OS around each timed batch; steps per CPU-second is steps over their sum, "
                + "what one otherwise idle core would sustain, and says how much of a slow wall figure is "
                + "other load on the machine (see machine.load_average_at_end).",
                loadedTraces, options.modelWarmupRuns(), options.modelTimedRuns(), suite.traces(),
                suite.requests().size(), options.copiesPerBatch(), options.warmupBatches(), options.batches(),
                options.serialCopies()));
        out.set("process_capabilities", caps.toJson());
        return out;
    }

    private static ObjectNode summary(RunSummary s) {
        return JsonNodeFactory.instance.objectNode().put("passed", s.passed()).put("failed", s.failed())
                .put("skipped", s.skipped()).put("errors", s.errors()).put("steps", s.steps());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** True when the figures meet every floor and every reply was right. */
    public static boolean allGood(ObjectNode report) {
        List<Boolean> checks = new ArrayList<>();
        report.path("floors").forEach(f -> checks.add(f.booleanValue()));
        return !checks.contains(false) && report.path("process_pipelined_mismatches").asLong() == 0
                && report.path("process_unpipelined_mismatches").asLong() == 0;
    }
}
