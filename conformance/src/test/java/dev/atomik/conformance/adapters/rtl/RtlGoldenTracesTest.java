package dev.atomik.conformance.adapters.rtl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The done-when of the hardware issue for simulation: every applicable golden trace passes on the
 * reference core through {@code --adapter rtl} (the same path as {@code ./atomik conformance run}).
 */
class RtlGoldenTracesTest {

    @Test
    void referenceCorePassesEveryContextAndTableTrace() throws Exception {
        assumeTrue(Simulator.ICARUS.installed(),
                "iverilog is not installed (CI installs the Debian package iverilog); RTL suite skipped");
        GoldenTracesOnHardware.assertAllApplicablePass("rtl", () -> new RtlAdapterProvider().open("iverilog"), true);
    }
}
