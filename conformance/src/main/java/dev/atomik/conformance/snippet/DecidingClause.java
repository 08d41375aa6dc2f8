package dev.atomik.conformance.snippet;

import java.util.Map;

/**
 * The clause that decides a step's result, for {@code atomik spec eval}: an error code names the
 * clause that raises it (the table of spec/errors.md), otherwise the op's own clause for the kind.
 * Masking (VAL-MASK-1) is named beside it when the step passes a value or delta. Every ID here is
 * checked against the spec by a test.
 */
public final class DecidingClause {
    private static final Map<String, String> CELL = Map.ofEntries(
            Map.entry("init", "CTX-INIT-1"), Map.entry("load", "CTX-LOAD-1"), Map.entry("accum", "CTX-ACCUM-1"),
            Map.entry("rollback", "CTX-ROLLBACK-1"), Map.entry("read", "CTX-READ-1"), Map.entry("swap", "CTX-SWAP-1"),
            Map.entry("merge", "CTX-MERGE-1"), Map.entry("count", "CTX-COUNT-1"));
    private static final Map<String, String> STREAM = Map.ofEntries(
            Map.entry("init", "STR-SPARSE-1"), Map.entry("load", "STR-LOAD-1"), Map.entry("accum", "STR-ACCUM-1"),
            Map.entry("rollback", "STR-ACCUM-1"), Map.entry("read", "STR-SPARSE-1"), Map.entry("swap", "STR-SWAP-1"),
            Map.entry("count", "CTX-COUNT-1"), Map.entry("epoch", "STR-EPOCH-1"), Map.entry("pending", "STR-DRAIN-1"),
            Map.entry("drain", "STR-DRAIN-1"), Map.entry("apply", "STR-APPLY-1"));
    private static final Map<String, String> OTHER = Map.ofEntries(
            Map.entry("encode", "WIRE-FIELDS-1"), Map.entry("decode", "WIRE-FIELDS-1"),
            Map.entry("put", "REP-CACHE-1"), Map.entry("get", "REP-CACHE-1"), Map.entry("deliver", "REP-DEDUP-1"),
            Map.entry("send", "REP-CONV-1"), Map.entry("duplicate", "NG-DUP-1"), Map.entry("drop", "REP-REPAIR-1"),
            Map.entry("snapshot", "REP-REPAIR-1"), Map.entry("partition", "REP-CONV-1"), Map.entry("heal", "REP-CONV-1"),
            Map.entry("check", "REP-CONV-1"));
    private static final Map<String, String> ERRORS = Map.of(
            "BAD_WIDTH", "VAL-WIDTH-1", "BAD_SIZE", "TBL-SIZE-1", "BAD_LENGTH", "WIRE-LEN-2",
            "VALUE_OUT_OF_RANGE", "WIRE-RANGE-1", "CAPACITY_EXCEEDED", "STR-CAP-1", "SEQ_EXHAUSTED", "STR-SEQ-1",
            "UNSUPPORTED", "PROTO-CAPS-1");

    private DecidingClause() {
    }

    /** Every clause ID this table can name (a test checks each exists). */
    public static java.util.Set<String> all() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        ids.addAll(CELL.values());
        ids.addAll(STREAM.values());
        ids.addAll(OTHER.values());
        ids.addAll(ERRORS.values());
        ids.add("TBL-ADDR-1");
        ids.add("TBL-OPS-1");
        ids.add("VAL-MASK-1");
        ids.add("CTX-SWAP-2");
        return ids;
    }

    /**
     * @param kind      the trace's kind
     * @param op        the step's op
     * @param hasValue  true when the step passes a value or delta (masked by VAL-MASK-1)
     * @param hasOperand true for {@code swap} with a value (CTX-SWAP-2 rather than CTX-SWAP-1)
     * @param errorCode the error the model answered, or null
     */
    public static String of(String kind, String op, boolean hasValue, boolean hasOperand, String errorCode) {
        String clause;
        if (errorCode != null && errorCode.equals("ADDRESS_OUT_OF_RANGE")) {
            clause = kind.equals("table") ? "TBL-ADDR-1" : "STR-SPARSE-1";
        } else if (errorCode != null && ERRORS.containsKey(errorCode)) {
            clause = ERRORS.get(errorCode);
        } else if (kind.equals("cache") && (op.equals("init") || op.equals("load") || op.equals("swap"))) {
            clause = op.equals("swap") ? "NG-SWAP-1" : "REP-CACHE-1";
        } else if (OTHER.containsKey(op)) {
            clause = OTHER.get(op);
        } else if (kind.equals("stream")) {
            clause = STREAM.getOrDefault(op, "STR-SPARSE-1");
        } else if (op.equals("swap") && hasOperand && !kind.equals("cache")) {
            clause = "CTX-SWAP-2";
        } else {
            clause = CELL.getOrDefault(op, "CTX-INIT-1");
        }
        if (kind.equals("table") && CELL.containsKey(op) && errorCode == null && !op.equals("init")) {
            clause = clause + " (TBL-OPS-1)";
        }
        if (hasValue && errorCode == null && !OTHER.containsKey(op)) {
            clause = clause + " + VAL-MASK-1";
        }
        return clause;
    }
}
