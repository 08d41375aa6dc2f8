package dev.atomik.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.fuzz.FuzzReport;
import dev.atomik.conformance.fuzz.Fuzzer;
import dev.atomik.conformance.runner.AdapterCatalog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atomik fuzz}: differential random testing of an adapter against the reference model, with
 * shrinking of the first disagreement into a golden-format trace (conformance/FUZZING.md).
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Run random operation sequences against an adapter and the reference model side by side and "
                + "compare every reply. The first disagreement is shrunk to a minimal sequence and written as a trace "
                + "that 'atomik conformance run' replays. An adapter that hosts several cache nodes also gets "
                + "multi-node sequences (put, send, duplicate, drop, deliver, partition, heal, check).",
                "Exit 0: no disagreement; 1: a disagreement (trace written); 2: usage or harness error, or nothing ran."})
final class FuzzCommand implements Callable<Integer> {
    private static final long DEFAULT_STEPS = 100_000;

    @Option(names = "--adapter", required = true, paramLabel = "SPEC",
            description = "model | process:<command line> | mutant:<name> | <scheme>:<argument>")
    String adapter;

    @Option(names = "--seed", paramLabel = "S",
            description = "seed, decimal or 0x-hex (default: a random one, printed); the same seed gives the same sequences")
    String seed;

    @ArgGroup(exclusive = true)
    Budget budget = new Budget();

    static final class Budget {
        @Option(names = "--steps", paramLabel = "N", description = "stop after N steps (default: " + DEFAULT_STEPS + ")")
        Long steps;

        @Option(names = "--time", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "stop after this long, e.g. 60s, 8h is 480m")
        Duration time;
    }

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "fuzz-findings",
            description = "where a shrunk trace is written (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "per-step reply timeout of the adapter (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "4096",
            description = "requests per pipelined batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the summary as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
        long s = seed == null ? new SecureRandom().nextLong() : parseSeed(seed);
        long steps = budget.steps != null ? budget.steps : (budget.time == null ? DEFAULT_STEPS : 0);
        if (budget.steps != null && budget.steps < 1) {
            throw new UsageException("--steps must be at least 1");
        }
        if (batch < 1) {
            throw new UsageException("--batch must be at least 1");
        }
        PrintStream o = System.out;
        o.printf(Locale.ROOT, "atomik fuzz: adapter %s, seed 0x%s, %s%n", adapter, Long.toHexString(s),
                steps > 0 ? String.format(Locale.ROOT, "%,d steps", steps) : "for " + budget.time);
        Fuzzer.Options options = new Fuzzer.Options(adapter, s, steps, budget.time, out, timeout, batch, 20_000);
        FuzzReport report = Fuzzer.run(options, AdapterCatalog.discover(), o);
        print(report, o);
        if (json != null) {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), toJson(report));
        }
        return report.exitCode();
    }

    static long parseSeed(String text) {
        try {
            String t = text.trim().toLowerCase(Locale.ROOT);
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed: expected a decimal or 0x-hex 64-bit number, got '" + text + "'");
        }
    }

    private static void print(FuzzReport r, PrintStream o) throws JsonProcessingException {
        if (r.implementation() != null) {
            o.println("implementation: " + r.implementation());
        }
        r.notes().forEach(n -> o.println("note: " + n));
        if (r.harnessError() != null) {
            o.println("harness error: " + r.harnessError());
            return;
        }
        FuzzReport.Finding f = r.finding();
        if (f != null) {
            o.printf(Locale.ROOT, "shrunk %d steps to %d (%d besides the first init) in %d tries, %.2f s%n",
                    f.originalSteps(), f.shrunk().size(), f.shrunk().size() - f.pinned(), f.shrinkTests(),
                    f.shrinkNanos() / 1e9);
            ObjectMapper json = new ObjectMapper();
            for (ObjectNode step : f.shrunk()) {
                o.println("  " + json.writeValueAsString(step));
            }
            o.println("disagreement: " + f.shrunkReason());
        }
        o.printf(Locale.ROOT, "steps: %,d in %,d sequences, %.2f s, %,.0f steps/s", r.steps(), r.sequences(),
                r.nanos() / 1e9, r.stepsPerSecond());
        if (r.cpuNanos() > 0) {
            o.printf(Locale.ROOT, " (%.2f CPU-s for both sides, %,.0f steps per CPU-second)", r.cpuNanos() / 1e9,
                    r.stepsPerCpuSecond());
        }
        o.println();
        o.println("ops covered: " + tally(r.ops()));
        o.println("model errors reached: " + (r.errors().isEmpty() ? "none" : tally(r.errors())));
        if (f == null) {
            o.printf(Locale.ROOT, "no disagreement in %,d steps (seed 0x%s)%n", r.steps(), Long.toHexString(r.seed()));
        } else if (f.file() != null) {
            o.println("minimal failing trace: " + f.file());
            o.println("replayed by the runner against " + r.adapter() + ": " + f.replay());
            o.println("replay it: ./atomik conformance run --adapter '" + r.adapter() + "' --traces " + f.file());
        } else {
            o.println("disagreement found, no trace: " + f.replay());
        }
    }

    private static String tally(Map<String, Long> counts) {
        StringBuilder s = new StringBuilder();
        new java.util.TreeMap<>(counts).forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ")
                .append(k).append(' ').append(String.format(Locale.ROOT, "%,d", v)));
        return s.toString();
    }

    private static ObjectNode toJson(FuzzReport r) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode n = json.createObjectNode();
        n.put("adapter", r.adapter());
        n.put("implementation", r.implementation());
        n.put("seed", "0x" + Long.toHexString(r.seed()));
        n.put("steps", r.steps());
        n.put("sequences", r.sequences());
        n.put("seconds", r.nanos() / 1e9);
        n.put("steps_per_second", Math.round(r.stepsPerSecond()));
        n.put("cpu_seconds", r.cpuNanos() / 1e9);
        n.put("steps_per_cpu_second", Math.round(r.stepsPerCpuSecond()));
        n.set("ops", json.valueToTree(r.ops()));
        n.set("model_errors", json.valueToTree(r.errors()));
        n.put("exit", r.exitCode());
        if (r.harnessError() != null) {
            n.put("harness_error", r.harnessError());
        }
        if (r.finding() != null) {
            ObjectNode f = n.putObject("finding");
            f.put("sequence", r.finding().sequence());
            f.put("reason", r.finding().reason());
            f.put("shrunk_steps", r.finding().shrunk().size());
            f.put("trace", r.finding().file() == null ? null : r.finding().file().toString());
            f.put("replay", r.finding().replay());
        }
        return n;
    }
}
