package dev.atomik.conformance.golden.families;

import static dev.atomik.conformance.golden.TraceBuilder.trace;

import dev.atomik.conformance.golden.TraceBuilder;
import dev.atomik.conformance.golden.TraceDef;
import java.util.ArrayList;
import java.util.List;

/** spec/values.md: legal and illegal widths, masking of inputs and outputs. */
public final class ValuesTraces {
    private static final long ONES = -1L;

    private ValuesTraces() {
    }

    public static List<TraceDef> all() {
        List<TraceDef> out = new ArrayList<>();
        for (int width : new int[] {0, 65}) {
            for (String kind : new String[] {"context", "table", "stream"}) {
                TraceBuilder t = trace("values-widths", "values/bad-width-" + width + "-" + kind,
                        "Creating a " + kind + " of width " + width + " fails with BAD_WIDTH.",
                        "VAL-WIDTH-1", "ERR-CODES-1");
                switch (kind) {
                    case "context" -> t.context(width);
                    case "table" -> t.table(width, 4);
                    default -> t.stream(width);
                }
                out.add(t.fails().cover("width-" + width, "kind-" + kind).build());
            }
        }
        out.add(trace("values-widths", "values/width-1-and-64-table",
                "Widths 1 and 64 are legal: a table of each width is created and used.", "VAL-WIDTH-1", "VAL-MASK-1")
                .table(1, 2).load(1, 0x3).read(1).cover("width-1")
                .table(64, 2).load(1, ONES).read(1).cover("width-64").build());
        // Every width a hardware core is likely to have, and the edges around 32 and 64. SWAP gets its own
        // traces so a core without SWAP still runs the masking of LOAD, ACCUM and READ at each width.
        for (int width : new int[] {1, 2, 7, 8, 13, 16, 31, 32, 33, 48, 63, 64}) {
            out.add(masking(width));
        }
        for (int width : new int[] {1, 7, 8, 31, 32, 33, 63, 64}) {
            out.add(swapMasking(width));
        }
        out.add(trace("values-masking", "values/mask-table-address-w7",
                "Masking applies at every table address: W = 7 keeps the low 7 bits of loads, deltas and swaps.",
                "VAL-MASK-1", "VAL-MASK-2", "TBL-OPS-1")
                .table(7, 3).load(2, 0xff).read(2).accum(2, 0x180).read(2).swap(2, 0x1234).read(2).check(0, 1, 2)
                .build());
        out.add(trace("values-masking", "values/mask-stream-message-w8",
                "On a stream of width 8 the delta of an issued message is masked, and applied deltas are masked.",
                "VAL-MASK-1", "VAL-MASK-2", "STR-ACCUM-1", "STR-APPLY-1")
                .stream(8).accum(3, 0x1ff).cover("message-delta-masked").rollback(3, 0xabc).read(3)
                .apply(3, 0xff00, 1).read(3).drain().build());
        out.add(trace("values-masking", "values/mask-accum-high-bits-only-w4",
                "W = 4: a delta with only bits above the width changes nothing visible.", "VAL-MASK-1", "VAL-MASK-2")
                .context(4).accum(0, 0xf0).read(0).count(0).build());
        return out;
    }

    /** The masking walk of one width: loads and deltas wider than W lose their high bits. */
    private static TraceDef masking(int width) {
        long justAbove = width == 64 ? 0 : 1L << width;
        return trace("values-masking", "values/mask-width-" + width,
                "At width " + width + " every loaded value and delta is masked to the low " + width
                        + " bits and every read fits in them.",
                "VAL-MASK-1", "VAL-MASK-2", "CTX-LOAD-1", "CTX-ACCUM-1")
                .context(width)
                .load(0, ONES).read(0).cover("width-" + width, "load-all-ones")
                .load(0, justAbove | 1).read(0).cover("bit-w-dropped")
                .accum(0, ONES).read(0).cover("accum-all-ones")
                .accum(0, 0x8000000000000001L).read(0).cover("top-bit")
                .rollback(0, 0x8000000000000001L).read(0)
                .build();
    }

    /** SWAP at one width: the value it sets is masked, the state it returns fits in W bits. */
    private static TraceDef swapMasking(int width) {
        return trace("values-masking", "values/mask-swap-width-" + width,
                "At width " + width + " SWAP returns a state within " + width + " bits and masks the value it sets.",
                "VAL-MASK-1", "VAL-MASK-2", "CTX-SWAP-2")
                .context(width)
                .load(0, ONES).accum(0, 0x8000000000000001L)
                .swap(0, 0x5555555555555555L).cover("swap-value-masked").read(0)
                .swap(0).read(0)
                .build();
    }
}
