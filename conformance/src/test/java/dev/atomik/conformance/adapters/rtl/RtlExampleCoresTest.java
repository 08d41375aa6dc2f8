package dev.atomik.conformance.adapters.rtl;

import static dev.atomik.conformance.adapters.rtl.Requests.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.Capabilities;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example cores under rtl/examples/ compile and run through {@code --adapter rtl:...}. */
class RtlExampleCoresTest {
    private static final Duration STEP = Duration.ofSeconds(5);

    @BeforeAll
    static void needIcarus() {
        assumeTrue(Simulator.ICARUS.installed(), "iverilog is not installed; RTL tests skipped");
    }

    /** {@code rtl:null} claims everything and answers 0: a load is lost, a read says 0. */
    @Test
    void nullCoreDeclaresFullCapabilitiesAndRemembersNothing() throws Exception {
        try (Adapter adapter = new RtlAdapterProvider().open("null")) {
            assertTrue(adapter.hello().name().startsWith("rtl:atomik_core_null"), adapter.hello().name());
            Capabilities caps = adapter.hello().capabilities();
            assertEquals(64, caps.maxWidth());
            assertEquals(4096, caps.contexts());
            assertEquals(Set.of("init", "load", "accum", "rollback", "read", "swap", "count", "merge"), caps.ops());
            assertEquals(List.of(harnessOk(), harnessOk(), ok(), value(0), ok(), value(0)), adapter.execute(
                    List.of(reset(), table(64, 4096), load(4095, 0x1234), read(4095), accum(0, 1), count(0)), STEP));
        }
    }

    @Test
    void oneContextCoreIs64BitWithoutSwapCountOrMerge() throws Exception {
        String core = RtlSources.rtlDir().resolve("examples/atomik_core64_one_context.v").toString();
        try (Adapter adapter = new RtlAdapterProvider().open("iverilog:" + core)) {
            Capabilities caps = adapter.hello().capabilities();
            assertEquals(64, caps.maxWidth());
            assertEquals(1, caps.contexts());
            assertEquals(Set.of("init", "load", "accum", "rollback", "read"), caps.ops());
            assertEquals(List.of(harnessOk(), ok(), ok(), ok(), value(0xFEDC_BA98_7654_3210L ^ 0xF0L),
                    harnessError("UNSUPPORTED"), harnessError("UNSUPPORTED"), harnessError("UNSUPPORTED")),
                    adapter.execute(List.of(context(64), load(0, 0xFEDC_BA98_7654_3210L), accum(0, 0xFF), rollback(0, 0x0F),
                            read(0), swap(0), count(0), merge(0, 0)), STEP));
        }
    }
}
