// ATOMiK reference core: a table of DEPTH contexts, each a reference R, an accumulator A and a
// delta count C (spec/context.md, spec/table.md). Ports follow rtl/README.md ("port interface");
// the conformance runner drives it through rtl/harness/atomik_harness.v.
//
// Every accepted op takes one cycle: it is accepted at a rising edge where in_valid && in_ready,
// and its result (data_out, out_valid) is registered at that same edge, so out_valid is high for
// the one cycle that follows. in_ready is always 1.
//
// Op codes (4 bits; 0..3 keep the order of upstream's 2-bit port NOP, LOAD, ACCUMULATE, READ):
//   0 NOP   1 LOAD   2 ACCUM   3 READ   4 SWAP (R := R^A)   5 SWAP_SET (R := data_in)
//   6 COUNT 7 MERGE (A[addr] ^= A[addr_b], C[addr] += C[addr_b])
//
// The core does not mask inputs to a trace's width W nor check addresses against a trace's table
// size N: the harness does both (rtl/README.md, "who decides errors"), because a core has one
// fixed width and depth while traces choose theirs.
module atomik_core #(
    parameter WIDTH   = 64,     // bits per word, 1..64
    parameter DEPTH   = 4096,   // number of contexts
    parameter COUNT_W = 32      // bits of each delta count
) (
    input  wire        clk,
    input  wire        rst_n,     // active low; clears every context (R = A = C = 0)
    input  wire        in_valid,
    output wire        in_ready,
    input  wire [3:0]  op,
    input  wire [31:0] addr,
    input  wire [31:0] addr_b,
    input  wire [63:0] data_in,
    output reg         out_valid,
    output reg  [63:0] data_out,
    // Capabilities: constants the harness reads once after reset (rtl/README.md).
    output wire [6:0]  cap_width,
    output wire [31:0] cap_depth,
    output wire [15:0] cap_ops
);
    localparam OP_NOP = 4'd0, OP_LOAD = 4'd1, OP_ACCUM = 4'd2, OP_READ = 4'd3, OP_SWAP = 4'd4,
               OP_SWAP_SET = 4'd5, OP_COUNT = 4'd6, OP_MERGE = 4'd7;

    assign in_ready  = 1'b1;
    assign cap_width = WIDTH;
    assign cap_depth = DEPTH;
    assign cap_ops   = 16'h00ff;   // ops 0..7

    // Context storage. Reset clears only the `live` bits: a context whose bit is 0 reads as
    // R = A = C = 0 (CTX-INIT-1), so the arrays themselves need no reset and can map to block RAM.
    reg [WIDTH-1:0]   ref_word [0:DEPTH-1];
    reg [WIDTH-1:0]   acc_word [0:DEPTH-1];
    reg [COUNT_W-1:0] count    [0:DEPTH-1];
    reg [DEPTH-1:0]   live;

    wire               live_a  = live[addr];
    wire               live_b  = live[addr_b];
    wire [WIDTH-1:0]   cur_ref = live_a ? ref_word[addr] : {WIDTH{1'b0}};
    wire [WIDTH-1:0]   cur_acc = live_a ? acc_word[addr] : {WIDTH{1'b0}};
    wire [COUNT_W-1:0] cur_cnt = live_a ? count[addr]    : {COUNT_W{1'b0}};
    wire [WIDTH-1:0]   src_acc = live_b ? acc_word[addr_b] : {WIDTH{1'b0}};
    wire [COUNT_W-1:0] src_cnt = live_b ? count[addr_b]    : {COUNT_W{1'b0}};
    wire [WIDTH-1:0]   value   = data_in[WIDTH-1:0];
    wire [WIDTH-1:0]   state   = cur_ref ^ cur_acc;
    // Zero-extended to the 64-bit data_out (assignment widens without a zero-width replication).
    wire [63:0]        state64 = state;
    wire [63:0]        count64 = cur_cnt;

    wire writes = in_valid && rst_n && (op == OP_LOAD || op == OP_ACCUM || op == OP_SWAP
                                        || op == OP_SWAP_SET || op == OP_MERGE);

    // Next contents of the addressed context for each writing op.
    reg [WIDTH-1:0]   next_ref;
    reg [WIDTH-1:0]   next_acc;
    reg [COUNT_W-1:0] next_cnt;
    always @(*) begin
        next_ref = cur_ref;
        next_acc = cur_acc;
        next_cnt = cur_cnt;
        case (op)
            OP_LOAD:     begin next_ref = value; next_acc = {WIDTH{1'b0}}; next_cnt = {COUNT_W{1'b0}}; end
            OP_ACCUM:    begin next_acc = cur_acc ^ value; next_cnt = cur_cnt + 1'b1; end
            OP_SWAP:     begin next_ref = state; next_acc = {WIDTH{1'b0}}; next_cnt = {COUNT_W{1'b0}}; end
            OP_SWAP_SET: begin next_ref = value; next_acc = {WIDTH{1'b0}}; next_cnt = {COUNT_W{1'b0}}; end
            // src_* are read before the edge, so MERGE a<-a clears A and doubles C (CTX-MERGE-1).
            OP_MERGE:    begin next_acc = cur_acc ^ src_acc; next_cnt = cur_cnt + src_cnt; end
            default: ;
        endcase
    end

    always @(posedge clk) begin
        if (writes) begin
            ref_word[addr] <= next_ref;
            acc_word[addr] <= next_acc;
            count[addr]    <= next_cnt;
        end
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            live      <= {DEPTH{1'b0}};
            out_valid <= 1'b0;
            data_out  <= 64'd0;
        end else begin
            out_valid <= in_valid;   // exactly one out_valid per accepted op, NOP included
            data_out  <= 64'd0;
            if (writes) live[addr] <= 1'b1;
            if (in_valid) begin
                case (op)
                    OP_READ, OP_SWAP, OP_SWAP_SET: data_out <= state64;
                    OP_COUNT:                      data_out <= count64;
                    default: ;
                endcase
            end
        end
    end
endmodule
