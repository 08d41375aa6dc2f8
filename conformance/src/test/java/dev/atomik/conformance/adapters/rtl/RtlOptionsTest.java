package dev.atomik.conformance.adapters.rtl;

import static dev.atomik.conformance.adapters.rtl.Requests.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.Capabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The items of {@code --adapter 'rtl:...'} (RtlOptions, rtl/README.md "Sources and options"):
 * parsing and its one-line errors, then a core split over an include in a subdirectory, a define,
 * a parameter and a file list, compiled from a build folder elsewhere.
 */
class RtlOptionsTest {
    private static final Duration STEP = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void itemsAreSourcesIncludesDefinesParametersAndFileLists() throws IOException {
        Path core = write("core.v", "module core; endmodule\n");
        Path helper = write("lib/helper.v", "module helper; endmodule\n");
        write("lib/more.f", "// the helper\nhelper.v  # next to the list\n\n");
        Files.createDirectories(dir.resolve("inc"));
        RtlOptions options = RtlOptions.parse("core.v, -Iinc,-DWIDTH=32,-DFAST,-PDEPTH=4,-P NAME=\"x\",-flib/more.f", dir);
        assertEquals(List.of(core, helper), options.sources());
        assertEquals(List.of(dir.resolve("inc")), options.includes());
        Map<String, String> defines = new LinkedHashMap<>();
        defines.put("WIDTH", "32");
        defines.put("FAST", null);
        assertEquals(defines, options.defines());
        assertEquals(Map.of("DEPTH", "4", "NAME", "\"x\""), options.parameters());
        assertEquals(List.of(dir.resolve("inc"), dir), options.includeSearch(), "the core's folder is searched last");
        assertEquals(".DEPTH(4),\n.NAME(\"x\")\n", options.parameterList());
    }

    @Test
    void optionsAloneRunTheReferenceCoreAndNullNamesTheNullCore() {
        assertEquals(List.of(RtlSources.referenceCore()), RtlOptions.parse("-PDEPTH=16", dir).sources());
        assertEquals(List.of(RtlSources.referenceCore()), RtlOptions.parse("", dir).sources());
        assertEquals(List.of(RtlSources.nullCore()), RtlOptions.parse("null", dir).sources());
    }

