// Misbehaving core for RtlTimingTest: answers each op on time, then raises out_valid once more two
// cycles later with no op accepted, which breaks rtl/README.md (Timing): never without an op.
module echoes_out_valid (
    input  wire        clk, input wire rst_n, input wire in_valid, output wire in_ready,
    input  wire [3:0]  op, input wire [31:0] addr, input wire [31:0] addr_b, input wire [63:0] data_in,
    output reg         out_valid, output reg [63:0] data_out,
    output wire [6:0]  cap_width, output wire [31:0] cap_depth, output wire [15:0] cap_ops
);
    assign in_ready = 1'b1;
    assign cap_width = 7'd64;
    assign cap_depth = 32'd1;
    assign cap_ops = 16'h000f;   // NOP, LOAD, ACCUM, READ
    reg [63:0] r, a;
    reg v1, v2;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            r <= 0; a <= 0; v1 <= 0; v2 <= 0; out_valid <= 0; data_out <= 0;
        end else begin
            v1 <= in_valid;
            v2 <= v1;
            out_valid <= in_valid | v2;   // the bug: v2 echoes the answer two cycles later
            if (in_valid) begin
                case (op)
                    4'd1: begin r <= data_in; a <= 0; end
                    4'd2: a <= a ^ data_in;
                    4'd3: data_out <= r ^ a;
                    default: ;
                endcase
            end
        end
    end
endmodule
