package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run's state: the batch loop, the tallies, and the classes found and waived. Each sequence
 * starts from a reset, so after a disagreement the later sequences of the same batch are still fair
 * comparisons and are examined in turn; only the rest of the disagreeing sequence is skipped (its
 * two sides no longer hold the same state).
 */
final class FuzzLoop {
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    private final Fuzzer.Options options;
    private final Sides sides;
    private final SequenceGenerator generator;
    private final String implementation;
    private final List<String> notes;
    private final PrintStream log;
    private final FindingMaker maker;
    /** Tallies as one-element arrays: a counter per op or code without boxing on every step. */
    private final Map<String, long[]> ops = new HashMap<>();
    private final Map<String, long[]> errors = new HashMap<>();
    /** Unwaived classes in the order found. */
    private final Map<FuzzClass, ClassTally> found = new LinkedHashMap<>();
    /** Every waived class, with the disagreements seen in it. */
    private final Map<FuzzClass, long[]> waived = new HashMap<>();
    /** Sequences of a batch the adapter faulted in that were not compared yet: they go first in the next batch. */
    private final Deque<FuzzSequence> carried = new ArrayDeque<>();
    private long steps;
    private long sequences;
    private long shrinkNanos;
    private long shrinkCpuNanos;

    /** A class found so far: its first disagreement, shrunk, and how often it came up. */
    private static final class ClassTally {
        final long firstSequence;
        final FuzzReport.Finding finding;
        long count = 1;

        ClassTally(long firstSequence, FuzzReport.Finding finding) {
            this.firstSequence = firstSequence;
            this.finding = finding;
        }
    }