    @Test
    void badItemsAreOneLineErrorsNamingTheItemAndWhatWasExpected() throws IOException {
        write("core.v", "module core; endmodule\n");
        write("opts.f", "core.v\n+incdir+inc\n");
        write("gone.f", "\n// nothing here but\ncore.v\nmissing.v\n");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("core.v,-I", "rtl option -I: expected a directory after -I");
        expected.put("core.v,-Inope", "rtl option -Inope: expected an existing directory");
        expected.put("core.v,-D1X=2", "rtl option -D1X=2: expected -DNAME or -DNAME=value");
        expected.put("core.v,-PDEPTH", "rtl option -PDEPTH: expected -Pparam=value");
        expected.put("core.v,-PDEPTH=four", "rtl option -PDEPTH=four: expected -Pparam=value");
        expected.put("core.v,-f", "rtl option -f: expected a file list after -f");
        expected.put("core.v,-fnope.f", "rtl option -fnope.f: expected an existing file list");
        expected.put("core.v,-X1", "rtl: unknown option '-X1': expected a Verilog file, null, -I<dir>");
        expected.put("core.v,,core.v", "rtl: empty item 2");
        expected.put("core.v,null", "rtl: 'null' (the null core) must be the first item");
        expected.put("nope.v", "no such Verilog file: nope.v");
        expected.put("-fopts.f", "opts.f:2: expected a source path, got the option '+incdir+inc'");
        expected.put("-fgone.f", "gone.f:4: no such Verilog file: missing.v");
        expected.forEach((argument, message) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RtlOptions.parse(argument, dir),
                    argument);
            assertTrue(e.getMessage().contains(message), argument + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        });
    }

    /**
     * The core includes {@code inc/split_ops.vh} relative to its own folder and
     * {@code split_width.vh} from an -I folder; SPLIT_SWAP (a define) adds SWAP; DEPTH (a
     * parameter) sets cap_depth; a file list names the core and a helper module.
     */
    @Test
    void aCoreSplitOverIncludesDefinesParametersAndAFileListRuns() throws Exception {
        assumeTrue(Simulator.ICARUS.installed(), "iverilog is not installed; RTL tests skipped");
        write("cores/inc/split_ops.vh", "localparam OP_LOAD = 4'd1, OP_READ = 4'd3, OP_SWAP = 4'd4, OP_SWAP_SET = 4'd5;\n");
        write("shared/split_width.vh", "localparam W = 64;\n");
        write("cores/helper/split_pass.v", "module split_pass(input wire [63:0] i, output wire [63:0] o);\n"
                + "  assign o = i;\nendmodule\n");
        write("cores/split_core.v", String.join("\n",
                "module split_core #(parameter DEPTH = 1) (input wire clk, input wire rst_n, input wire in_valid,",
                "  output wire in_ready, input wire [3:0] op, input wire [31:0] addr, input wire [31:0] addr_b,",
                "  input wire [63:0] data_in, output reg out_valid, output reg [63:0] data_out,",
                "  output wire [6:0] cap_width, output wire [31:0] cap_depth, output wire [15:0] cap_ops);",
                "`include \"inc/split_ops.vh\"",
                "`include \"split_width.vh\"",
                "  assign in_ready = 1'b1; assign cap_width = W; assign cap_depth = DEPTH;",
                "`ifdef SPLIT_SWAP",
                "  assign cap_ops = 16'h003b;",
                "`else",
                "  assign cap_ops = 16'h000b;",
                "`endif",
                "  reg [63:0] r [0:DEPTH-1];",
                "  wire [63:0] cur; split_pass pass(.i(r[addr]), .o(cur));",
                "  integer k;",
                "  always @(posedge clk) begin",
                "    if (!rst_n) begin out_valid <= 0; data_out <= 0; for (k = 0; k < DEPTH; k = k + 1) r[k] <= 0; end",
                "    else begin",
                "      out_valid <= in_valid; data_out <= 0;",
                "      if (in_valid && op == OP_LOAD) r[addr] <= data_in;",
                "      if (in_valid && (op == OP_READ || op == OP_SWAP)) data_out <= cur;",
                "      if (in_valid && op == OP_SWAP_SET) begin data_out <= cur; r[addr] <= data_in; end",
                "    end",
                "  end",
                "endmodule", ""));
        write("cores/split.f", "split_core.v      // the top first\n# and what it needs\nhelper/split_pass.v\n");
        String argument = String.join(",", "-f" + dir.resolve("cores/split.f"), "-I" + dir.resolve("shared"),
                "-DSPLIT_SWAP", "-PDEPTH=3");
        try (Adapter adapter = new RtlAdapterProvider().open(argument)) {
            Capabilities caps = adapter.hello().capabilities();
            assertEquals(3, caps.contexts());
            assertTrue(caps.ops().contains("swap"), caps.ops().toString());
            assertEquals(List.of(harnessOk(), ok(), value(0x77), value(0x77), value(0x5), harnessError("ADDRESS_OUT_OF_RANGE")),
                    adapter.execute(List.of(table(64, 3), load(2, 0x77), read(2), swap(2, 0x5), read(2), read(3)), STEP));
        }
        IllegalArgumentException noSuchParameter = assertThrows(IllegalArgumentException.class,
                () -> new RtlAdapterProvider().open(argument.replace("-PDEPTH=3", "-PDEPTH=3,-PWIDE=1")));
        assertEquals("rtl option -PWIDE=1: expected a parameter of module split_core; it has none named WIDE",
                noSuchParameter.getMessage());
    }

    @Test
    void theProviderDescriptionShowsTheSyntax() {
        String description = new RtlAdapterProvider().description();
        for (String item : Arrays.asList("-Idir", "-DNAME", "-PNAME=v", "-flist.f", "rtl:null")) {
            assertTrue(description.contains(item), description);
        }
    }
}
