package dev.atomik.conformance.runner;

import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.trace.Trace;
import dev.atomik.conformance.trace.TraceProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs traces against an adapter, as conformance/INTERPRETING.md describes: for each trace, skip it
 * when the adapter lacks a capability (PROTO-CAPS-1); otherwise send {@code reset} and the trace's
 * requests in pipelined batches of a window of steps ({@link WindowedRun}), and judge the replies in
 * order (PROTO-REPLY-1, TRACE-RESULT-1). An adapter fault ends the trace {@code error} and the
 * adapter is reopened (PROTO-FAULT-1). Traces are read step by step, so their length costs time,
 * not memory.
 */
public final class Runner {

    /**
     * How a run judges traces.
     *
     * @param allSteps after a disagreeing step, keep comparing the trace's later steps and list them all
     * @param window   steps whose requests are sent as one pipelined batch; the runner holds one window
     *                 at a time, so this bounds its memory, not what it judges
     */
    public record Options(boolean allSteps, int window) {
        /** Larger than any golden trace, so each of them is one batch, as before windows existed. */
        public static final int DEFAULT_WINDOW = 4096;
        public static final Options DEFAULT = new Options(false);

        public Options {
            if (window < 1) {
                throw new IllegalArgumentException("window must be at least 1 step");
            }
        }

        public Options(boolean allSteps) {
            this(allSteps, DEFAULT_WINDOW);
        }
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
        return new WindowedRun(trace, plan, session, options, start).run();
    }

    /** A multi-node trace: the runner holds the network (spec/trace-format-multinode.md). */
    private static TraceResult runMultiNode(Trace trace, AdapterSession session, long start) {
        MultiNodeExecutor.Outcome o = new MultiNodeExecutor(trace, session).run();
        List<String> clauses = trace.header().clauses();
        if (o == null) {
            return new TraceResult(trace.id(), trace.file(), clauses, Status.PASS, null, null, null, null, null,
                    trace.stepCount(), System.nanoTime() - start, StepAccount.reachedOnly(trace.stepCount()));
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
                o.expected(), o.actual(), o.reason(), trace.stepCount(), System.nanoTime() - start);
    }

    static List<String> with(List<String> clauses, String extra) {
        if (clauses.contains(extra)) {
            return clauses;
        }
        List<String> out = new ArrayList<>(clauses);
        out.add(extra);
        return out;
    }
}