    FuzzLoop(Fuzzer.Options options, Sides sides, SequenceGenerator generator, String implementation,
             List<String> notes, PrintStream log) {
        this.options = options;
        this.sides = sides;
        this.generator = generator;
        this.implementation = implementation;
        this.notes = notes;
        this.log = log;
        this.maker = new FindingMaker(options, sides, log);
        options.waived().forEach(c -> waived.put(c, new long[1]));
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
        boolean full = false;
        while (!full && steps < limit && System.nanoTime() < deadline) {
            batch.clear();
            plans.clear();
            requests.clear();
            long planned = steps;
            while (requests.size() < options.batchRequests() && planned < limit) {
                FuzzSequence s = carried.isEmpty() ? generator.sequence(index++) : carried.poll();
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
            full = examine(batch, plans, sides.run(requests));
            long now = System.nanoTime();
            if (now >= nextProgress) {
                log.printf(Locale.ROOT, "  ... %,d steps, %,d sequences, %,.0f steps/s, %s%n", steps, sequences,
                        steps / ((now - start - shrinkNanos) / 1e9), soFar());
                nextProgress = now + PROGRESS_NANOS;
            }
        }
        long elapsed = System.nanoTime() - start - shrinkNanos;
        return new FuzzReport(options.adapter(), implementation, options.seed(), steps, sequences, elapsed,
                cpuSince(cpuStart), totals(ops), totals(errors), found(), waivedTotals(), options.classLimit(), null,
                notes);
    }

    private String soFar() {
        long w = waived.values().stream().mapToLong(c -> c[0]).sum();
        String classes = found.isEmpty() ? "no disagreement" : found.size() + " class" + (found.size() == 1 ? "" : "es");
        return w == 0 ? classes : classes + ", " + w + " waived";
    }

    /**
     * Compares the batch sequence by sequence, filing every disagreement; true when the class
     * limit is reached (the rest of the batch is then left uncounted, as if never run).
     */
    private boolean examine(List<FuzzSequence> batch, List<MultiNodePlan> plans, Sides.Outcome outcome) {
        int from = 0; // the first sequence not yet counted
        int offset = 0; // its reset's request index
        while (true) {
            int bad = outcome.firstDisagreement(offset);
            if (bad < 0) {
                count(batch, plans, outcome.model(), from, batch.size());
                return false;
            }
            Disagreement d = locate(batch, plans, outcome, bad, from, offset);
            count(batch, plans, outcome.model(), from, d.batchPosition());
            // The disagreeing sequence counts up to its disagreeing step.
            steps += d.failing().size();
            sequences++;
            d.failing().forEach(step -> tally(ops, FindingMaker.op(step)));
            if (outcome.target() != null) {
                // the model's errors up to the disagreement were reached too (the rest of the sequence was not compared)
                for (int r = offsetOf(batch, plans, d.batchPosition()) + 1; r <= bad; r++) {
                    JsonNode error = outcome.model().get(r).get("error");
                    if (error != null) {
                        tally(errors, error.textValue());
                    }
                }
            }
            if (file(d)) {
                return true;
            }
            from = d.batchPosition() + 1;
            if (from >= batch.size()) {
                return false;
            }
            if (outcome.target() == null) {
                // The adapter faulted, so nothing after the fault was compared: run the rest again.
                List<FuzzSequence> rest = batch.subList(from, batch.size());
                for (int i = rest.size() - 1; i >= 0; i--) {
                    carried.addFirst(rest.get(i));
                }
                return false;
            }
            offset = offsetOf(batch, plans, from);
        }
    }

    /** Files a disagreement under its class; true when the class limit is reached. */
    private boolean file(Disagreement d) {
        FuzzClass c = d.fuzzClass();
        long[] waivedCount = waived.get(c);
        if (waivedCount != null) {
            if (waivedCount[0]++ == 0) {
                log.printf(Locale.ROOT, "%s: waived (first in sequence %d): %s%n", c, d.sequence().index(), d.reason());
            }
            return false;
        }
        ClassTally known = found.get(c);
        if (known != null) {
            known.count++;
            return false;
        }
        long wall = System.nanoTime();
        long cpu = CpuTime.now();
        FuzzReport.Finding finding = maker.make(d);
        shrinkNanos += System.nanoTime() - wall;
        long cpuNow = CpuTime.now();
        if (cpu >= 0 && cpuNow >= 0) {
            shrinkCpuNanos += cpuNow - cpu;
        }
        found.put(c, new ClassTally(d.sequence().index(), finding));
        log.printf(Locale.ROOT, "%s: %s%s%n", c,
                finding.file() != null ? "shrunk to " + finding.shrunk().size() + " steps, " + finding.file()
                        : finding.replay(),
                options.classLimit() > 1 ? " (class " + found.size() + " of at most " + options.classLimit() + ")" : "");
        return found.size() >= options.classLimit();
    }

    private List<FuzzReport.Found> found() {
        List<FuzzReport.Found> out = new ArrayList<>();
        found.forEach((c, t) -> out.add(new FuzzReport.Found(c, t.count, t.firstSequence, t.finding)));
        return out;
    }

    private Map<String, Long> waivedTotals() {
        Map<String, Long> out = new TreeMap<>();
        waived.forEach((c, n) -> out.put(c.toString(), n[0]));
        return out;
    }

    private static void tally(Map<String, long[]> counts, String key) {
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
    }

    private static Map<String, Long> totals(Map<String, long[]> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    /** CPU of the comparing loop: shrinking is left out, as it is from the wall time. */
    private long cpuSince(long cpuStart) {
        long now = CpuTime.now();
        return cpuStart < 0 || now < 0 ? -1 : now - cpuStart - shrinkCpuNanos;
    }

    /** Adds sequences {@code [from, upTo)} of the batch, which agreed throughout, to the tallies. */
    private void count(List<FuzzSequence> batch, List<MultiNodePlan> plans, List<ObjectNode> modelReplies, int from,
                       int upTo) {
        int position = offsetOf(batch, plans, from);
        for (int b = from; b < upTo; b++) {
            FuzzSequence s = batch.get(b);
            position++; // the reset
            for (ObjectNode step : s.steps()) {
                tally(ops, step.get("op").textValue());
            }
            for (int r = 0; r < sent(s, plans.get(b)).size(); r++) {
                JsonNode error = modelReplies.get(position++).get("error");
                if (error != null) {
                    tally(errors, error.textValue());
                }
            }
            steps += s.steps().size();
            sequences++;
        }
    }

    private static List<ObjectNode> sent(FuzzSequence s, MultiNodePlan plan) {
        return plan == null ? s.steps() : plan.requests;
    }

    /** Request index of sequence {@code b}'s reset in the batch. */
    private static int offsetOf(List<FuzzSequence> batch, List<MultiNodePlan> plans, int b) {
        int offset = 0;
        for (int i = 0; i < b; i++) {
            offset += 1 + sent(batch.get(i), plans.get(i)).size();
        }
        return offset;
    }

    /** The disagreeing sequence at or after {@code from} (whose reset is request {@code offset}). */
    private Disagreement locate(List<FuzzSequence> batch, List<MultiNodePlan> plans, Sides.Outcome outcome, int bad,
                                int from, int offset) {
        boolean exact = outcome.fault() == null || outcome.fault().requestIndex() >= 0;
        for (int b = from; b < batch.size(); b++) {
            FuzzSequence s = batch.get(b);
            MultiNodePlan plan = plans.get(b);
            List<ObjectNode> sent = sent(s, plan);
            int end = offset + 1 + sent.size();
            if (exact && bad < end) {
                int request = bad - offset; // 0 is the reset
                int within = stepOf(plan, Math.max(0, request - 1));
                return new Disagreement(b, s, s.steps().subList(0, within + 1), outcome.reason(bad),
                        outcome.classOf(bad, opOf(s, plan, request)));
            }
            if (!exact) {
                // The adapter faulted without saying where: find the first sequence that fails alone.
                Sides.Outcome alone = sides.run(Sides.fromReset(sent));
                int at = alone.firstDisagreement();
                if (at >= 0) {
                    int within = at == 0 ? 0 : stepOf(plan, at - 1);
                    return new Disagreement(b, s, s.steps().subList(0, Math.max(1, within + 1)), alone.reason(at),
                            alone.classOf(at, opOf(s, plan, at)));
                }
            }
            offset = end;
        }
        FuzzSequence last = batch.get(batch.size() - 1);
        return new Disagreement(batch.size() - 1, last, last.steps(), outcome.reason(bad),
                outcome.classOf(bad, FindingMaker.op(last.steps().get(last.steps().size() - 1))));
    }

    /** The step a request came from: the same index for a single-node sequence. */
    private static int stepOf(MultiNodePlan plan, int request) {
        return plan == null ? request : plan.stepOf(request);
    }

    /** The op of the step behind request {@code request} of a sequence (0 is its reset). */
    private static String opOf(FuzzSequence s, MultiNodePlan plan, int request) {
        return request == 0 ? "reset" : FindingMaker.op(s.steps().get(stepOf(plan, request - 1)));
    }
}
