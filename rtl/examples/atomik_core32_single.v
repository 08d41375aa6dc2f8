// A reduced core in the shape of upstream's: one context, 32-bit words, and only the ops of a
// 2-bit op port (NOP, LOAD, ACCUMULATE, READ). It shows how a core with fewer features declares
// them through the capability ports (rtl/README.md), so the runner skips the traces it cannot run
// (no SWAP, COUNT or MERGE; width > 32; more than one context) instead of failing them.
//
//   ./atomik conformance run --adapter 'rtl:rtl/examples/atomik_core32_single.v'
module atomik_core32_single (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        in_valid,
    output wire        in_ready,
    input  wire [3:0]  op,
    input  wire [31:0] addr,      // unused: one context; the harness rejects addresses >= 1
    input  wire [31:0] addr_b,    // unused: no MERGE
    input  wire [63:0] data_in,
    output reg         out_valid,
    output reg  [63:0] data_out,
    output wire [6:0]  cap_width,
    output wire [31:0] cap_depth,
    output wire [15:0] cap_ops
);
    assign in_ready  = 1'b1;
    assign cap_width = 7'd32;
    assign cap_depth = 32'd1;
    assign cap_ops   = 16'b0000_0000_0000_1111;   // NOP, LOAD, ACCUM, READ

    reg [31:0] reference;
    reg [31:0] accumulator;

    always @(posedge clk) begin
        if (!rst_n) begin            // synchronous reset is fine: the harness holds it two edges
            reference   <= 32'd0;
            accumulator <= 32'd0;
            out_valid   <= 1'b0;
            data_out    <= 64'd0;
        end else begin
            out_valid <= in_valid;
            data_out  <= 64'd0;
            if (in_valid) begin
                case (op[1:0])
                    2'd1: begin reference <= data_in[31:0]; accumulator <= 32'd0; end
                    2'd2: accumulator <= accumulator ^ data_in[31:0];
                    2'd3: data_out <= {32'd0, reference ^ accumulator};
                    default: ;
                endcase
            end
        end
    end
endmodule
