package dev.atomik.conformance.fuzz;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.runner.AdapterCatalog;
import dev.atomik.conformance.runner.AdapterSession;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Differential random testing: generates sequences ({@link SequenceGenerator}), runs them in
 * pipelined batches against the adapter under test and the reference model side by side, compares
 * every reply ({@link ReplyDiff}), and files each disagreement under its {@link FuzzClass}. The
 * first disagreement of a class that is not waived is shrunk within its class ({@link Shrinker})
 * and written as a golden-format trace ({@link FindingWriter}), which is then replayed through the
 * runner against the same adapter ({@link FindingMaker}); the run ends when it has found
 * {@code classLimit} classes (1 unless {@code --keep-going}) or its budget is spent
 * ({@link FuzzLoop}).
 */
public final class Fuzzer {

    /**
     * @param adapter       the {@code --adapter} value
     * @param seed          the run's seed
     * @param maxSteps      stop after this many steps (the last sequence is cut to fit); ≤ 0 for no limit
     * @param maxTime       stop after this long (checked between batches); null for no limit
     * @param outDir        where a finding is written
     * @param timeout       per-step reply timeout of the adapter under test
     * @param batchRequests requests per pipelined batch (whole sequences are added until it is reached)
     * @param shrinkBudget  most candidates the shrinker may try
     * @param classLimit    stop when this many unwaived classes have been found (≥ 1; 1 stops at the first)
     * @param waived        classes whose disagreements are counted and passed over, never shrunk or reported
     */
    public record Options(String adapter, long seed, long maxSteps, Duration maxTime, Path outDir, Duration timeout,
                          int batchRequests, int shrinkBudget, int classLimit, Set<FuzzClass> waived) {

        public Options {
            if (classLimit < 1) {
                throw new IllegalArgumentException("the class limit must be at least 1, got " + classLimit);
            }
            for (FuzzClass c : waived) {
                if (!c.difference().waivable()) {
                    throw new IllegalArgumentException("fuzz class " + c + " cannot be waived");
                }
            }
            waived = Set.copyOf(waived);
        }

        /** Stops at the first disagreement, waives nothing. */
        public static Options of(String adapter, long seed, long maxSteps, Duration maxTime, Path outDir) {
            return new Options(adapter, seed, maxSteps, maxTime, outDir, Duration.ofSeconds(5), 4096, 20_000, 1,
                    Set.of());
        }

        /** The same options with another class limit and waivers. */
        public Options keepGoing(int limit, Set<FuzzClass> waivedClasses) {
            return new Options(adapter, seed, maxSteps, maxTime, outDir, timeout, batchRequests, shrinkBudget, limit,
                    waivedClasses);
        }
    }

    private Fuzzer() {
    }

    /**
     * Runs the fuzzer; progress and findings go to {@code log}.
     *
     * @throws IllegalArgumentException for an unknown adapter scheme or argument (a usage error)
     */
    public static FuzzReport run(Options options, AdapterCatalog catalog, PrintStream log) {
        if (options.maxSteps() <= 0 && options.maxTime() == null) {
            throw new IllegalArgumentException("give a step budget (--steps) or a time budget (--time)");
        }
        Adapter model = catalog.opener("model").get();
        AdapterSession session = new AdapterSession(options.adapter(), catalog.opener(options.adapter()), options.timeout());
        try (Sides sides = new Sides(model, session, options.timeout())) {
            model.hello();
            String unavailable = session.unavailable();
            if (unavailable != null) {
                return harness(options, null, "adapter " + options.adapter() + " is unavailable: " + unavailable);
            }
            Hello hello = session.hello();
            SequenceGenerator generator;
            try {
                generator = new SequenceGenerator(options.seed(), hello.capabilities());
            } catch (IllegalArgumentException nothing) {
                return harness(options, describe(hello), nothing.getMessage());
            }
            return new FuzzLoop(options, sides, generator, describe(hello), notes(hello.capabilities()), log).run();
        } catch (AdapterFault e) {
            throw new IllegalStateException("the model adapter failed its handshake: " + e.getMessage(), e);
        }
    }

    private static FuzzReport harness(Options options, String implementation, String why) {
        return new FuzzReport(options.adapter(), implementation, options.seed(), 0, 0, 0, -1, Map.of(), Map.of(),
                List.of(), Map.of(), options.classLimit(), why, List.of());
    }

    private static String describe(Hello hello) {
        return hello.name() + " " + hello.version();
    }

    /** What the run leaves out, so a silent gap is never mistaken for coverage. */
    private static List<String> notes(Capabilities caps) {
        List<String> notes = new ArrayList<>();
        if (caps.kinds().contains("cache") && !MultiNodeGenerator.applies(caps)) {
            notes.add("the adapter declares kind cache but " + (caps.nodes() < 2 ? "hosts " + caps.nodes()
                    + " node, so no multi-node sequence (put, send, deliver) is generated"
                    : "not all of init, put, get and receive, so no multi-node sequence is generated"));
        }
        return notes;
    }
}
