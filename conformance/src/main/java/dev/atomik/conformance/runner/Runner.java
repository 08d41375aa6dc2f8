package dev.atomik.conformance.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.trace.ResultShape;
import dev.atomik.conformance.trace.Trace;
import dev.atomik.conformance.trace.TraceProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs traces against an adapter, as conformance/INTERPRETING.md describes: for each trace, skip it
 * when the adapter lacks a capability (PROTO-CAPS-1); otherwise send {@code reset} and every request
 * of the trace in one batch, then judge the replies in order (PROTO-REPLY-1, TRACE-RESULT-1). An
 * adapter fault ends the trace {@code error} and the adapter is reopened (PROTO-FAULT-1).
 */
public final class Runner {

    /**
     * How a run judges traces.
     *
     * @param allSteps after a disagreeing step, keep comparing the trace's later steps and list them all
     */
    public record Options(boolean allSteps) {
        public static final Options DEFAULT = new Options(false);
    }

    private final Options options;

    public Runner() {
        this(Options.DEFAULT);
    }

    public Runner(Options options) {
        this.options = options;
    }

    /** Runs every trace in order. The session is left open; the caller closes it. */
    public RunResult run(List<LoadedTrace> traces, AdapterSession session, RunListener listener) {
        long start = System.nanoTime();
        listener.started(traces.size());
        Hello hello = session.hello();
        List<TraceResult> results = new ArrayList<>(traces.size());
        int malformed = 0;
        for (LoadedTrace trace : traces) {
            if (trace.isMalformed()) {
                malformed++;
            }
            TraceResult result = runTrace(trace, session);
            results.add(result);
            listener.finished(result);
            if (hello == null) {
                hello = session.hello();
            }
        }
        return RunResult.of(session.name(), hello, results, malformed, System.nanoTime() - start);
    }

    /** Runs one trace (the TCK calls this once per dynamic test). */
    public TraceResult runTrace(LoadedTrace loaded, AdapterSession session) {
        long start = System.nanoTime();
        if (loaded.isMalformed()) {
            List<TraceProblem> problems = loaded.problems();
            String reason = "malformed trace: " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
            return new TraceResult(loaded.id(), loaded.file(), List.of(), Status.ERROR, null, null, null, null,
                    reason, 0, System.nanoTime() - start);
        }
        Trace trace = loaded.trace();
        List<String> clauses = trace.header().clauses();
        String unavailable = session.unavailable();
        if (unavailable != null) {
            return new TraceResult(trace.id(), trace.file(), with(clauses, "PROTO-HELLO-1"), Status.ERROR, null,
                    null, null, null, "adapter unavailable: " + unavailable, 0, System.nanoTime() - start);
        }
        TracePlan plan = CapabilityCheck.plan(trace, session.hello().capabilities());
        if (plan.skipped()) {
            return new TraceResult(trace.id(), trace.file(), clauses, Status.SKIP, null, null, null, null,
                    plan.skipReason(), 0, System.nanoTime() - start);
        }
        if (trace.header().requires().kind().equals("cache")) {
            return runMultiNode(trace, session, start);
        }
        List<Probe> probes = plan.probes();
        List<ObjectNode> requests = new ArrayList<>(probes.size() + 1);
        requests.add(Probe.reset());
        probes.forEach(p -> requests.add(p.request()));
        List<ObjectNode> replies;
        try {
            replies = session.execute(requests);
        } catch (AdapterFault fault) {
            session.reopen();
            return faulted(trace, probes, fault.requestIndex(), fault.kind().name(), fault.getMessage(), null,
                    start);
        }
        String resetProblem = ReplyCheck.shapeProblem(ResultShape.OK, replies.get(0));
        if (resetProblem != null || replies.get(0).has("error")) {
            session.reopen();
            return faulted(trace, probes, 0, "BAD_REPLY", "reset answered " + replies.get(0), null, start);
        }
        return judge(trace, probes, replies, plan, start, session);
    }

