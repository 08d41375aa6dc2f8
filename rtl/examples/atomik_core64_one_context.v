// A 64-bit core with one context and only the ops of upstream's 2-bit op port (NOP, LOAD,
// ACCUMULATE, READ): no SWAP, no COUNT, no MERGE. Its capability ports say so (cap_depth 1,
// cap_ops bits 0..3), and the runner skips what it lacks (table traces with more than one
// context; traces that swap, count or merge) instead of failing them (rtl/README.md).
//
//   ./atomik conformance run --adapter 'rtl:rtl/examples/atomik_core64_one_context.v'
module atomik_core64_one_context (
    input  wire        clk,
    input  wire        rst_n,     // asynchronous here; the synchronous 32-bit example shows the other kind
    input  wire        in_valid,
    output wire        in_ready,
    input  wire [3:0]  op,
    input  wire [31:0] addr,      // unused: one context; the harness rejects addresses >= 1
    input  wire [31:0] addr_b,    // unused: no MERGE
    input  wire [63:0] data_in,   // already masked to the trace's width by the harness
    output reg         out_valid,
    output reg  [63:0] data_out,
    output wire [6:0]  cap_width,
    output wire [31:0] cap_depth,
    output wire [15:0] cap_ops
);
    localparam OP_LOAD = 4'd1, OP_ACCUM = 4'd2, OP_READ = 4'd3;

    assign in_ready  = 1'b1;
    assign cap_width = 7'd64;
    assign cap_depth = 32'd1;
    assign cap_ops   = 16'b0000_0000_0000_1111;   // NOP, LOAD, ACCUM, READ

    reg [63:0] reference;
    reg [63:0] accumulator;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            reference   <= 64'd0;
            accumulator <= 64'd0;
            out_valid   <= 1'b0;
            data_out    <= 64'd0;
        end else begin
            out_valid <= in_valid;   // one cycle per accepted op; in_ready is always 1
            data_out  <= 64'd0;
            if (in_valid) begin
                case (op)
                    OP_LOAD:  begin reference <= data_in; accumulator <= 64'd0; end
                    OP_ACCUM: accumulator <= accumulator ^ data_in;
                    OP_READ:  data_out <= reference ^ accumulator;
                    default: ;   // NOP, and codes this core does not declare
                endcase
            end
        end
    end
endmodule
