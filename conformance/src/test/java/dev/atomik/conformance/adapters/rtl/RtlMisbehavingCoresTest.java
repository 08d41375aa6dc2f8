package dev.atomik.conformance.adapters.rtl;

import static dev.atomik.conformance.adapters.rtl.Requests.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Capabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cores other than the reference: the reduced example core (capabilities, PROTO-CAPS-1) and small
 * broken cores written here, which must end in the named faults of PROTO-FAULT-1 rather than a
 * hang or a stack trace.
 */
class RtlMisbehavingCoresTest {
    private static final Duration STEP = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @BeforeAll
    static void needIcarus() {
        assumeTrue(Simulator.ICARUS.installed(),
                "iverilog is not installed (CI installs the Debian package iverilog); RTL tests skipped");
    }

    /** A core with the port list of rtl/README.md whose always block is {@code body}. */
    private Path core(String name, String body) throws IOException {
        String text = "module " + name + " (input wire clk, input wire rst_n, input wire in_valid, output wire in_ready,\n"
                + "  input wire [3:0] op, input wire [31:0] addr, input wire [31:0] addr_b, input wire [63:0] data_in,\n"
                + "  output reg out_valid, output reg [63:0] data_out, output wire [6:0] cap_width,\n"
                + "  output wire [31:0] cap_depth, output wire [15:0] cap_ops);\n"
                + "  assign in_ready = 1'b1; assign cap_width = 7'd64; assign cap_depth = 32'd4; assign cap_ops = 16'h00ff;\n"
                + "  reg [63:0] r;\n"
                + body + "\nendmodule\n";
        Path file = dir.resolve(name + ".v");
        Files.writeString(file, text);
        return file;
    }

    /** VAL-WIDTH-2, PROTO-CAPS-1: the 32-bit single-context example declares what it lacks. */
    @Test
    void reducedCoreDeclaresFewerCapabilitiesAndAnswersUnsupported() throws AdapterFault {
        Path reduced = RtlSources.rtlDir().resolve("examples/atomik_core32_single.v");
        try (Adapter adapter = new RtlAdapterProvider().open(reduced.toString())) {
            Capabilities caps = adapter.hello().capabilities();
            assertEquals(32, caps.maxWidth());
            assertEquals(1, caps.contexts());
            assertEquals(java.util.Set.of("init", "load", "accum", "rollback", "read"), caps.ops());
            List<ObjectNode> replies = adapter.execute(List.of(reset(), context(32), load(0, 0x1_2345_6789L),
                    accum(0, 0xF), read(0), swap(0), count(0), table(64, 1), table(32, 2), read(1)), STEP);
            assertEquals(List.of(harnessOk(), harnessOk(), ok(), ok(), value(0x2345_6786L), harnessError("UNSUPPORTED"),
                    harnessError("UNSUPPORTED"), harnessError("UNSUPPORTED"), harnessError("UNSUPPORTED"),
                    harnessError("ADDRESS_OUT_OF_RANGE")), replies);
        }
    }

    /** PROTO-FAULT-1: a core whose out_valid never rises is a TIMEOUT, and the next batch restarts it. */
    @Test
    void coreThatNeverAnswersCountIsATimeoutAndTheSimulationRestarts() throws Exception {
        Path file = core("count_hangs", "  always @(posedge clk) begin\n"
                + "    out_valid <= in_valid && op != 4'd6; data_out <= 64'd0;\n"
                + "    if (!rst_n) r <= 0; else if (in_valid && op == 4'd1) r <= data_in;\n"
                + "    else if (in_valid && op == 4'd3) data_out <= r;\n  end");
        try (Adapter adapter = new RtlAdapterProvider().open(file.toString())) {
            AdapterFault fault = assertThrows(AdapterFault.class,
                    () -> adapter.execute(List.of(reset(), table(64, 2), load(0, 5), count(0), read(0)), STEP));
            assertEquals(AdapterFault.Kind.TIMEOUT, fault.kind());
            assertEquals(3, fault.requestIndex());
            assertTrue(fault.getMessage().contains("out_valid never rose"), fault.getMessage());
            assertEquals(List.of(harnessOk(), ok(), value(9)),
                    adapter.execute(List.of(table(64, 2), load(1, 9), read(1)), STEP));
        }
    }

    /** PROTO-FAULT-1: a simulation that ends mid-trace is a CRASH at that request. */
    @Test
    void simulationThatFinishesIsACrash() throws Exception {
        Path file = core("swap_finishes", "  always @(posedge clk) begin\n"
                + "    out_valid <= in_valid; data_out <= 64'd0;\n"
                + "    if (in_valid && op == 4'd4) begin $display(\"core: SWAP not built\"); $finish; end\n  end");
        try (Adapter adapter = new RtlAdapterProvider().open(file.toString())) {
            AdapterFault fault = assertThrows(AdapterFault.class,
                    () -> adapter.execute(List.of(reset(), table(64, 1), load(0, 1), swap(0)), STEP));
            assertEquals(AdapterFault.Kind.CRASH, fault.kind());
            assertEquals(3, fault.requestIndex());
            assertTrue(fault.getMessage().contains("core: SWAP not built"), "keeps the core's own output: " + fault.getMessage());
        }
    }

    /** PROTO-REPLY-1: x bits on data_out are a BAD_REPLY, never a value. */
    @Test
    void undrivenDataOutIsABadReply() throws Exception {
        Path file = core("read_x", "  always @(posedge clk) begin\n"
                + "    out_valid <= in_valid; data_out <= (in_valid && op == 4'd3) ? 64'bx : 64'd0;\n  end");
        try (Adapter adapter = new RtlAdapterProvider().open(file.toString())) {
            AdapterFault fault = assertThrows(AdapterFault.class,
                    () -> adapter.execute(List.of(reset(), table(64, 1), read(0)), STEP));
            assertEquals(AdapterFault.Kind.BAD_REPLY, fault.kind());
            assertEquals(2, fault.requestIndex());
        }
    }

    private Path twoModules() throws IOException {
        Path file = dir.resolve("two.v");
        Files.writeString(file, "module a(input wire x);\nendmodule\nmodule b(input wire y);\nendmodule\n");
        return file;
    }

    /** Bad sources are reported at open, with the compiler's words, before any trace runs. */
    @Test
    void missingOrBrokenSourcesAreClearErrors() throws IOException {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new RtlAdapterProvider().open(dir.resolve("nope.v").toString()));
        assertTrue(missing.getMessage().contains("no such Verilog file"), missing.getMessage());

        Path broken = dir.resolve("broken.v");
        Files.writeString(broken, "module broken(input wire clk);\n  this is not verilog\nendmodule\n");
        IllegalArgumentException compile = assertThrows(IllegalArgumentException.class,
                () -> new RtlAdapterProvider().open(broken.toString()));
        assertTrue(compile.getMessage().contains("could not compile"), compile.getMessage());
        assertTrue(compile.getMessage().contains("broken.v"), compile.getMessage());

        IllegalArgumentException unnamedTop = assertThrows(IllegalArgumentException.class,
                () -> new RtlAdapterProvider().open(twoModules().toString()));
        assertTrue(unnamedTop.getMessage().contains("name the file after the top module"), unnamedTop.getMessage());
    }
}
