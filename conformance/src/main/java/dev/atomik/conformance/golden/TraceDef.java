package dev.atomik.conformance.golden;

import java.util.List;

/**
 * A golden trace written as code: header facts and steps without expectations.
 *
 * @param id          {@code <area>/<name>}, also the file path under {@code conformance/traces/}
 * @param description one sentence: what the trace demonstrates
 * @param clauses     the clause IDs it checks
 * @param family      generator family; the header's origin is {@code golden/<family>}
 * @param seed        the seed of a randomised family (0 for a fixed family), recorded in the header
 * @param steps       the steps
 */
public record TraceDef(String id, String description, List<String> clauses, String family, long seed,
                       List<StepDef> steps) {

    public TraceDef {
        clauses = List.copyOf(clauses);
        steps = List.copyOf(steps);
    }
}
