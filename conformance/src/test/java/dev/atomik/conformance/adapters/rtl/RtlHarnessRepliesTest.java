package dev.atomik.conformance.adapters.rtl;

import static dev.atomik.conformance.adapters.rtl.Requests.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which RTL replies carry {@code "harness": true} (DESIGN-12, rtl/README.md "Who decides"): those
 * the driver or the adapter decides (reset and init, every error code, ops the core does not
 * declare, requests no RTL core can express), never the ok or value the core answers.
 */
class RtlHarnessRepliesTest {
    private static final Duration STEP = Duration.ofSeconds(5);

    @Test
    void harnessDecidedRepliesAreMarkedAndCoreRepliesAreNot() throws Exception {
        assumeTrue(Simulator.ICARUS.installed(), "iverilog is not installed; RTL tests skipped");
        try (Adapter adapter = new RtlAdapterProvider().open(RtlSources.rtlDir()
                .resolve("examples/atomik_core32_single.v").toString())) {
            List<ObjectNode> requests = List.of(
                    reset(),                                                     // reset pulse
                    op("init").put("kind", "table").put("width", 0).put("size", 1),   // BAD_WIDTH
                    op("init").put("kind", "table").put("width", 8).put("size", 0),   // BAD_SIZE
                    table(64, 1),                                                // width > cap_width
                    table(8, 2),                                                 // size > cap_depth
                    op("init").put("kind", "stream").put("width", 8),            // no RTL stream
                    context(32),                                                 // ok of the reset pulse
                    load(0, 0x12),                                               // the core's ok
                    accum(0, 0x3),
                    read(0),                                                     // the core's value
                    swap(0),                                                     // cap_ops bit 4 clear
                    read(1),                                                     // address >= N
                    op("epoch"));                                                // no RTL epoch
            assertEquals(List.of(harnessOk(), harnessError("BAD_WIDTH"), harnessError("BAD_SIZE"),
                    harnessError("UNSUPPORTED"), harnessError("UNSUPPORTED"), harnessError("UNSUPPORTED"), harnessOk(),
                    ok(), ok(), value(0x11), harnessError("UNSUPPORTED"), harnessError("ADDRESS_OUT_OF_RANGE"),
                    harnessError("UNSUPPORTED")), adapter.execute(requests, STEP));
        }
    }

    @Test
    void translationsMarkOnlyHarnessDecisions() {
        assertEquals(harnessOk(), HarnessCommands.reply("K", HarnessCommands.translate(reset()).answer()));
        assertEquals(harnessOk(), HarnessCommands.reply("K", HarnessCommands.translate(table(8, 1)).answer()));
        assertEquals(ok(), HarnessCommands.reply("K", HarnessCommands.translate(load(0, 1)).answer()));
        assertEquals(ok(), HarnessCommands.reply("K", HarnessCommands.translate(merge(0, 1)).answer()));
        assertEquals(value(0x2a), HarnessCommands.reply("V 2a", HarnessCommands.translate(read(0)).answer()));
        assertEquals(harnessError("ADDRESS_OUT_OF_RANGE"),
                HarnessCommands.reply("E ADDRESS_OUT_OF_RANGE", HarnessCommands.translate(read(9)).answer()));
        assertEquals(harnessError("UNSUPPORTED"), HarnessCommands.translate(op("drain")).local());
    }
}
