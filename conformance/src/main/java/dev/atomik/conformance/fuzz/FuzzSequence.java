package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One generated sequence: the requests that follow a {@code reset}. Sequence {@code index} of a run
 * depends only on the run's seed, the index and the adapter's capabilities, so it can be reproduced
 * alone.
 *
 * @param index the sequence's number in its run (0-based)
 * @param kind  {@code context}, {@code table}, {@code stream}, {@code cache} or {@code wire}: what its
 *              first {@code init} creates ({@code wire} has no init)
 * @param steps the requests in order (never mutated after generation); for {@code cache}, the steps
 *              of a multi-node trace, which {@link MultiNodePlan} turns into requests
 */
public record FuzzSequence(long index, String kind, List<ObjectNode> steps) {

    public FuzzSequence {
        // A read-only view, not a copy: sequences are built by the thousand per second and never shared mutably.
        steps = java.util.Collections.unmodifiableList(steps);
    }

    /** Steps that must stay in front of every shrunk candidate: the first init (none for wire). */
    int pinned() {
        return kind.equals("wire") ? 0 : 1;
    }
}
