package dev.atomik.conformance.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.trace.ResultShape;
import dev.atomik.conformance.trace.StepCursor;
import dev.atomik.conformance.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * One single-node trace against an adapter, a window of steps at a time: plan the probes of the
 * next {@link Runner.Options#window()} steps, send them as one pipelined batch (the first batch
 * starts with {@code reset}), judge their replies, go on. Only one window of probes and replies is
 * held, so a trace of any length runs in bounded memory.
 *
 * <p>The verdict is the one a single batch of every request would give: every window is sent even
 * after the trace is decided, because a fault in any reply still makes the trace {@code error}
 * (PROTO-FAULT-1), and a malformed reply found while judging is reported only once every window
 * was sent without a fault.
 */
final class WindowedRun {
    private final Trace trace;
    private final TracePlan plan;
    private final AdapterSession session;
    private final Runner.Options options;
    private final long start;

    private final List<StepNote> notObserved = new ArrayList<>();
    private final List<StepNote> harnessSteps = new ArrayList<>();
    private final List<StepNote> divergences = new ArrayList<>();
    private int reached;
    private int harness;
    private boolean decidedByImplementation;
    private Probe first;
    private ReplyCheck.Verdict firstVerdict;
    /** No more replies are judged: the first divergence decided (without --all-steps), or a bad reply. */
    private boolean judged;
    /** A bad reset or reply, reported when no later window faults. */
    private Fault pending;

    private record Fault(Probe probe, boolean atReset, String kind, String detail, String actual) {
    }

    WindowedRun(Trace trace, TracePlan plan, AdapterSession session, Runner.Options options, long start) {
        this.trace = trace;
        this.plan = plan;
        this.session = session;
        this.options = options;
        this.start = start;
    }

    TraceResult run() {
        Probe.Planner planner = new Probe.Planner(trace.header().requires().kind(), plan.observable(), notObserved);
        List<Probe> window = new ArrayList<>();
        boolean firstWindow = true;
        try (StepCursor steps = trace.openSteps()) {
            while (firstWindow || steps.hasNext()) {
                window.clear();
                for (int taken = 0; taken < options.window() && steps.hasNext(); taken++) {
                    planner.plan(steps.next(), window);
                }
                int offset = firstWindow ? 1 : 0;
                List<ObjectNode> requests = new ArrayList<>(window.size() + offset);
                if (firstWindow) {
                    requests.add(Probe.reset());
                }
                window.forEach(p -> requests.add(p.request()));
                if (requests.isEmpty()) {
                    continue; // every step of this window was left out as not observed
                }
                List<ObjectNode> replies;
                try {
                    replies = session.execute(requests, window.isEmpty() ? 1 : window.get(0).step().number());
                } catch (AdapterFault fault) {
                    session.reopen();
                    int index = fault.requestIndex();
                    Probe at = index - offset >= 0 && index - offset < window.size() ? window.get(index - offset) : null;
                    return result(new Fault(at, firstWindow && index == 0, fault.kind().name(), fault.getMessage(),
                            null));
                }
                if (firstWindow) {
                    checkReset(replies.get(0));
                    firstWindow = false;
                }
                if (!judged) {
                    judge(window, replies, offset);
                }
            }
        }
        if (pending != null) {
            session.reopen();
            return result(pending);
        }
        return verdict();
    }

    private void checkReset(ObjectNode reply) {
        String problem = ReplyCheck.shapeProblem(ResultShape.OK, reply);
        if (problem != null || reply.has("error")) {
            pending = new Fault(null, true, "BAD_REPLY", "reset answered " + reply, null);
            judged = true;
        }
    }

    /**
     * Judges the window's replies in order. Without --all-steps the first disagreement decides; with it
     * every later step is compared too and listed, marked as following the first divergence.
     */
    private void judge(List<Probe> window, List<ObjectNode> replies, int offset) {
        for (int i = 0; i < window.size() && !judged; i++) {
            Probe probe = window.get(i);
            ObjectNode reply = replies.get(i + offset);
            ReplyCheck.Verdict verdict = ReplyCheck.judge(probe, reply);
            if (verdict.kind() == ReplyCheck.Verdict.Kind.BAD_REPLY) {
                pending = new Fault(probe, false, "BAD_REPLY", verdict.reason(), verdict.actual());
                judged = true;
                return;
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
            judged = !options.allSteps();
        }
    }

    private TraceResult verdict() {
        List<String> clauses = new ArrayList<>(trace.header().clauses());
        clauses.removeAll(plan.uncredited());
        StepAccount account = new StepAccount(reached, harness, notObserved, harnessSteps, divergences,
                plan.uncredited());
        long nanos = System.nanoTime() - start;
        int steps = trace.stepCount();
        if (first != null) {
            List<String> failedClauses = clauses;
            if (firstVerdict.reason() != null && firstVerdict.reason().contains("PROTO-CAPS-1")) {
                failedClauses = Runner.with(clauses, "PROTO-CAPS-1");
            } else if (firstVerdict.reason() != null && firstVerdict.reason().contains("ERR-CODES-1")) {
                failedClauses = Runner.with(clauses, "ERR-CODES-1");
            }
            return new TraceResult(trace.id(), trace.file(), failedClauses, Status.FAIL, first.step().number(),
                    first.label(), firstVerdict.expected(), firstVerdict.actual(), firstVerdict.reason(),
                    steps, nanos, account);
        }
        if (!decidedByImplementation) {
            return new TraceResult(trace.id(), trace.file(), clauses, Status.NOT_EXERCISED, null, null, null, null,
                    "every deciding step was answered by the harness, none by the implementation", steps,
                    nanos, account);
        }
        return new TraceResult(trace.id(), trace.file(), clauses, Status.PASS, null, null, null, null, null,
                steps, nanos, account);
    }

    /**
     * An {@code error} result for a fault at a probe (or at the reset, or at an unknown request);
     * steps before the faulted one count as executed.
     */
    private TraceResult result(Fault fault) {
        Integer step = null;
        String op = null;
        int executed = 0;
        String where = "";
        if (fault.atReset()) {
            where = " at reset";
        } else if (fault.probe() != null) {
            step = fault.probe().step().number();
            op = fault.probe().label();
            executed = step - 1;
            where = " at step " + step;
        }
        String kind = fault.kind();
        String detail = fault.detail();
        // AdapterFault messages read "KIND at request N: detail"; report the step instead of the request.
        String plain = detail.startsWith(kind) && detail.contains(": ") ? detail.substring(detail.indexOf(": ") + 2) : detail;
        String reason = kind + where + ": " + plain;
        TraceFault typed = new TraceFault(AdapterFault.Kind.valueOf(kind), fault.atReset() ? TraceFault.Where.RESET
                : fault.probe() != null ? TraceFault.Where.STEP : TraceFault.Where.UNKNOWN, plain);
        return new TraceResult(trace.id(), trace.file(), Runner.with(trace.header().clauses(), "PROTO-FAULT-1"),
                Status.ERROR, step, op, null, fault.actual(), reason, executed, System.nanoTime() - start,
                StepAccount.NONE, typed);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
