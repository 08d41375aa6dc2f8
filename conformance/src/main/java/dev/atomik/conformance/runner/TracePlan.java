package dev.atomik.conformance.runner;

import java.util.List;

/**
 * What the runner does with one trace for one adapter (CapabilityCheck): skip it with a reason, run
 * these probes (with the check fields it cannot observe set aside), or hand it to the multi-node
 * executor.
 *
 * @param skipReason  why the trace is skipped, or null when it runs
 * @param probes      the requests to send, in order (null for a skip or a multi-node trace)
 * @param notObserved check fields left out because the implementation cannot show them
 * @param uncredited  clauses the trace cites whose field the implementation cannot show: a pass
 *                    of the trace is not a pass of them
 */
public record TracePlan(String skipReason, List<Probe> probes, List<StepNote> notObserved, List<String> uncredited) {

    static TracePlan skip(String reason) {
        return new TracePlan(reason, null, List.of(), List.of());
    }

    static TracePlan run(List<Probe> probes, List<StepNote> notObserved, List<String> uncredited) {
        return new TracePlan(null, List.copyOf(probes), List.copyOf(notObserved), List.copyOf(uncredited));
    }

    static TracePlan multiNode() {
        return new TracePlan(null, null, List.of(), List.of());
    }

    public boolean skipped() {
        return skipReason != null;
    }
}
