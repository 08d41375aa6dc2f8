package dev.atomik.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.bench.Bench;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atomik bench}: the suite's speed against the in-process model and through a process
 * adapter, pipelined and one request per step, measured in one run on the same traces.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the suite against the in-process model, and a process adapter (default: the model "
                + "served by a second JVM) pipelined and unpipelined. Exit 1 when a reply was wrong, or with "
                + "--check-floors when a floor is missed.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--json", paramLabel = "FILE", description = "write the figures as JSON")
    Path json;

    @Option(names = "--adapter", paramLabel = "SPEC",
            description = "the process adapter to measure, 'process:<command line>' as for conformance run "
                    + "(default: the served model)")
    String adapter;

    /** The old name: a bare command line. Kept working, hidden, with a warning. */
    @Option(names = "--process", paramLabel = "COMMAND", hidden = true)
    String deprecatedProcess;

    @Option(names = "--traces", paramLabel = "DIR", description = "trace folder (default: " + TracesDir.DEFAULT_HELP + ")")
    Path traces;

    @Option(names = "--copies", defaultValue = "50", paramLabel = "N",
            description = "suite copies per pipelined batch (default: ${DEFAULT-VALUE})")
    int copies;

    @Option(names = "--batches", defaultValue = "5", paramLabel = "N",
            description = "timed pipelined batches (default: ${DEFAULT-VALUE})")
    int batches;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "N",
            description = "untimed pipelined warm-up batches (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--serial-copies", defaultValue = "3", paramLabel = "N",
            description = "suite copies sent one request at a time (default: ${DEFAULT-VALUE})")
    int serialCopies;

    @Option(names = "--check-floors", description = "exit 1 when a floor is missed")
    boolean checkFloors;

    @Option(names = "--trace-steps", paramLabel = "N",
            description = "instead: write one valid N-step trace, then validate it and run it against the model, "
                    + "each in a JVM held to --heap, and report time and peak memory")
    Integer traceSteps;

    @Option(names = "--heap", defaultValue = "256m", paramLabel = "SIZE",
            description = "heap limit (-Xmx) for --trace-steps (default: ${DEFAULT-VALUE})")
    String heap;

    /** The command line to measure from --adapter 'process:CMD' (or the deprecated --process CMD); null: the served model. */
    private String processCommand() {
        if (deprecatedProcess != null) {
            if (adapter != null) {
                throw new UsageException("give --adapter only (--process is its deprecated old name)");
            }
            System.err.println("atomik: bench --process is deprecated; use --adapter 'process:" + deprecatedProcess + "'");
            return deprecatedProcess;
        }
        if (adapter == null) {
            return null;
        }
        if (!adapter.startsWith(PROCESS) || adapter.substring(PROCESS.length()).isBlank()) {
            throw new UsageException("bench measures a process adapter: --adapter 'process:<command line>', got '"
                    + adapter + "'");
        }
        return adapter.substring(PROCESS.length());
    }

    private static final String PROCESS = "process:";

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (traceSteps != null) {
            if (traceSteps < 4) {
                throw new UsageException("--trace-steps must be at least 4");
            }
            return LongTraceBench.run(traceSteps, heap, System.out);
        }
        if (copies < 1 || batches < 1 || warmup < 0 || serialCopies < 1) {
            throw new UsageException("--copies, --batches and --serial-copies must be at least 1, --warmup at least 0");
        }
        PrintStream out = System.out;
        Bench.Options options = new Bench.Options(TracesDir.source(traces), processCommand(), copies, warmup, batches,
                serialCopies, 5, 10);
        ObjectNode report;
        try {
            report = Bench.run(options, System.err);
        } catch (AdapterFault fault) {
            System.err.println("atomik: bench: the process adapter faulted: " + fault.getMessage());
            return ExitCode.HARNESS;
        }
        print(report, out);
        if (json != null) {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
            out.println("wrote " + json);
        }
        boolean repliesRight = report.path("process_pipelined_mismatches").asLong() == 0
                && report.path("process_unpipelined_mismatches").asLong() == 0;
        if (!repliesRight) {
            System.err.println("atomik: the process adapter gave replies that differ from the model's");
            return ExitCode.FAILED;
        }
        return checkFloors && !Bench.allGood(report) ? ExitCode.FAILED : ExitCode.OK;
    }

    private static void print(ObjectNode r, PrintStream out) {
        out.printf(Locale.ROOT, "machine: %d cores, %s, %s%n", r.path("machine").path("cores").asInt(),
                r.path("machine").path("cpu").asText(), r.path("machine").path("jdk").asText());
        out.printf(Locale.ROOT, "traces: %d loaded; model runs %d steps per suite%n", r.path("traces_loaded").asInt(),
                r.path("model_steps_per_suite").asLong());
        out.printf(Locale.ROOT, "model (in process):  suite %.3f s warm (%.3f s cold), %,d steps/s%n",
                r.path("model_suite_wall_s").asDouble(), r.path("model_suite_cold_wall_s").asDouble(),
                r.path("model_steps_per_s").asLong());
        out.printf(Locale.ROOT, "process: %s%n", r.path("process_command").asText());
        out.printf(Locale.ROOT, "  runner over the suite: %.3f s (%s)%n", r.path("process_runner_suite_wall_s").asDouble(),
                r.path("process_runner_summary"));
        out.printf(Locale.ROOT, "  pipelined:            %,d steps/s (%,d requests/s), %d wrong replies%n",
                r.path("process_pipelined_steps_per_s").asLong(), r.path("process_pipelined_requests_per_s").asLong(),
                r.path("process_pipelined_mismatches").asLong());
        out.printf(Locale.ROOT, "  pipelined CPU:        runner %.2f s + adapter %.2f s = %,d steps per CPU-second%n",
                r.path("process_pipelined_runner_cpu_s").asDouble(), r.path("process_pipelined_adapter_cpu_s").asDouble(),
                r.path("process_pipelined_steps_per_cpu_s").asLong());
        out.printf(Locale.ROOT, "  one request per step: %,d steps/s (%,d requests/s), %d wrong replies%n",
                r.path("process_unpipelined_steps_per_s").asLong(), r.path("process_unpipelined_requests_per_s").asLong(),
                r.path("process_unpipelined_mismatches").asLong());
        out.printf(Locale.ROOT, "  pipelining speed-up:  %.1fx%n", r.path("pipelining_speedup").asDouble());
        out.println("floors: " + r.path("floors") + " (load average " + r.path("machine").path("load_average_at_end") + ")");
    }
}
