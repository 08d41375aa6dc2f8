// Misbehaving core for RtlTimingTest: correct results, but out_valid stays high for two cycles
// per op, which breaks the one-cycle rule of rtl/README.md (Timing).
module holds_out_valid (
    input  wire        clk, input wire rst_n, input wire in_valid, output wire in_ready,
    input  wire [3:0]  op, input wire [31:0] addr, input wire [31:0] addr_b, input wire [63:0] data_in,
    output wire        out_valid, output reg [63:0] data_out,
    output wire [6:0]  cap_width, output wire [31:0] cap_depth, output wire [15:0] cap_ops
);
    assign in_ready = 1'b1;
    assign cap_width = 7'd64;
    assign cap_depth = 32'd1;
    assign cap_ops = 16'h000f;   // NOP, LOAD, ACCUM, READ
    reg [63:0] r, a;
    reg v1, v2;
    assign out_valid = v1 | v2;   // the bug: the answer cycle and the one after it
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            r <= 0; a <= 0; v1 <= 0; v2 <= 0; data_out <= 0;
        end else begin
            v1 <= in_valid;
            v2 <= v1;
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
