package dev.atomik.conformance.runner;

import java.util.List;
import java.util.Set;

/**
 * What the runner does with one trace for one adapter (CapabilityCheck): skip it with a reason, run
 * it with the check fields it can observe, or hand it to the multi-node executor. The probes
 * themselves are planned while the trace runs, a window of steps at a time ({@link Probe.Planner}),
 * so a plan costs no memory per step.
 *
 * @param skipReason  why the trace is skipped, or null when it runs
 * @param observable  the check fields the implementation can show for the trace's kind (empty for a
 *                    skip or a multi-node trace); the others are reported not observed
 * @param uncredited  clauses the trace cites whose field the implementation cannot show: a pass
 *                    of the trace is not a pass of them
 */
public record TracePlan(String skipReason, Set<String> observable, List<String> uncredited) {

    static TracePlan skip(String reason) {
        return new TracePlan(reason, Set.of(), List.of());
    }

    static TracePlan run(Set<String> observable, List<String> uncredited) {
        return new TracePlan(null, Set.copyOf(observable), List.copyOf(uncredited));
    }

    static TracePlan multiNode() {
        return new TracePlan(null, Set.of(), List.of());
    }

    public boolean skipped() {
        return skipReason != null;
    }
}
