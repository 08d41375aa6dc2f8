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
 */
public record TracePlan(String skipReason, List<Probe> probes, List<StepNote> notObserved) {

    static TracePlan skip(String reason) {
        return new TracePlan(reason, null, List.of());
    }

    static TracePlan run(List<Probe> probes, List<StepNote> notObserved) {
        return new TracePlan(null, List.copyOf(probes), List.copyOf(notObserved));
    }

    static TracePlan multiNode() {
        return new TracePlan(null, null, List.of());
    }

    public boolean skipped() {
        return skipReason != null;
    }
}
