package dev.atomik.conformance.golden.families;

import static dev.atomik.conformance.golden.TraceBuilder.trace;

import dev.atomik.conformance.golden.TraceDef;
import java.util.List;

/** spec/errors.md: failed operations change nothing, and several faults report the first in a fixed order. */
public final class ErrorTraces {
    private static final String ATOMIC = "errors-atomic";
    private static final String ORDER = "errors-order";

    private ErrorTraces() {
    }

    public static List<TraceDef> all() {
        return List.of(
                trace(ATOMIC, "errors/atomic-table-accum",
                        "N = 2: ACCUM@2 fails with ADDRESS_OUT_OF_RANGE and every context is as before.",
                        "ERR-ATOMIC-1", "TBL-ADDR-1", "ERR-CODES-1")
                        .table(64, 2).load(0, 0xa).accum(0, 0x1).load(1, 0xb).check(0, 1).accum(2, 0x1).fails()
                        .check(0, 1).build(),
                trace(ATOMIC, "errors/atomic-stream-epoch-seq-queue",
                        "A failed stream operation changes no context, epoch, seq or queue.",
                        "ERR-ATOMIC-1", "STR-SPARSE-1", "STR-SEQ-1")
                        .stream(64).load(1, 0x10).accum(1, 0x1).checkStream(1)
                        .load(0x1_0000_0000L, 0x5).fails().swap(0x1_0000_0000L, 0x5).fails()
                        .accum(0x1_0000_0000L, 0x5).fails().checkStream(1).accum(1, 0x2).cover("next-seq-is-2")
                        .build(),
                trace(ATOMIC, "errors/atomic-capacity-keeps-seq",
                        "An ACCUM refused for capacity uses no seq: the next message has the next seq.",
                        "ERR-ATOMIC-1", "STR-CAP-1", "STR-SEQ-1")
                        .stream(64, 1, 4).accum(0, 0x1).accum(1, 0x2).fails().accum(1, 0x2).fails()
                        .checkStream(0, 1).accum(0, 0x4).drain().build(),
                trace(ATOMIC, "errors/atomic-merge",
                        "A MERGE with one bad address fails and changes neither address.", "ERR-ATOMIC-1",
                        "TBL-ADDR-1", "CTX-MERGE-1")
                        .table(64, 2).accum(0, 0x3).accum(1, 0x5).merge(0, 2).fails().merge(2, 1).fails()
                        .check(0, 1).build(),
                trace(ATOMIC, "errors/atomic-failed-init",
                        "A table init that fails for width or for size changes nothing: the table before it keeps "
                                + "its state; a good init then replaces it.",
                        "ERR-ATOMIC-1", "VAL-WIDTH-1", "TBL-SIZE-1")
                        // the state loaded first is what proves the failed inits changed nothing
                        .table(8, 2).load(0, 0x5a).table(0, 4).fails().table(8, 0).fails().check(0, 1)
                        .table(8, 2).check(0, 1).build(),
                trace(ATOMIC, "errors/atomic-failed-init-context",
                        "A context init that fails for width changes nothing: the context before it keeps its state.",
                        "ERR-ATOMIC-1", "VAL-WIDTH-1")
                        .context(8).load(0, 0xa5).accum(0, 0x0f).context(0).fails().read(0).context(65).fails()
                        .read(0).build(),
                trace(ORDER, "errors/order-width-before-size",
                        "A table with width 0 and size 0 reports BAD_WIDTH, the first fault in order.",
                        "ERR-ORDER-1", "VAL-WIDTH-1", "TBL-SIZE-1")
                        .table(0, 0).fails().cover("width-and-size").table(65, 0).fails().build(),
                trace(ORDER, "errors/order-length-before-value",
                        "15 zero bytes report BAD_LENGTH, not VALUE_OUT_OF_RANGE (length comes before value range).",
                        "ERR-ORDER-1", "WIRE-LEN-2")
                        .decode("000000000000000000000000000000").fails().cover("length-and-seq-0").build(),
                trace(ORDER, "errors/order-encode-two-bad-fields",
                        "Encode with addr 2^32 and seq 0 reports one code, VALUE_OUT_OF_RANGE.", "ERR-ORDER-1",
                        "WIRE-RANGE-1")
                        .encode(0x1_0000_0000L, 0x1, 0).fails().build(),
                trace(ORDER, "errors/order-address-before-capacity",
                        "On a full stream, address 2^32 reports ADDRESS_OUT_OF_RANGE, not CAPACITY_EXCEEDED.",
                        "ERR-ORDER-1", "STR-SPARSE-1", "STR-CAP-1")
                        .stream(64, 1, 1).accum(0, 0x1).accum(0x1_0000_0000L, 0x1).fails().cover("address-and-capacity")
                        .load(0x1_0000_0000L, 0x1).fails().accum(1, 0x1).fails().checkStream(0).build());
    }
}
