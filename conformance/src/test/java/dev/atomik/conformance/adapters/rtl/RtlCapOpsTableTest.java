package dev.atomik.conformance.adapters.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.trace.TraceParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One table for the cap_ops bits (rtl/README.md, "Capabilities"): the ops the runner declares for
 * a mask (RtlAdapter.opsOf) and the bits a generated testbench checks before it runs
 * (TestbenchGenerator.neededOpBits) agree with it and with each other, for every mask.
 */
class RtlCapOpsTableTest {
    /** The table as rtl/README.md states it; bit 0 (NOP) is no protocol op. */
    private static final Map<String, Set<Integer>> README = new LinkedHashMap<>();

    static {
        README.put("init", Set.of());
        README.put("load", Set.of(1));
        README.put("accum", Set.of(2));
        README.put("rollback", Set.of(2));
        README.put("read", Set.of(3));
        README.put("swap", Set.of(4, 5));
        README.put("count", Set.of(6));
        README.put("merge", Set.of(7));
    }

    @TempDir
    Path dir;

    @Test
    void theTableIsTheReadmes() {
        assertEquals(README, CapOps.BITS);
        assertEquals(0, CapOps.NOP_BIT);
    }

    @Test
    void runnerAndTestbenchAgreeForEveryMask() {
        for (int mask = 0; mask < 1 << 9; mask++) {
            Set<String> runnable = new LinkedHashSet<>();
            for (String op : README.keySet()) {
                int m = mask;
                if (TestbenchGenerator.neededOpBits(List.of(op)).stream().allMatch(bit -> (m & (1 << bit)) != 0)) {
                    runnable.add(op);
                }
            }
            assertEquals(runnable, RtlAdapter.opsOf(mask), "mask 0x" + Integer.toHexString(mask));
            assertEquals(RtlAdapter.opsOf(mask | 1), RtlAdapter.opsOf(mask & ~1), "bit 0 (NOP) changes nothing");
        }
    }

    /** A trace with only the plain form of swap still needs bit 5: the runner skips it without. */
    @Test
    void aPlainSwapTraceChecksBothSwapBits() throws Exception {
        Path file = dir.resolve("traces/context/plain-swap.ndjson");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"atomik_trace\":1,\"spec\":\"1.0\",\"id\":\"context/plain-swap\",\"description\":\"d\","
                + "\"clauses\":[\"CTX-SWAP-1\"],\"requires\":{\"kind\":\"context\",\"widths\":[8],\"contexts\":1,"
                + "\"ops\":[\"init\",\"swap\"],\"nodes\":1},\"origin\":{\"kind\":\"handwritten\"}}\n"
                + "{\"op\":\"init\",\"kind\":\"context\",\"width\":8}\n{\"op\":\"swap\",\"expect\":\"0x0\"}\n");
        String tb = TestbenchGenerator.generate(TraceParser.withSpec().parse(file), "// driver\n");
        assertTrue(tb.contains("if (!cap_ops[4]) skip(\"needs op code 4 (cap_ops bit 4, for swap)\");"), tb);
        assertTrue(tb.contains("if (!cap_ops[5]) skip(\"needs op code 5 (cap_ops bit 5, for swap)\");"), tb);
        assertTrue(!RtlAdapter.opsOf(0b0001_1111).contains("swap"), "bit 4 alone does not declare swap");
    }
}
