package dev.atomik.model.proof;

import java.util.List;

/**
 * The outcome of one proof obligation: {@code closed} (every goal closed), {@code open} (goals left
 * when the step budget ran out) or {@code error} (KeY could not even build the obligation).
 */
record ProofResult(Obligation obligation, List<String> clauses, String status, int nodes, int ruleApps,
        int openGoals, int maxSteps, double seconds, String detail) {

    static final String CLOSED = "closed";
    static final String OPEN = "open";
    static final String ERROR = "error";

    boolean closed() {
        return CLOSED.equals(status);
    }
}
