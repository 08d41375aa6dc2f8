package dev.atomik.conformance.trace;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The op table of multi-node traces (kind {@code cache}, spec/trace-format-multinode.md): which
 * steps reach the implementation, which only move messages in the runner's network, and what the
 * protocol requests of each are. Kept apart from {@link Ops} because the same names ({@code load},
 * {@code swap}) take other operands here ({@code node}).
 */
public final class MultiNodeOps {
    /** Steps that become one request to the node they name. */
    public static final Set<String> NODE_OPS = Set.of("load", "put", "get", "swap");
    /** Steps that may expect an error: the node requests, {@code init}, and an applied {@code deliver} (its receive). */
    public static final Set<String> CAN_FAIL = Set.of("init", "load", "put", "get", "swap", "deliver");
    /** Steps the runner handles itself: they move copies in its pool and never reach an implementation. */
    public static final Set<String> NETWORK_OPS = Set.of("send", "duplicate", "drop", "partition", "heal");
    /** Every step op of a multi-node trace. */
    public static final Set<String> ALL = Set.of("init", "load", "put", "get", "swap", "send", "duplicate",
            "drop", "deliver", "partition", "heal", "snapshot", "check");
    /** The protocol request an applied {@code deliver} becomes. */
    public static final String RECEIVE = "receive";

    /** Length of a DeltaMessage on the wire (WIRE-LEN-1), in bytes. */
    public static final int WIRE_BYTES = 16;

    private MultiNodeOps() {
    }

    /** The success reply of a node request. */
    public static ResultShape resultOf(String op) {
        switch (op) {
            case "put":
                return ResultShape.MESSAGE;
            case "get": case "swap":
                return ResultShape.VALUE;
            default:
                return ResultShape.OK; // init, load, receive
        }
    }

    /**
     * The protocol ops an implementation must declare to run a multi-node trace using {@code stepOps}:
     * node ops as they are, {@code deliver} → receive, {@code snapshot} → get and load, {@code check}
     * → get; network ops need nothing.
     */
    public static Set<String> protocolOps(Set<String> stepOps) {
        Set<String> ops = new TreeSet<>();
        for (String op : stepOps) {
            switch (op) {
                case "deliver": ops.add(RECEIVE); break;
                case "snapshot": ops.addAll(List.of("get", "load")); break;
                case "check": ops.add("get"); break;
                default:
                    if (!NETWORK_OPS.contains(op)) {
                        ops.add(op);
                    }
            }
        }
        return ops;
    }

    /** The 16-byte encoding of a message (WIRE-FIELDS-1: addr u32, delta u64, seq u32, big-endian), as hex digits. */
    public static String encode(long addr, long delta, long seq) {
        return String.format("%08x%016x%08x", addr, delta, seq);
    }

    /** The addr field of a 16-byte message given as 32 hex digits. */
    public static long addrOf(String bytes) {
        return Long.parseUnsignedLong(bytes.substring(0, 8), 16);
    }

    /** The seq field of a 16-byte message given as 32 hex digits. */
    public static long seqOf(String bytes) {
        return Long.parseUnsignedLong(bytes.substring(24, 32), 16);
    }
}
