package dev.atomik.conformance.golden.families;

import static dev.atomik.conformance.golden.TraceBuilder.trace;

import dev.atomik.conformance.golden.TraceBuilder;
import dev.atomik.conformance.golden.TraceDef;
import java.util.ArrayList;
import java.util.List;

/** spec/table.md: sizes, address range, independence, merge. */
public final class TableTraces {
    private static final String F = "table-basics";
    private static final String RANGE = "table-address-range";

    private TableTraces() {
    }

    public static List<TraceDef> all() {
        List<TraceDef> out = new ArrayList<>();
        out.add(trace(F, "table/size-0-bad-size", "Creating a table with N = 0 fails with BAD_SIZE.",
                "TBL-SIZE-1", "ERR-CODES-1").table(64, 0).fails().build());
        out.add(trace(F, "table/size-negative-bad-size",
                "Creating a table with N = -1 fails with BAD_SIZE (not a crash) and keeps the table before it.",
                "TBL-SIZE-1", "ERR-CODES-1", "ERR-ATOMIC-1").table(64, 2).load(1, 0x5).table(64, -1).fails().read(1)
                .build());
        out.add(trace(F, "table/size-1", "A table of one context works as a context at address 0.",
                "TBL-SIZE-1", "TBL-OPS-1").table(64, 1).load(0, 0x42).accum(0, 0x1).read(0).read(1).fails()
                .build());
        out.add(trace(F, "table/fresh-reads-zero",
                "A fresh table of N = 8 reads 0 with count 0 at every address, also when it replaces a used one.",
                "TBL-OPS-1", "CTX-INIT-1").table(64, 8).check(0, 1, 2, 3, 4, 5, 6, 7).load(3, 0x3c).read(3)
                .table(64, 8).check(0, 1, 2, 3, 4, 5, 6, 7).build());
        out.add(trace(F, "table/independence", "An operation on one address changes no other address.",
                "TBL-INDEP-1").table(64, 4).load(0, 0x1).load(1, 0x2).accum(0, 0xf).read(1).swap(0, 0x9)
                .rollback(2, 0x3).check(0, 1, 2, 3).build());
        out.add(trace(F, "table/ops-at-last-address",
                "Every context operation works at address N-1 exactly as on a single context.", "TBL-OPS-1",
                "CTX-SWAP-1", "CTX-ROLLBACK-1", "CTX-COUNT-1")
                .table(32, 4).load(3, 0xdead).accum(3, 0xff).rollback(3, 0xf0).read(3).count(3).swap(3)
                .read(3).count(3).build());
        out.add(trace(F, "table/merge", "MERGE folds the source accumulator into the destination; the source is unchanged.",
                "CTX-MERGE-1", "TBL-INDEP-1").table(64, 2).accum(0, 0x1).accum(1, 0x2).merge(0, 1).read(0)
                .read(1).check(0, 1).build());
        out.add(trace(F, "table/merge-keeps-destination-reference",
                "MERGE changes the destination's accumulator and count, never its reference.", "CTX-MERGE-1")
                .table(64, 3).load(0, 0xa0).load(1, 0xb0).accum(1, 0x0c).accum(1, 0x03).merge(0, 1).check(0, 1, 2)
                .merge(2, 0).check(0, 1, 2).build());
        out.add(trace(F, "table/merge-self", "MERGE of an address into itself zeroes its accumulator and doubles its count.",
                "CTX-MERGE-1").table(64, 2).load(1, 0x10).accum(1, 0x7).accum(1, 0x1).merge(1, 1).check(1)
                .build());
        out.add(trace(F, "table/merge-order-free",
                "Two partial accumulations merged either way give the same state.", "CTX-MERGE-1", "CTX-ALG-1")
                .table(64, 4).accum(0, 0x11).accum(1, 0x22).accum(2, 0x22).accum(3, 0x11).merge(0, 1)
                .merge(2, 3).check(0, 2).build());
        // Out-of-range address N, for every addressed op (TBL-ADDR-1).
        for (String op : new String[] {"load", "accum", "rollback", "read", "swap", "count", "merge-destination",
                "merge-source"}) {
            TraceBuilder t = trace(RANGE, "table/address-n-" + op,
                    op + " at address N fails with ADDRESS_OUT_OF_RANGE and changes no context.",
                    "TBL-ADDR-1", "ERR-ATOMIC-1", "ERR-CODES-1")
                    .table(64, 4).load(0, 0x10).accum(0, 0x1).load(3, 0x30);
            apply(t, op, 4);
            out.add(t.fails().cover("address-n", "op-" + op).check(0, 1, 2, 3).build());
        }
        out.add(trace(RANGE, "table/address-2pow32",
                "Address 2^32 on a table of 4 fails with ADDRESS_OUT_OF_RANGE (it is not wrapped to 0).",
                "TBL-ADDR-1", "ERR-ATOMIC-1").table(64, 4).load(0, 0x5).read(0x1_0000_0000L).fails()
                .cover("address-2pow32").accum(0x1_0000_0000L, 0x1).fails().check(0).build());
        out.add(trace(RANGE, "table/address-all-ones",
                "Address 0xffffffffffffffff (a negative index) fails with ADDRESS_OUT_OF_RANGE for every op.",
                "TBL-ADDR-1", "ERR-ATOMIC-1").table(64, 4).load(3, 0x3)
                .load(-1L, 0x1).fails().cover("address-all-ones").accum(-1L, 0x1).fails().read(-1L).fails()
                .swap(-1L).fails().count(-1L).fails().merge(3, -1L).fails().check(0, 1, 2, 3).build());
        out.add(trace(RANGE, "table/address-n-plus-wrap",
                "Address N+1 is rejected, never clamped to N-1 or wrapped to 1.", "TBL-ADDR-1")
                .table(16, 2).load(1, 0x1).load(0, 0x2).read(3).fails().read(2).fails().check(0, 1).build());
        return out;
    }

    private static void apply(TraceBuilder t, String op, long addr) {
        switch (op) {
            case "load" -> t.load(addr, 0x99);
            case "accum" -> t.accum(addr, 0x99);
            case "rollback" -> t.rollback(addr, 0x99);
            case "read" -> t.read(addr);
            case "swap" -> t.swap(addr, 0x99);
            case "count" -> t.count(addr);
            case "merge-destination" -> t.merge(addr, 0);
            case "merge-source" -> t.merge(0, addr);
            default -> throw new IllegalArgumentException(op);
        }
    }
}
