package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which spec clauses a shrunk trace checks, derived from the ops it uses and how they end. Every ID
 * here exists in spec/CLAUSES.md; the trace validator rejects the trace otherwise (a test keeps this
 * table honest by validating findings of every mutant).
 */
final class OpClauses {
    /** Clauses of an op on a context or table (single-cell semantics apply per address: TBL-OPS-1). */
    private static final Map<String, List<String>> CELL = Map.ofEntries(
            Map.entry("init", List.of("CTX-INIT-1")),
            Map.entry("load", List.of("CTX-LOAD-1")),
            Map.entry("accum", List.of("CTX-ACCUM-1")),
            Map.entry("rollback", List.of("CTX-ROLLBACK-1")),
            Map.entry("read", List.of("CTX-READ-1")),
            Map.entry("swap", List.of("CTX-SWAP-1", "CTX-SWAP-2")),
            Map.entry("merge", List.of("CTX-MERGE-1")),
            Map.entry("count", List.of("CTX-COUNT-1")));

    /** Clauses of an op on a stream. */
    private static final Map<String, List<String>> STREAM = Map.ofEntries(
            Map.entry("init", List.of("STR-SPARSE-1")),
            Map.entry("load", List.of("STR-LOAD-1")),
            Map.entry("accum", List.of("STR-ACCUM-1", "STR-SEQ-1")),
            Map.entry("rollback", List.of("STR-ACCUM-1", "STR-SEQ-1", "CTX-ROLLBACK-1")),
            Map.entry("read", List.of("STR-SPARSE-1", "CTX-READ-1")),
            Map.entry("swap", List.of("STR-SWAP-1", "NG-SWAP-1")),
            Map.entry("count", List.of("CTX-COUNT-1")),
            Map.entry("epoch", List.of("STR-EPOCH-1")),
            Map.entry("pending", List.of("STR-DRAIN-1")),
            Map.entry("drain", List.of("STR-DRAIN-1")),
            Map.entry("apply", List.of("STR-APPLY-1", "STR-EPOCH-1", "WIRE-RANGE-1")));

    /** Wire ops, on any kind. */
    private static final Map<String, List<String>> WIRE = Map.of(
            "encode", List.of("WIRE-LEN-1", "WIRE-FIELDS-1", "WIRE-RANGE-1"),
            "decode", List.of("WIRE-LEN-2", "WIRE-FIELDS-1", "WIRE-RANGE-1", "WIRE-ROUND-1"));

    private OpClauses() {
    }

    /**
     * @param kind     the trace's kind
     * @param steps    its steps
     * @param replies  the model's reply to each step
     */
    static List<String> of(String kind, List<ObjectNode> steps, List<ObjectNode> replies) {
        Set<String> out = new TreeSet<>();
        boolean anyError = false;
        for (int i = 0; i < steps.size(); i++) {
            ObjectNode step = steps.get(i);
            String op = step.path("op").asText();
            List<String> clauses = WIRE.containsKey(op) ? WIRE.get(op)
                    : (kind.equals("stream") ? STREAM : CELL).getOrDefault(op, List.of());
            out.addAll(clauses);
            String error = replies.get(i).path("error").asText(null);
            if (error != null) {
                anyError = true;
                switch (error) {
                    case "BAD_WIDTH" -> out.add("VAL-WIDTH-1");
                    case "BAD_SIZE" -> out.add(kind.equals("table") ? "TBL-SIZE-1" : "STR-CAP-1");
                    case "ADDRESS_OUT_OF_RANGE" -> out.add(kind.equals("table") ? "TBL-ADDR-1" : "STR-SPARSE-1");
                    case "CAPACITY_EXCEEDED" -> out.add("STR-CAP-1");
                    case "SEQ_EXHAUSTED" -> out.add("STR-SEQ-1");
                    default -> { }
                }
            }
            if (step.has("value") || step.has("delta")) {
                out.add("VAL-MASK-1");
            }
        }
        if (kind.equals("table")) {
            out.add("TBL-OPS-1");
            out.add("TBL-INDEP-1");
        }
        if (anyError) {
            out.add("ERR-CODES-1");
            out.add("ERR-ATOMIC-1");
        }
        out.add("TRACE-RESULT-1");
        return List.copyOf(out);
    }
}
