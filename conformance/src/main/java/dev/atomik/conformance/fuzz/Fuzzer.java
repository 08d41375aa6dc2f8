package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.runner.AdapterCatalog;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.trace.TraceParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Differential random testing: generates sequences ({@link SequenceGenerator}), runs them in
 * pipelined batches against the adapter under test and the reference model side by side, compares
 * every reply ({@link ReplyDiff}), and on the first disagreement shrinks the sequence
 * ({@link Shrinker}) and writes it as a golden-format trace ({@link FindingWriter}), which it then
 * replays through the runner against the same adapter.
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
     */
    public record Options(String adapter, long seed, long maxSteps, Duration maxTime, Path outDir, Duration timeout,
                          int batchRequests, int shrinkBudget) {

        public static Options of(String adapter, long seed, long maxSteps, Duration maxTime, Path outDir) {
            return new Options(adapter, seed, maxSteps, maxTime, outDir, Duration.ofSeconds(5), 4096, 20_000);
        }
    }

    private static final long PROGRESS_NANOS = 10_000_000_000L;

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
            return new Loop(options, sides, generator, describe(hello), notes(hello.capabilities()), log).run();
        } catch (AdapterFault e) {
            throw new IllegalStateException("the model adapter failed its handshake: " + e.getMessage(), e);
        }
    }

    private static FuzzReport harness(Options options, String implementation, String why) {
        return new FuzzReport(options.adapter(), implementation, options.seed(), 0, 0, 0, -1, Map.of(), Map.of(), null,
                why, List.of());
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

    /** One run's state: the batch loop, then the finding. */
    private static final class Loop {
        private final Options options;
        private final Sides sides;
        private final SequenceGenerator generator;
        private final String implementation;
        private final List<String> notes;
        private final PrintStream log;
        /** Tallies as one-element arrays: a counter per op or code without boxing on every step. */
        private final Map<String, long[]> ops = new HashMap<>();
        private final Map<String, long[]> errors = new HashMap<>();
        private long steps;
        private long sequences;

        Loop(Options options, Sides sides, SequenceGenerator generator, String implementation, List<String> notes,
             PrintStream log) {
            this.options = options;
            this.sides = sides;
            this.generator = generator;
            this.implementation = implementation;
            this.notes = notes;
            this.log = log;
        }

        FuzzReport run() {
            long start = System.nanoTime();
            long cpuStart = CpuTime.now();
            long deadline = options.maxTime() == null ? Long.MAX_VALUE : start + options.maxTime().toNanos();
            long nextProgress = start + PROGRESS_NANOS;
            long limit = options.maxSteps() > 0 ? options.maxSteps() : Long.MAX_VALUE;
            long index = 0;
            List<FuzzSequence> batch = new ArrayList<>();
            List<MultiNodePlan> plans = new ArrayList<>(); // parallel to batch; null for a single-node sequence
            List<ObjectNode> requests = new ArrayList<>(options.batchRequests() + 512);
            while (steps < limit && System.nanoTime() < deadline) {
                batch.clear();
                plans.clear();
                requests.clear();
                long planned = steps;
                while (requests.size() < options.batchRequests() && planned < limit) {
                    FuzzSequence s = generator.sequence(index++);
                    if (s.steps().size() > limit - planned) {
                        s = new FuzzSequence(s.index(), s.kind(), s.steps().subList(0, (int) (limit - planned)));
                    }
                    MultiNodePlan plan = s.kind().equals("cache") ? MultiNodePlan.of(s.steps()) : null;
                    batch.add(s);
                    plans.add(plan);
                    requests.add(Sides.RESET);
                    requests.addAll(plan == null ? s.steps() : plan.requests);
                    planned += s.steps().size();
                }
                Sides.Outcome outcome = sides.run(requests);
                int bad = outcome.firstDisagreement();
                if (bad >= 0) {
                    long elapsed = System.nanoTime() - start;
                    long cpu = cpuSince(cpuStart);
                    Located located = locate(batch, plans, outcome, bad);
                    count(batch, plans, outcome.model(), located.batchPosition());
                    // The disagreeing sequence ran up to its disagreeing step.
                    steps += located.failing().size();
                    sequences++;
                    located.failing().forEach(step -> tally(ops, step.get("op").textValue()));
                    FuzzReport.Finding finding = shrinkAndWrite(located);
                    return new FuzzReport(options.adapter(), implementation, options.seed(), steps, sequences, elapsed,
                            cpu, totals(ops), totals(errors), finding, null, notes);
                }
                count(batch, plans, outcome.model(), batch.size());
                long now = System.nanoTime();
                if (now >= nextProgress) {
                    log.printf(Locale.ROOT, "  ... %,d steps, %,d sequences, %,.0f steps/s, no disagreement%n", steps,
                            sequences, steps / ((now - start) / 1e9));
                    nextProgress = now + PROGRESS_NANOS;
                }
            }
            long elapsed = System.nanoTime() - start;
            return new FuzzReport(options.adapter(), implementation, options.seed(), steps, sequences, elapsed,
                    cpuSince(cpuStart), totals(ops), totals(errors), null, null, notes);
        }

        private static void tally(Map<String, long[]> counts, String key) {
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
        }

        private static Map<String, Long> totals(Map<String, long[]> counts) {
            Map<String, Long> out = new TreeMap<>();
            counts.forEach((k, v) -> out.put(k, v[0]));
            return out;
        }

        private static long cpuSince(long cpuStart) {
            long now = CpuTime.now();
            return cpuStart < 0 || now < 0 ? -1 : now - cpuStart;
        }

        /** Adds the first {@code upTo} sequences of the batch to the tallies. */
        private void count(List<FuzzSequence> batch, List<MultiNodePlan> plans, List<ObjectNode> modelReplies, int upTo) {
            int position = 0;
            for (int b = 0; b < upTo; b++) {
                FuzzSequence s = batch.get(b);
                position++; // the reset
                for (ObjectNode step : s.steps()) {
                    tally(ops, step.get("op").textValue());
                }
                int replies = plans.get(b) == null ? s.steps().size() : plans.get(b).requests.size();
                for (int r = 0; r < replies; r++) {
                    JsonNode error = modelReplies.get(position++).get("error");
                    if (error != null) {
                        tally(errors, error.textValue());
                    }
                }
                steps += s.steps().size();
                sequences++;
            }
        }

        /** A disagreeing sequence: its place in the batch, and its steps up to the disagreeing one. */
        private record Located(int batchPosition, FuzzSequence sequence, List<ObjectNode> failing, String reason) {
        }

        private Located locate(List<FuzzSequence> batch, List<MultiNodePlan> plans, Sides.Outcome outcome, int bad) {
            boolean exact = outcome.fault() == null || outcome.fault().requestIndex() >= 0;
            int offset = 0;
            for (int b = 0; b < batch.size(); b++) {
                FuzzSequence s = batch.get(b);
                MultiNodePlan plan = plans.get(b);
                List<ObjectNode> sent = plan == null ? s.steps() : plan.requests;
                int end = offset + 1 + sent.size();
                if (exact && bad < end) {
                    int within = stepOf(plan, Math.max(0, bad - offset - 1));
                    return new Located(b, s, s.steps().subList(0, within + 1), outcome.reason(bad));
                }
                if (!exact) {
                    // The adapter faulted without saying where: find the first sequence that fails alone.
                    Sides.Outcome alone = sides.run(Sides.fromReset(sent));
                    int at = alone.firstDisagreement();
                    if (at >= 0) {
                        int within = at == 0 ? 0 : stepOf(plan, at - 1);
                        return new Located(b, s, s.steps().subList(0, Math.max(1, within + 1)), alone.reason(at));
                    }
                }
                offset = end;
            }
            FuzzSequence last = batch.get(batch.size() - 1);
            return new Located(batch.size() - 1, last, last.steps(), outcome.reason(bad));
        }

        /** The step a request came from: the same index for a single-node sequence. */
        private static int stepOf(MultiNodePlan plan, int request) {
            return plan == null ? request : plan.stepOf(request);
        }

        private FuzzReport.Finding shrinkAndWrite(Located located) {
            if (located.sequence().kind().equals("cache")) {
                return shrinkAndWriteMultiNode(located);
            }
            FuzzSequence s = located.sequence();
            List<ObjectNode> failing = located.failing();
            log.printf(Locale.ROOT, "disagreement in sequence %d (%s), step %d (%s): %s%n", s.index(), s.kind(),
                    failing.size(), failing.get(failing.size() - 1).path("op").asText(), located.reason());
            long shrinkStart = System.nanoTime();
            if (!stillFails(failing)) {
                return new FuzzReport.Finding(s.index(), failing.size(), located.reason(), failing,
                        "does not reproduce from a reset", s.pinned(), 1, System.nanoTime() - shrinkStart, null, null,
                        "not written: the sequence passes when run alone after a reset (the adapter's reset keeps "
                        + "state, or it is not deterministic)");
            }
            Shrinker shrinker = new Shrinker(this::stillFails, s.pinned(), options.shrinkBudget());
            List<ObjectNode> shrunk = shrinker.shrink(failing);
            if (s.pinned() == 1 && onlyWireOps(shrunk.subList(1, shrunk.size()))
                    && stillFails(shrunk.subList(1, shrunk.size()))) {
                // Only encode/decode are left: the init is not needed and the finding is a wire trace.
                shrunk = new ArrayList<>(shrunk.subList(1, shrunk.size()));
                s = new FuzzSequence(s.index(), "wire", shrunk);
            }
            long shrinkNanos = System.nanoTime() - shrinkStart;
            Sides.Outcome last = sides.run(Sides.fromReset(shrunk));
            int at = last.firstDisagreement();
            String reason = at >= 0 ? last.reason(at) : "(did not disagree on the final run)";
            int disagreeAt = at - 1; // request 0 is the reset
            TraceParser parser = TraceParser.withSpec();
            FindingWriter writer = new FindingWriter(modelAdapter(), parser);
            FindingWriter.Written written;
            try {
                written = writer.write(options.outDir(), options.adapter(), options.seed(), s, shrunk, disagreeAt,
                        options.adapter() + ": " + reason);
            } catch (IOException e) {
                return new FuzzReport.Finding(s.index(), failing.size(), located.reason(), shrunk, reason, s.pinned(),
                        shrinker.tests(), shrinkNanos, null, null, "not written: " + e.getMessage());
            }
            return new FuzzReport.Finding(s.index(), failing.size(), located.reason(), shrunk, reason, s.pinned(),
                    shrinker.tests(), shrinkNanos, written.file(), written.id(), replay(written, parser));
        }

        /**
         * A multi-node finding: ddmin and operand simplification over the steps, where a candidate
         * the network rules reject counts as "does not reproduce"; then written with the model's
         * answers as expectations and replayed by the runner.
         */
        private FuzzReport.Finding shrinkAndWriteMultiNode(Located located) {
            FuzzSequence s = located.sequence();
            List<ObjectNode> failing = located.failing();
            log.printf(Locale.ROOT, "disagreement in sequence %d (%s), step %d (%s): %s%n", s.index(), s.kind(),
                    failing.size(), failing.get(failing.size() - 1).path("op").asText(), located.reason());
            long shrinkStart = System.nanoTime();
            if (!stillFailsMultiNode(failing)) {
                return new FuzzReport.Finding(s.index(), failing.size(), located.reason(), failing,
                        "does not reproduce from a reset", s.pinned(), 1, System.nanoTime() - shrinkStart, null, null,
                        "not written: the sequence passes when run alone after a reset (the adapter's reset keeps "
                        + "state, or it is not deterministic)");
            }
            Shrinker shrinker = new Shrinker(this::stillFailsMultiNode, s.pinned(), options.shrinkBudget());
            List<ObjectNode> shrunk = shrinker.shrink(failing);
            long shrinkNanos = System.nanoTime() - shrinkStart;
            MultiNodePlan plan = MultiNodePlan.of(shrunk);
            Sides.Outcome last = sides.run(Sides.fromReset(plan.requests));
            int at = last.firstDisagreement();
            String reason = at >= 0 ? last.reason(at) : "(did not disagree on the final run)";
            int disagreeAt = at >= 1 ? plan.stepOf(at - 1) : -1; // request 0 is the reset
            TraceParser parser = TraceParser.withSpec();
            MultiNodeFindingWriter.Written written;
            try {
                written = new MultiNodeFindingWriter(modelAdapter(), parser).write(options.outDir(), options.adapter(),
                        options.seed(), s.index(), plan, disagreeAt, options.adapter() + ": " + reason);
            } catch (IOException e) {
                return new FuzzReport.Finding(s.index(), failing.size(), located.reason(), plan.steps, reason, s.pinned(),
                        shrinker.tests(), shrinkNanos, null, null, "not written: " + e.getMessage());
            }
            return new FuzzReport.Finding(s.index(), failing.size(), located.reason(), plan.steps, reason, s.pinned(),
                    shrinker.tests(), shrinkNanos, written.file(), written.id(),
                    replay(new FindingWriter.Written(written.file(), written.id(), written.text()), parser));
        }

        /** A candidate that breaks the network rules does not reproduce; else it runs on both sides from a reset. */
        private boolean stillFailsMultiNode(List<ObjectNode> candidate) {
            MultiNodePlan plan;
            try {
                plan = MultiNodePlan.of(candidate);
            } catch (IllegalArgumentException invalidSchedule) {
                return false;
            }
            return sides.run(Sides.fromReset(plan.requests)).firstDisagreement() >= 0;
        }

        private Adapter modelAdapter() {
            return sides.model();
        }

        private static boolean onlyWireOps(List<ObjectNode> steps) {
            if (steps.isEmpty()) {
                return false;
            }
            for (ObjectNode step : steps) {
                String op = step.path("op").asText();
                if (!op.equals("encode") && !op.equals("decode")) {
                    return false;
                }
            }
            return true;
        }

        private boolean stillFails(List<ObjectNode> candidate) {
            return sides.run(Sides.fromReset(candidate)).firstDisagreement() >= 0;
        }

        /** The written trace through the real runner, against the same adapter: it must fail there too. */
        private String replay(FindingWriter.Written written, TraceParser parser) {
            LoadedTrace loaded = new TraceLoader(parser).loadOne(written.file(), written.id());
            TraceResult result = new Runner().runTrace(loaded, sides.target());
            StringBuilder verdict = new StringBuilder(result.status().label());
            if (result.failedStep() != null) {
                verdict.append(" at step ").append(result.failedStep()).append(" (").append(result.op()).append(')');
            }
            if (result.expected() != null || result.actual() != null) {
                verdict.append(": expected ").append(result.expected()).append(", got ").append(result.actual());
            }
            if (result.reason() != null) {
                verdict.append(" [").append(result.reason()).append(']');
            }
            return verdict.toString();
        }
    }
}
