package dev.atomik.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomik.conformance.fuzz.FuzzClass;
import dev.atomik.conformance.fuzz.FuzzReport;
import dev.atomik.conformance.fuzz.Fuzzer;
import dev.atomik.conformance.runner.AdapterCatalog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
                "With --keep-going it files each disagreement under its class <op>/<difference>, writes one shrunk "
                + "trace per class and goes on. Waived classes (--waive, --expectations) are counted, never reported.",
                "Exit 0: no unwaived disagreement; 1: an unwaived class found (trace written); 2: usage or harness "
                + "error, or nothing ran."})
final class FuzzCommand implements Callable<Integer> {
    private static final long DEFAULT_STEPS = 100_000;
    private static final int DEFAULT_CLASS_LIMIT = 10;

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

    @Option(names = "--keep-going", paramLabel = "LIMIT", arity = "0..1", fallbackValue = "" + DEFAULT_CLASS_LIMIT,
            description = "do not stop at the first disagreement: shrink and write one trace per class "
                    + "(<op>/<difference>) and go on until the budget ends or LIMIT classes are found "
                    + "(default LIMIT: " + DEFAULT_CLASS_LIMIT + ")")
    Integer keepGoing;

    @Option(names = "--waive", paramLabel = "CLASS",
            description = "count disagreements of this class (<op>/<difference>, difference one of value, error-code, "
                    + "error-vs-success; e.g. swap/value) and go on; repeatable")
    List<String> waive = new ArrayList<>();

    @Option(names = "--expectations", paramLabel = "FILE",
            description = "waive the classes of the file's 'fuzz:<CLASS> waive' lines (the other lines are checked, "
                    + "not used)")
    Path expectations;

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
        if (keepGoing != null && keepGoing < 1) {
            throw new UsageException("--keep-going: LIMIT must be at least 1, got " + keepGoing);
        }
        int classLimit = keepGoing == null ? 1 : keepGoing;
        Set<FuzzClass> waived = Waivers.of(waive, expectations);
        PrintStream o = System.out;
        o.printf(Locale.ROOT, "atomik fuzz: adapter %s, seed 0x%s, %s%s%s%n", adapter, Long.toHexString(s),
                steps > 0 ? String.format(Locale.ROOT, "%,d steps", steps) : "for " + budget.time,
                keepGoing == null ? "" : ", keep going up to " + classLimit + " classes",
                waived.isEmpty() ? "" : ", waiving " + FuzzReportText.names(waived));
        Fuzzer.Options options = new Fuzzer.Options(adapter, s, steps, budget.time, out, timeout, batch, 20_000,
                classLimit, waived);
        FuzzReport report = Fuzzer.run(options, AdapterCatalog.discover(), o);
        FuzzReportText.print(report, o);
        if (json != null) {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), FuzzReportText.toJson(report));
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
}
