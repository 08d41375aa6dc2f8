package dev.atomik.conformance.evidence;

import java.util.List;

/**
 * A JML-specified method of the model that cites clauses ({@code /** Clauses: CTX-LOAD-1. *\/}
 * above its contract), with KeY's verdict on each of its proof obligations.
 *
 * @param file        repository-relative source path
 * @param line        1-based line of the {@code Clauses:} comment
 * @param className   the model class
 * @param method      the method (the class name for a constructor)
 * @param clauses     the clauses it cites
 * @param obligations KeY's obligations of this method and their status; empty when KeY was not run
 */
public record Contract(String file, int line, String className, String method, List<String> clauses,
                       List<Obligation> obligations) {

    /** One KeY proof obligation ({@code Context_load_normal}) and its status ({@code closed}, {@code open}). */
    public record Obligation(String id, String status, String expected) {
    }

    public Contract {
        clauses = List.copyOf(clauses);
        obligations = List.copyOf(obligations);
    }

    /** {@code closed} when every obligation closed, {@code open} when one did not, {@code not run} without a report. */
    public String keyStatus() {
        if (obligations.isEmpty()) {
            return "not run";
        }
        return obligations.stream().allMatch(o -> o.status().equals("closed")) ? "closed" : "open";
    }
}
