package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.trace.TraceParser;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a disagreement into a finding: shrinks it ({@link Shrinker}) while it keeps its class, so
 * the trace written for a class shows that class and no other; writes it with the model's answers
 * as expectations ({@link FindingWriter}, {@link MultiNodeFindingWriter}); and replays it through
 * the runner against the same adapter.
 */
final class FindingMaker {
    private static final String NOT_REPRODUCED = "not written: the sequence passes when run alone after a reset "
            + "(the adapter's reset keeps state, or it is not deterministic)";

    private final Fuzzer.Options options;
    private final Sides sides;
    private final PrintStream log;

    FindingMaker(Fuzzer.Options options, Sides sides, PrintStream log) {
        this.options = options;
        this.sides = sides;
        this.log = log;
    }

    /** The class of the first disagreement when {@code steps} run from a reset on both sides; null if none. */
    FuzzClass classOf(List<ObjectNode> steps, boolean multiNode) {
        if (!multiNode) {
            Sides.Outcome outcome = sides.run(Sides.fromReset(steps));
            int at = outcome.firstDisagreement();
            return at < 0 ? null : outcome.classOf(at, at == 0 ? "reset" : op(steps.get(at - 1)));
        }
        MultiNodePlan plan;
        try {
            plan = MultiNodePlan.of(steps);
        } catch (IllegalArgumentException invalidSchedule) {
            return null; // a candidate that breaks the network rules does not reproduce anything
        }
        Sides.Outcome outcome = sides.run(Sides.fromReset(plan.requests));
        int at = outcome.firstDisagreement();
        return at < 0 ? null : outcome.classOf(at, at == 0 ? "reset" : op(plan.steps.get(plan.stepOf(at - 1))));
    }

    static String op(ObjectNode step) {
        return step.path("op").asText();
    }

    FuzzReport.Finding make(Disagreement d) {
        FuzzSequence s = d.sequence();
        List<ObjectNode> failing = d.failing();
        boolean multiNode = s.kind().equals("cache");
        FuzzClass wanted = d.fuzzClass();
        log.printf(Locale.ROOT, "%s: disagreement in sequence %d (%s), step %d (%s): %s%n", wanted, s.index(),
                s.kind(), failing.size(), op(failing.get(failing.size() - 1)), d.reason());
        long shrinkStart = System.nanoTime();
        if (!wanted.equals(classOf(failing, multiNode))) {
            return notWritten(d, failing, "does not reproduce from a reset", 1, shrinkStart, NOT_REPRODUCED);
        }
        // Keeping the class, not merely some disagreement, stops the shrinker from trading this bug
        // for a shorter one of another class (which may be waived, or already have its trace).
        Shrinker shrinker = new Shrinker(c -> wanted.equals(classOf(c, multiNode)), s.pinned(), options.shrinkBudget());
        List<ObjectNode> shrunk = shrinker.shrink(failing);
        if (!multiNode && s.pinned() == 1 && onlyWireOps(shrunk.subList(1, shrunk.size()))
                && wanted.equals(classOf(shrunk.subList(1, shrunk.size()), false))) {
            // Only encode/decode are left: the init is not needed and the finding is a wire trace.
            shrunk = new ArrayList<>(shrunk.subList(1, shrunk.size()));
            s = new FuzzSequence(s.index(), "wire", shrunk);
        }
        long shrinkNanos = System.nanoTime() - shrinkStart;
        return multiNode ? writeMultiNode(d, shrunk, shrinker.tests(), shrinkNanos)
                : write(d, s, shrunk, shrinker.tests(), shrinkNanos);
    }

    private FuzzReport.Finding notWritten(Disagreement d, List<ObjectNode> steps, String shrunkReason, int tests,
                                          long shrinkStart, String why) {
        return new FuzzReport.Finding(d.sequence().index(), d.failing().size(), d.reason(), steps, shrunkReason,
                d.sequence().pinned(), tests, System.nanoTime() - shrinkStart, null, null, why);
    }

