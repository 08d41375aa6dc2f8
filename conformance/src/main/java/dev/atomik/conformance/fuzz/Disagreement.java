package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A sequence of a batch on which the two sides disagreed.
 *
 * @param batchPosition its place in the batch
 * @param sequence      the sequence
 * @param failing       its steps up to and including the disagreeing one
 * @param reason        what differed, for people
 * @param fuzzClass     the op of the disagreeing step and how the replies differ
 */
record Disagreement(int batchPosition, FuzzSequence sequence, List<ObjectNode> failing, String reason,
                    FuzzClass fuzzClass) {
}
