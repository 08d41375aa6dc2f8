package dev.atomik.conformance.runner;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one trace.
 *
 * @param id            trace id ({@code area/name}); derived from the path when the header is unreadable
 * @param file          the trace file
 * @param clauses       the clauses the trace checks (plus the protocol clause of a fault)
 * @param status        pass, fail, skip or error
 * @param failedStep    1-based number of the first step that failed or faulted, or null
 * @param op            that step's op (for a check: which quantity), or null
 * @param expected      what the trace expected at that step, or null
 * @param actual        what the adapter answered, or null
 * @param reason        why it failed, was skipped or errored, or null on pass
 * @param stepsExecuted steps whose replies arrived and were compared
 * @param nanos         time spent on this trace
 * @param account       where the steps went: reached, harness-decided, not observed, every divergence
 * @param fault         for an {@code error} the adapter caused, what it was (typed); null otherwise
 */
public record TraceResult(String id, Path file, List<String> clauses, Status status, Integer failedStep, String op,
                          String expected, String actual, String reason, int stepsExecuted, long nanos,
                          StepAccount account, TraceFault fault) {

    public TraceResult {
        clauses = List.copyOf(clauses);
        account = account == null ? StepAccount.NONE : account;
    }

    /** A result without a typed fault. */
    public TraceResult(String id, Path file, List<String> clauses, Status status, Integer failedStep, String op,
                       String expected, String actual, String reason, int stepsExecuted, long nanos,
                       StepAccount account) {
        this(id, file, clauses, status, failedStep, op, expected, actual, reason, stepsExecuted, nanos, account, null);
    }

    /** A result without step detail (skips, malformed traces, faults before any reply). */
    public TraceResult(String id, Path file, List<String> clauses, Status status, Integer failedStep, String op,
                       String expected, String actual, String reason, int stepsExecuted, long nanos) {
        this(id, file, clauses, status, failedStep, op, expected, actual, reason, stepsExecuted, nanos,
                StepAccount.NONE, null);
    }

    /** The part of the id before the slash. */
    public String area() {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    /** One line: {@code step 3 (read): expected 0x1, actual 0x2}, or the reason. */
    public String describe() {
        if (failedStep == null) {
            return reason == null ? status.label() : reason;
        }
        StringBuilder s = new StringBuilder("step ").append(failedStep);
        if (op != null) {
            s.append(" (").append(op).append(')');
        }
        if (expected != null || actual != null) {
            s.append(": expected ").append(expected).append(", actual ").append(actual);
            if (reason != null) {
                s.append(" (").append(reason).append(')');
            }
        } else if (reason != null) {
            s.append(": ").append(reason);
        }
        return s.toString();
    }
}
