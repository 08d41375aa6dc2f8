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

    reg [WIDTH-1:0]   ref_word [0:DEPTH-1];
    reg [WIDTH-1:0]   acc_word [0:DEPTH-1];
    reg [COUNT_W-1:0] count    [0:DEPTH-1];

    wire [WIDTH-1:0]   value   = data_in[WIDTH-1:0];
    wire [WIDTH-1:0]   state   = ref_word[addr] ^ acc_word[addr];
    wire [WIDTH-1:0]   src_acc = acc_word[addr_b];
    wire [COUNT_W-1:0] src_cnt = count[addr_b];
    // Zero-extended to the 64-bit data_out (assignment widens without a zero-width replication).
    wire [63:0]        state64 = state;
    wire [63:0]        count64 = count[addr];

    integer i;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (i = 0; i < DEPTH; i = i + 1) begin
                ref_word[i] <= {WIDTH{1'b0}};
                acc_word[i] <= {WIDTH{1'b0}};
                count[i]    <= {COUNT_W{1'b0}};
            end
            out_valid <= 1'b0;
            data_out  <= 64'd0;
        end else begin
            out_valid <= in_valid;   // exactly one out_valid per accepted op, NOP included
            data_out  <= 64'd0;
            if (in_valid) begin
                case (op)
                    OP_LOAD: begin
                        ref_word[addr] <= value;
                        acc_word[addr] <= {WIDTH{1'b0}};
                        count[addr]    <= {COUNT_W{1'b0}};
                    end
                    OP_ACCUM: begin
                        acc_word[addr] <= acc_word[addr] ^ value;
                        count[addr]    <= count[addr] + 1'b1;
                    end
                    OP_READ:  data_out <= state64;
                    OP_SWAP, OP_SWAP_SET: begin
                        data_out       <= state64;
                        ref_word[addr] <= (op == OP_SWAP) ? state : value;
                        acc_word[addr] <= {WIDTH{1'b0}};
                        count[addr]    <= {COUNT_W{1'b0}};
                    end
                    OP_COUNT: data_out <= count64;
                    OP_MERGE: begin
                        // Reads the source before the edge, so MERGE a<-a clears A and doubles C
                        // (CTX-MERGE-1).
                        acc_word[addr] <= acc_word[addr] ^ src_acc;
                        count[addr]    <= count[addr] + src_cnt;
                    end
                    default: ;
                endcase
            end
        end
    end
endmodule
