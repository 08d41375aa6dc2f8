package dev.atomik.conformance.runner;

import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.trace.Trace;
import dev.atomik.conformance.trace.TraceProblem;
import java.time.Duration;
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
     * @param allSteps  after a disagreeing step, keep comparing the trace's later steps and list them all
     * @param window    steps whose requests are sent as one pipelined batch; the runner holds one window
     *                  at a time, so this bounds its memory, not what it judges
     * @param deadAfter stop the run (exit 2) after this many traces in a row got no answer from the
     *                  adapter ({@link TraceFault#noAnswer()}); 0 never stops (--keep-going)
     * @param heartbeat how often a listener hears that the runner is still waiting; it is told every tenth
     *                  of this (at most every second), so it can print a line after this much silence
     */
    public record Options(boolean allSteps, int window, int deadAfter, Duration heartbeat) {
        /** Larger than any golden trace, so each of them is one batch, as before windows existed. */
        public static final int DEFAULT_WINDOW = 4096;
        /** Three traces in a row without an answer: one bad trace or a flaky start is not yet "dead". */
        public static final int DEFAULT_DEAD_AFTER = 3;
        public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);
        /** Library callers (the TCK, the self-test, benchmarks) run every trace, as before early stops existed. */
        public static final Options DEFAULT = new Options(false);

        public Options {
            if (window < 1) {
                throw new IllegalArgumentException("window must be at least 1 step");
            }
            if (deadAfter < 0) {
                throw new IllegalArgumentException("deadAfter must be 0 (never stop) or more");
            }
            if (heartbeat.isNegative() || heartbeat.isZero()) {
                throw new IllegalArgumentException("heartbeat must be positive");
            }
        }

        public Options(boolean allSteps, int window) {
            this(allSteps, window, 0, DEFAULT_HEARTBEAT);
        }

        public Options(boolean allSteps) {
            this(allSteps, DEFAULT_WINDOW);
        }

        /** How the CLI runs: stops a dead adapter unless {@code keepGoing}. */
        public static Options cli(boolean allSteps, boolean keepGoing, Duration heartbeat) {
            return new Options(allSteps, DEFAULT_WINDOW, keepGoing ? 0 : DEFAULT_DEAD_AFTER, heartbeat);
        }

        /** How often the listener is told about a call still outstanding. */
        Duration poll() {
            Duration tenth = heartbeat.dividedBy(10);
            Duration second = Duration.ofSeconds(1);
            return tenth.compareTo(second) > 0 ? second : tenth.isZero() ? Duration.ofMillis(1) : tenth;
        }
    }

    private final Options options;

    public Runner() {
        this(Options.DEFAULT);
    }

    public Runner(Options options) {
        this.options = options;
    }

    /**
     * Runs every trace in order, telling the listener as each trace starts and ends. A run whose adapter
     * fails its first handshake runs no trace; with {@link Options#deadAfter()} set, a run whose adapter
     * gave that many traces in a row no answer stops there. Either way the result carries the
     * {@link RunStop} and exits 2. The session is left open; the caller closes it.
     */
    public RunResult run(List<LoadedTrace> traces, AdapterSession session, RunListener listener) {
        long start = System.nanoTime();
        listener.started(traces.size());
        String[] current = {null};
        session.watch((step, waited) -> listener.waiting(new RunListener.Waiting(current[0], step, waited)),
                options.poll());
        try {
            return runAll(traces, session, listener, current, start);
        } finally {
            session.watch(null, options.poll());
        }
    }

    private RunResult runAll(List<LoadedTrace> traces, AdapterSession session, RunListener listener,
                             String[] current, long start) {
        Hello hello;
        try {
            hello = session.hello();
        } catch (IllegalArgumentException cannotStart) {
            // The adapter cannot even be started (no such program, a command line that does not split):
            // reported once, like a handshake that fails, instead of once per trace.
            return stopped(session, null, List.of(), 0, start, listener,
                    new RunStop(RunStop.Cause.HANDSHAKE, cannotStart.getMessage(), 0, traces.size()));
        }
        if (hello == null && !traces.isEmpty()) {
            return stopped(session, null, List.of(), 0, start, listener,
                    new RunStop(RunStop.Cause.HANDSHAKE, session.unavailable(), 0, traces.size()));
        }
        List<TraceResult> results = new ArrayList<>(traces.size());
        int malformed = 0;
        int noAnswer = 0;
        for (int i = 0; i < traces.size(); i++) {
            LoadedTrace trace = traces.get(i);
            if (trace.isMalformed()) {
                malformed++;
            }
            current[0] = trace.id();
            listener.traceStarted(new RunListener.TraceStart(trace.id(), i, traces.size()));
            if (!trace.isMalformed() && session.unavailable() != null) {
                session.reopen(); // it died after the last trace's fault: try once more for this one
            }
            TraceResult result = runTrace(trace, session);
            results.add(result);
            listener.finished(result);
            if (hello == null) {
                hello = session.hello();
            }
            if (result.fault() != null && result.fault().noAnswer()) {
                noAnswer++;
            } else if (result.status() != Status.SKIP && !trace.isMalformed()) {
                noAnswer = 0; // the adapter answered something: a skip or a broken file says nothing about it
            }
            if (options.deadAfter() > 0 && noAnswer >= options.deadAfter() && i + 1 < traces.size()) {
                return stopped(session, hello, results, malformed, start, listener,
                        new RunStop(RunStop.Cause.ADAPTER_DEAD, result.reason(), noAnswer, traces.size() - i - 1));
            }
        }
        return RunResult.of(session.name(), hello, results, malformed, System.nanoTime() - start);
    }

    private static RunResult stopped(AdapterSession session, Hello hello, List<TraceResult> results, int malformed,
                                     long start, RunListener listener, RunStop stop) {
        listener.stopped(stop);
        return RunResult.of(session.name(), hello, results, malformed, System.nanoTime() - start, stop);
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
                    null, null, null, "adapter unavailable: " + unavailable, 0, System.nanoTime() - start,
                    StepAccount.NONE, new TraceFault(AdapterFault.Kind.HANDSHAKE, TraceFault.Where.OPEN, unavailable));
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
            // Typed for collapsing; a fault at the reset is not told apart here, so multi-node traces never
            // count towards a dead adapter (conservative: such traces never stop a run early).
            TraceFault typed = new TraceFault(AdapterFault.Kind.valueOf(o.fault()),
                    o.failedStep() == null ? TraceFault.Where.UNKNOWN : TraceFault.Where.STEP, o.reason());
            return new TraceResult(trace.id(), trace.file(), with(clauses, "PROTO-FAULT-1"), Status.ERROR,
                    o.failedStep(), o.op(), null, o.actual(), o.fault() + (o.reason().startsWith("at ") ? " " : ": ") + o.reason(), executed,
                    System.nanoTime() - start, StepAccount.NONE, typed);
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
