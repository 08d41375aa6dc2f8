// Misbehaving core for RtlTimingTest: it acts on `op` at every rising edge without looking at
// in_valid. It still passes, because the driver puts NOP and zeros on the bus whenever in_valid is
// low (rtl/README.md, bus hygiene); with the op held on the bus it would ACCUM twice.
module ignores_in_valid (
    input  wire        clk, input wire rst_n, input wire in_valid, output wire in_ready,
    input  wire [3:0]  op, input wire [31:0] addr, input wire [31:0] addr_b, input wire [63:0] data_in,
    output reg         out_valid, output reg [63:0] data_out,
    output wire [6:0]  cap_width, output wire [31:0] cap_depth, output wire [15:0] cap_ops
);
    assign in_ready = 1'b1;
    assign cap_width = 7'd64;
    assign cap_depth = 32'd1;
    assign cap_ops = 16'h004f;   // NOP, LOAD, ACCUM, READ, COUNT
    reg [63:0] r, a, c;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            r <= 0; a <= 0; c <= 0; out_valid <= 0; data_out <= 0;
        end else begin
            out_valid <= in_valid;
            case (op)   // the bug: no `if (in_valid)` around this
                4'd1: begin r <= data_in; a <= 0; c <= 0; end
                4'd2: begin a <= a ^ data_in; c <= c + 1; end
                4'd3: data_out <= r ^ a;
                4'd6: data_out <= c;
                default: ;
            endcase
        end
    end
endmodule