    /**
     * Judges every reply in order. Without --all-steps the first disagreement decides; with it every
     * later step is compared too and listed, marked as following the first divergence.
     */
    private TraceResult judge(Trace trace, List<Probe> probes, List<ObjectNode> replies, TracePlan plan,
                              long start, AdapterSession session) {
        List<String> clauses = new ArrayList<>(trace.header().clauses());
        clauses.removeAll(plan.uncredited());
        int reached = 0;
        int harness = 0;
        boolean decidedByImplementation = false;
        List<StepNote> harnessSteps = new ArrayList<>();
        List<StepNote> divergences = new ArrayList<>();
        Probe first = null;
        ReplyCheck.Verdict firstVerdict = null;
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            ObjectNode reply = replies.get(i + 1);
            ReplyCheck.Verdict verdict = ReplyCheck.judge(probe, reply);
            if (verdict.kind() == ReplyCheck.Verdict.Kind.BAD_REPLY) {
                session.reopen();
                return faulted(trace, probes, i + 1, "BAD_REPLY", verdict.reason(), verdict.actual(), start);
            }
            boolean byHarness = ReplyCheck.byHarness(reply);
            if (byHarness) {
                harness++;
                if (probe.decisive()) {
                    harnessSteps.add(new StepNote(probe.step().number(), probe.label(), ReplyCheck.expected(probe),
                            ReplyCheck.actual(reply), "decided by the harness", false));
                }
            } else {
                reached++;
                decidedByImplementation |= probe.decisive();
            }
            if (verdict.kind() == ReplyCheck.Verdict.Kind.AGREE) {
                continue;
            }
            String why = byHarness ? join(verdict.reason(), "decided by the harness") : verdict.reason();
            divergences.add(new StepNote(probe.step().number(), probe.label(), verdict.expected(), verdict.actual(),
                    why, first != null));
            if (first == null) {
                first = probe;
                firstVerdict = new ReplyCheck.Verdict(verdict.kind(), verdict.expected(), verdict.actual(), why);
            }
            if (!options.allSteps()) {
                break;
            }
        }
        StepAccount account = new StepAccount(reached, harness, plan.notObserved(), harnessSteps, divergences,
                plan.uncredited());
        long nanos = System.nanoTime() - start;
        if (first != null) {
            List<String> failedClauses = clauses;
            if (firstVerdict.reason() != null && firstVerdict.reason().contains("PROTO-CAPS-1")) {
                failedClauses = with(clauses, "PROTO-CAPS-1");
            } else if (firstVerdict.reason() != null && firstVerdict.reason().contains("ERR-CODES-1")) {
                failedClauses = with(clauses, "ERR-CODES-1");
            }
            return new TraceResult(trace.id(), trace.file(), failedClauses, Status.FAIL, first.step().number(),
                    first.label(), firstVerdict.expected(), firstVerdict.actual(), firstVerdict.reason(),
                    trace.steps().size(), nanos, account);
        }
        if (!decidedByImplementation) {
            return new TraceResult(trace.id(), trace.file(), clauses, Status.NOT_EXERCISED, null, null, null, null,
                    "every deciding step was answered by the harness, none by the implementation", trace.steps().size(),
                    nanos, account);
        }
        return new TraceResult(trace.id(), trace.file(), clauses, Status.PASS, null, null, null, null, null,
                trace.steps().size(), nanos, account);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    /** A multi-node trace: the runner holds the network (spec/trace-format-multinode.md). */
    private static TraceResult runMultiNode(Trace trace, AdapterSession session, long start) {
        MultiNodeExecutor.Outcome o = new MultiNodeExecutor(trace, session).run();
        List<String> clauses = trace.header().clauses();
        if (o == null) {
            return new TraceResult(trace.id(), trace.file(), clauses, Status.PASS, null, null, null, null, null,
                    trace.steps().size(), System.nanoTime() - start, StepAccount.reachedOnly(trace.steps().size()));
        }
        if (o.fault() != null) {
            int executed = o.failedStep() == null ? 0 : o.failedStep() - 1;
            return new TraceResult(trace.id(), trace.file(), with(clauses, "PROTO-FAULT-1"), Status.ERROR,
                    o.failedStep(), o.op(), null, o.actual(), o.fault() + (o.reason().startsWith("at ") ? " " : ": ") + o.reason(), executed,
                    System.nanoTime() - start);
        }
        List<String> failedClauses = clauses;
        if (o.reason() != null && o.reason().contains("PROTO-CAPS-1")) {
            failedClauses = with(clauses, "PROTO-CAPS-1");
        } else if (o.reason() != null && o.reason().contains("ERR-CODES-1")) {
            failedClauses = with(clauses, "ERR-CODES-1");
        }
        return new TraceResult(trace.id(), trace.file(), failedClauses, Status.FAIL, o.failedStep(), o.op(),
                o.expected(), o.actual(), o.reason(), trace.steps().size(), System.nanoTime() - start);
    }

    /**
     * An {@code error} result for a fault at request {@code requestIndex} of the batch (0 is the
     * reset, −1 unknown); steps before the faulted one count as executed.
     */
    private static TraceResult faulted(Trace trace, List<Probe> probes, int requestIndex, String kind,
                                       String detail, String actual, long start) {
        Integer step = null;
        String op = null;
        int executed = 0;
        String where;
        if (requestIndex == 0) {
            where = " at reset";
        } else if (requestIndex > 0 && requestIndex <= probes.size()) {
            Probe probe = probes.get(requestIndex - 1);
            step = probe.step().number();
            op = probe.label();
            executed = step - 1;
            where = " at step " + step;
        } else {
            where = "";
        }
        // AdapterFault messages read "KIND at request N: detail"; report the step instead of the request.
        String plain = detail.startsWith(kind) && detail.contains(": ") ? detail.substring(detail.indexOf(": ") + 2) : detail;
        String reason = kind + where + ": " + plain;
        return new TraceResult(trace.id(), trace.file(), with(trace.header().clauses(), "PROTO-FAULT-1"),
                Status.ERROR, step, op, null, actual, reason, executed, System.nanoTime() - start);
    }

    private static List<String> with(List<String> clauses, String extra) {
        if (clauses.contains(extra)) {
            return clauses;
        }
        List<String> out = new ArrayList<>(clauses);
        out.add(extra);
        return out;
    }
}
