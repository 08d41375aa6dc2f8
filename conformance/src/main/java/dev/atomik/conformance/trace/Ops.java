package dev.atomik.conformance.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The op table of spec/trace-format.md: which kinds each op applies to, its operands and its result.
 * Data, not code, so that a later kind (cache) adds rows instead of branches.
 *
 * <p>{@code addr} is marked {@link #ADDRESSED}: tables and streams take it, a single context has no
 * address and takes none (the table says "{@code addr} (not for context)" for {@code load}; the same
 * reading is applied to every addressed op).
 */
public final class Ops {
    /** Marker operand: {@code addr}, required for table and stream, absent for context. */
    public static final String ADDRESSED = "addr?";

    /** How an op is used in a trace. */
    public record Rule(String op, Set<String> kinds, List<String> required, List<String> optional) {
    }

    private static final Set<String> STATEFUL = Set.of("context", "table", "stream");
    private static final Set<String> ALL_KINDS = Set.of("context", "table", "stream", "wire", "cache");
    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        add("init", Set.of("context", "table", "stream", "cache"), List.of("kind", "width"),
                List.of("size", "addresses", "queue"));
        add("load", STATEFUL, List.of(ADDRESSED, "value"), List.of());
        add("accum", STATEFUL, List.of(ADDRESSED, "delta"), List.of());
        add("rollback", STATEFUL, List.of(ADDRESSED, "delta"), List.of());
        add("read", STATEFUL, List.of(ADDRESSED), List.of());
        add("swap", STATEFUL, List.of(ADDRESSED), List.of("value"));
        add("merge", Set.of("table"), List.of("addr", "from"), List.of());
        add("count", STATEFUL, List.of(ADDRESSED), List.of());
        add("epoch", Set.of("stream"), List.of(), List.of());
        add("pending", Set.of("stream"), List.of(), List.of());
        add("drain", Set.of("stream"), List.of(), List.of());
        add("apply", Set.of("stream"), List.of("addr", "delta", "seq"), List.of());
        add("encode", ALL_KINDS, List.of("addr", "delta", "seq"), List.of());
        add("decode", ALL_KINDS, List.of("bytes"), List.of());
        add("check", Set.of("context", "table", "stream", "cache"), List.of(), List.of());
    }

    /** Members of a step that are not operands. */
    public static final Set<String> ANNOTATIONS = Set.of("op", "expect", "expect_error", "cover", "note");

    private Ops() {
    }

    private static void add(String op, Set<String> kinds, List<String> required, List<String> optional) {
        RULES.put(op, new Rule(op, kinds, required, optional));
    }

    public static Rule rule(String op) {
        return RULES.get(op);
    }

    /** Every op a trace step may use, in table order. */
    public static Set<String> all() {
        return RULES.keySet();
    }

    /** The result an op gives on success, on an object of the given kind. */
    public static ResultShape resultOf(String op, String kind) {
        switch (op) {
            case "read": case "swap": case "count": case "epoch": case "pending":
                return ResultShape.VALUE;
            case "accum": case "rollback":
                return "stream".equals(kind) ? ResultShape.MESSAGE : ResultShape.OK;
            case "decode":
                return ResultShape.MESSAGE;
            case "drain":
                return ResultShape.MESSAGES;
            case "encode":
                return ResultShape.BYTES;
            default:
                return ResultShape.OK;
        }
    }

    /**
     * The protocol ops an adapter must declare to run a trace that uses {@code stepOps}: {@code check}
     * is expanded by the runner into {@code read}, {@code count}, {@code epoch} and {@code pending},
     * so it is replaced by the ones its steps actually need ({@code checkOps}).
     */
    public static Set<String> protocolOps(Set<String> stepOps, Set<String> checkOps) {
        Set<String> ops = new TreeSet<>(stepOps);
        if (ops.remove("check")) {
            ops.addAll(checkOps);
        }
        return ops;
    }
}
