package dev.atomik.conformance.runner;

import java.util.List;

/**
 * Where a trace's steps went: how many requests reached the implementation, how many the harness
 * answered in its place, which {@code check} fields were not observed, and every disagreement
 * (one, or all of them with --all-steps).
 *
 * @param reached     requests answered by the implementation
 * @param harness     requests answered by the harness in the implementation's place (reply flag {@code harness})
 * @param notObserved check fields the implementation's capabilities cannot show; never counted as passed
 * @param harnessSteps the decisive steps the harness decided
 * @param divergences  every disagreeing step found, first one first
 * @param uncredited   clauses the trace cites that it could not check here (their field is not
 *                     observable); removed from the result's clauses, so a pass never credits them
 */
public record StepAccount(int reached, int harness, List<StepNote> notObserved, List<StepNote> harnessSteps,
                          List<StepNote> divergences, List<String> uncredited) {
    public static final StepAccount NONE = new StepAccount(0, 0, List.of(), List.of(), List.of(), List.of());

    public StepAccount {
        notObserved = List.copyOf(notObserved);
        harnessSteps = List.copyOf(harnessSteps);
        divergences = List.copyOf(divergences);
        uncredited = List.copyOf(uncredited);
    }

    /** A trace that ran without step detail (multi-node): every executed step counted as reached. */
    public static StepAccount reachedOnly(int reached) {
        return new StepAccount(reached, 0, List.of(), List.of(), List.of(), List.of());
    }
}
