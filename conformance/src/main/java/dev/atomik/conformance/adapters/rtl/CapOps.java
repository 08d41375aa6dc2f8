package dev.atomik.conformance.adapters.rtl;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the {@code cap_ops} bits mean (bit i set = op code i implemented, rtl/README.md), in one
 * table, so the runner's declared ops ({@link RtlAdapter#opsOf}) and a generated testbench's skip
 * checks ({@link TestbenchGenerator}) cannot drift apart: a trace the runner would skip, the
 * testbench skips too.
 */
final class CapOps {
    /**
     * NOP (op code 0) is no protocol op: no trace needs it, so the runner and the testbenches ignore
     * bit 0. The driver only presents NOP for the harness's own {@code N} command, which answers
     * UNSUPPORTED when bit 0 is clear.
     */
    static final int NOP_BIT = 0;

    /**
     * Protocol op to the op codes it needs. {@code init} needs none: it is the driver's reset pulse.
     * {@code rollback} is sent as ACCUM (CTX-ROLLBACK-1). {@code swap} needs both SWAP and SWAP_SET,
     * since a declared op must take both of its forms (CTX-SWAP-1, CTX-SWAP-2).
     */
    static final Map<String, Set<Integer>> BITS = table();

    private CapOps() {
    }

    private static Map<String, Set<Integer>> table() {
        Map<String, Set<Integer>> bits = new LinkedHashMap<>();
        bits.put("init", Set.of());
        bits.put("load", Set.of(1));
        bits.put("accum", Set.of(2));
        bits.put("rollback", Set.of(2));
        bits.put("read", Set.of(3));
        bits.put("swap", Set.of(4, 5));
        bits.put("count", Set.of(6));
        bits.put("merge", Set.of(7));
        return java.util.Collections.unmodifiableMap(bits);
    }

    /** The protocol ops a core with this {@code cap_ops} mask can run. */
    static Set<String> declared(int mask) {
        Set<String> ops = new LinkedHashSet<>();
        BITS.forEach((op, needed) -> {
            if (needed.stream().allMatch(bit -> (mask & (1 << bit)) != 0)) {
                ops.add(op);
            }
        });
        return ops;
    }

    /**
     * The cap_ops bits a run of these protocol ops needs.
     *
     * @throws IllegalArgumentException for an op no RTL core runs
     */
    static Set<Integer> needed(Collection<String> ops) {
        Set<Integer> bits = new TreeSet<>();
        for (String op : ops) {
            if (op.equals("reset")) {
                continue;   // the driver's reset pulse, like init; never a declared op
            }
            Set<Integer> forOp = BITS.get(op);
            if (forOp == null) {
                throw new IllegalArgumentException("op '" + op + "' has no cap_ops bit: expected one of " + BITS.keySet());
            }
            bits.addAll(forOp);
        }
        return bits;
    }

    /** The protocol ops that need {@code bit}, for skip messages. */
    static Set<String> opsOfBit(int bit) {
        Set<String> ops = new LinkedHashSet<>();
        BITS.forEach((op, needed) -> {
            if (needed.contains(bit)) {
                ops.add(op);
            }
        });
        return ops;
    }
}
