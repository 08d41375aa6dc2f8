// Stdin-driven simulation harness for any core with the ATOMiK port interface (rtl/README.md).
// The Java adapter `--adapter rtl` compiles this file with the core (the core's module name comes
// in as the macro ATOMIK_DUT) and talks to the simulation over standard input and output:
//
//   (every harness line starts with "@"; other lines are the core's own $display output, kept as log)
//   startup      -> "@H <cap_width> <cap_depth> <cap_ops hex>"
//   one command  -> one reply: "@K" (done), "@V <hex>" (value), "@E <CODE>" (error code),
//                   "@F <reason>" (the core hung) or "@P <reason>" (out_valid broke the one-cycle
//                   rule of rtl/README.md, Timing); after @F or @P the simulation ends
//   commands: X | I <c|t> <width> <size> | L a v | A a d | R a | S a | T a v | C a | M a b | N | Q
//   (a, b, v, d in hex without 0x; width and size in decimal; Q ends the simulation)
`timescale 1ns/1ps
`ifndef ATOMIK_DUT
`define ATOMIK_DUT atomik_core
`endif
module atomik_harness;
    reg         clk = 1'b0;
    reg         rst_n = 1'b0;
    reg         in_valid = 1'b0;
    reg  [3:0]  op = 4'd0;
    reg  [31:0] addr = 32'd0;
    reg  [31:0] addr_b = 32'd0;
    reg  [63:0] data_in = 64'd0;
    wire        in_ready;
    wire        out_valid;
    wire [63:0] data_out;
    wire [6:0]  cap_width;
    wire [31:0] cap_depth;
    wire [15:0] cap_ops;

    always #5 clk = ~clk;

    // -P options of `--adapter 'rtl:...,-PNAME=value'` arrive as a parameter list the adapter writes
    // into its build folder: neither iverilog -P nor verilator -G reaches below the top module.
    `ATOMIK_DUT
`ifdef ATOMIK_DUT_PARAMS
    #(
`include "atomik_dut_params.vh"
    )
`endif
    dut (
        .clk(clk), .rst_n(rst_n), .in_valid(in_valid), .in_ready(in_ready), .op(op),
        .addr(addr), .addr_b(addr_b), .data_in(data_in), .out_valid(out_valid),
        .data_out(data_out), .cap_width(cap_width), .cap_depth(cap_depth), .cap_ops(cap_ops)
    );

    `include "atomik_driver.vh"

    integer        fd;
    integer        got;
    reg [7:0]      cmd;
    reg [7:0]      kind;
    reg [63:0]     a, b, d;
    reg            running;

    initial begin
        fd = $fopen("/dev/stdin", "r");
        atomik_reset;
        atomik_set_shape(cap_width, 64'd1);
        $display("@H %0d %0d %h", cap_width, cap_depth, cap_ops);
        $fflush;
        running = 1'b1;
        while (running) begin
            // Read field by field with $fscanf: a line read into a wide reg is padded with NUL
            // bytes that Verilator's $sscanf does not skip, while $fscanf works alike in both.
            cmd = 0; a = 0; b = 0; d = 0; kind = 0;
            got = $fscanf(fd, " %c", cmd);
            if (got != 1 || cmd == "Q") begin
                running = 1'b0;                       // end of input or Q: the adapter is done
            end else begin
                case (cmd)
                    "I":           begin got = $fscanf(fd, " %c %d %d", kind, b, d); a = kind; end
                    "L", "A", "T": got = $fscanf(fd, "%h %h", a, d);
                    "M":           got = $fscanf(fd, "%h %h", a, b);
                    "R", "S", "C": got = $fscanf(fd, "%h", a);
                    default:       got = 0;             // X, N, or an unknown letter
                endcase
                atomik_do(cmd, a, b, d);
                case (r_kind)
                    R_OK:    $display("@K");
                    R_VALUE: $display("@V %h", r_value);
                    R_ERROR: $display("@E %0s", r_error);
                    R_TIMING: begin
                        $display("@P %0s", r_error);
                        running = 1'b0;
                    end
                    default: begin
                        $display("@F %0s", r_error);
                        running = 1'b0;
                    end
                endcase
                $fflush;
            end
        end
        $finish;
    end
endmodule
