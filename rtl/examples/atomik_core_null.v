// The null core: a mutant that does nothing. It accepts every op and answers each with one
// out_valid cycle and data_out = 0, while declaring every capability the reference core has
// (64-bit words, 4096 contexts, op codes 0..7). It has the timing right and nothing else, so a
// suite that is worth its name passes none of the traces that reach the core; whatever it does
// pass (traces whose every expected value is 0, or that only check errors the harness decides)
// shows what the suite does not exercise.
//
//   ./atomik conformance run --adapter rtl:null
module atomik_core_null (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        in_valid,
    output wire        in_ready,
    input  wire [3:0]  op,        // ignored: every op is a no-op here
    input  wire [31:0] addr,
    input  wire [31:0] addr_b,
    input  wire [63:0] data_in,
    output reg         out_valid,
    output wire [63:0] data_out,
    output wire [6:0]  cap_width,
    output wire [31:0] cap_depth,
    output wire [15:0] cap_ops
);
    assign in_ready  = 1'b1;
    assign data_out  = 64'd0;
    assign cap_width = 7'd64;
    assign cap_depth = 32'd4096;
    assign cap_ops   = 16'h00ff;   // claims NOP, LOAD, ACCUM, READ, SWAP, SWAP_SET, COUNT, MERGE

    // The one thing it does right: one out_valid cycle after each accepted op.
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) out_valid <= 1'b0;
        else        out_valid <= in_valid;
    end
endmodule