    private FuzzReport.Finding write(Disagreement d, FuzzSequence s, List<ObjectNode> shrunk, int tests,
                                     long shrinkNanos) {
        Sides.Outcome last = sides.run(Sides.fromReset(shrunk));
        int at = last.firstDisagreement();
        String reason = at >= 0 ? last.reason(at) : "(did not disagree on the final run)";
        FuzzClass shown = at < 0 ? null : last.classOf(at, at == 0 ? "reset" : op(shrunk.get(at - 1)));
        if (!d.fuzzClass().equals(shown)) {
            return mismatch(d, shrunk, reason, tests, shrinkNanos, shown);
        }
        TraceParser parser = TraceParser.withSpec();
        FindingWriter.Written written;
        try {
            written = new FindingWriter(sides.model(), parser).write(options.outDir(), options.adapter(),
                    options.seed(), s, shrunk, at - 1, options.adapter() + ": " + reason); // request 0 is the reset
        } catch (IOException e) {
            return finding(d, shrunk, reason, tests, shrinkNanos, null, "not written: " + e.getMessage());
        }
        return finding(d, shrunk, reason, tests, shrinkNanos, written, replay(written, parser));
    }

    private FuzzReport.Finding writeMultiNode(Disagreement d, List<ObjectNode> shrunk, int tests, long shrinkNanos) {
        MultiNodePlan plan = MultiNodePlan.of(shrunk);
        Sides.Outcome last = sides.run(Sides.fromReset(plan.requests));
        int at = last.firstDisagreement();
        String reason = at >= 0 ? last.reason(at) : "(did not disagree on the final run)";
        int disagreeAt = at >= 1 ? plan.stepOf(at - 1) : -1; // request 0 is the reset
        FuzzClass shown = at < 0 ? null : last.classOf(at, disagreeAt < 0 ? "reset" : op(plan.steps.get(disagreeAt)));
        if (!d.fuzzClass().equals(shown)) {
            return mismatch(d, plan.steps, reason, tests, shrinkNanos, shown);
        }
        TraceParser parser = TraceParser.withSpec();
        MultiNodeFindingWriter.Written written;
        try {
            written = new MultiNodeFindingWriter(sides.model(), parser).write(options.outDir(), options.adapter(),
                    options.seed(), d.sequence().index(), plan, disagreeAt, options.adapter() + ": " + reason);
        } catch (IOException e) {
            return finding(d, plan.steps, reason, tests, shrinkNanos, null, "not written: " + e.getMessage());
        }
        FindingWriter.Written asSingle = new FindingWriter.Written(written.file(), written.id(), written.text());
        return finding(d, plan.steps, reason, tests, shrinkNanos, asSingle, replay(asSingle, parser));
    }

    /**
     * Every candidate the shrinker kept showed the class, so this happens only when the adapter
     * answers the same steps differently from one run to the next; the trace is then not written,
     * because it could not be relied on to show the class it would be filed under.
     */
    private FuzzReport.Finding mismatch(Disagreement d, List<ObjectNode> shrunk, String reason, int tests,
                                        long shrinkNanos, FuzzClass shown) {
        return finding(d, shrunk, reason, tests, shrinkNanos, null, "not written: the shrunk sequence showed "
                + (shown == null ? "no disagreement" : shown) + " on its final run, not " + d.fuzzClass()
                + " (the adapter is not deterministic)");
    }

    private static FuzzReport.Finding finding(Disagreement d, List<ObjectNode> shrunk, String reason, int tests,
                                              long shrinkNanos, FindingWriter.Written written, String replay) {
        return new FuzzReport.Finding(d.sequence().index(), d.failing().size(), d.reason(), shrunk, reason,
                d.sequence().pinned(), tests, shrinkNanos, written == null ? null : written.file(),
                written == null ? null : written.id(), replay);
    }

    private static boolean onlyWireOps(List<ObjectNode> steps) {
        if (steps.isEmpty()) {
            return false;
        }
        for (ObjectNode step : steps) {
            String op = op(step);
            if (!op.equals("encode") && !op.equals("decode")) {
                return false;
            }
        }
        return true;
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
