// ATOMiK harness driver: turns one trace-level operation into port activity on a core with the
// port interface of rtl/README.md, and decides the errors the harness owns (rtl/README.md, "who
// decides errors"). Included inside a module that declares the core's port signals:
//   clk, rst_n, in_valid, in_ready, op, addr, addr_b, data_in, out_valid, data_out,
//   cap_width, cap_depth, cap_ops
// It is shared by the stdin harness (atomik_harness.v, used by `--adapter rtl`) and by every
// testbench `atomik rtl testbench` generates, so both judge a core the same way.
//
// Commands (one ASCII letter each, as in the stdin text protocol):
//   X reset          I init (a = kind 'c'/'t', b = width, d = size)
//   L load a,d       A accum a,d        R read a        S swap a        T swap a to d
//   C count a        M merge a <- b     N nop
// Results land in r_kind / r_value / r_error.
//
// Bus hygiene: whenever in_valid is low, op is NOP and addr, addr_b, data_in are zero, so a core
// that wrongly acts on op without looking at in_valid sees NOPs, not the last op again.
// out_valid is checked at every falling edge the driver waits on: high for exactly one cycle per
// accepted op, never without one (rtl/README.md, Timing); a breach is R_TIMING.

localparam R_OK = 0, R_VALUE = 1, R_ERROR = 2, R_FAULT = 3, R_TIMING = 4;
localparam MAX_WAIT_CYCLES = 10000;   // a core that does not answer within this is hung

integer        r_kind = R_OK;
reg [63:0]     r_value;
reg [8*48-1:0] r_error;             // error code, or the reason when r_kind is R_FAULT or R_TIMING

reg [63:0]     cur_width;            // the trace's W (set by init, else the core's width)
reg [63:0]     cur_size;             // the trace's N (set by init, else 1)
reg [63:0]     cur_mask;

integer        waited;
integer        high_cycles;

task atomik_idle_bus;
    begin
        in_valid = 1'b0; op = 4'd0; addr = 32'd0; addr_b = 32'd0; data_in = 64'd0;
    end
endtask

// Called at a falling edge where no op is accepted and unanswered: out_valid must be low.
task atomik_expect_quiet;
    begin
        if (out_valid === 1'b1 && r_kind != R_TIMING) begin
            r_kind = R_TIMING; r_error = "out_valid rose with no accepted op";
        end
    end
endtask

// Holds rst_n low across two rising edges; every context returns to R = A = C = 0.
task atomik_reset;
    begin
        @(negedge clk);
        atomik_idle_bus;
        rst_n = 1'b0;
        @(negedge clk);
        @(negedge clk);
        rst_n = 1'b1;
        @(negedge clk);
        atomik_expect_quiet;   // the first cycle after reset has no op either
    end
endtask

task atomik_set_shape(input [63:0] width, input [63:0] size);
    begin
        cur_width = width;
        cur_size  = size;
        cur_mask  = (width >= 64) ? 64'hffff_ffff_ffff_ffff : ((64'd1 << width) - 64'd1);
    end
endtask

// Presents one op, waits for in_ready (acceptance at the next rising edge), then waits for the
// single out_valid cycle that answers it and checks that it falls after one cycle. Inputs change
// and outputs are sampled at falling edges, half a cycle away from the rising edges the core uses.
task atomik_drive(input [3:0] code, input [31:0] a, input [31:0] b, input [63:0] d);
    begin
        @(negedge clk);
        atomik_expect_quiet;
        if (r_kind != R_TIMING) begin
            op = code; addr = a; addr_b = b; data_in = d; in_valid = 1'b1;
            waited = 0;
            while (!in_ready && waited < MAX_WAIT_CYCLES && r_kind != R_TIMING) begin
                @(negedge clk);
                atomik_expect_quiet;   // not accepted yet, so there is nothing to answer
                waited = waited + 1;
            end
        end
        if (r_kind == R_TIMING) begin
            atomik_idle_bus;
        end else if (!in_ready) begin
            r_kind = R_FAULT; r_error = "in_ready never rose";
        end else begin
            @(posedge clk);            // accepted here
            @(negedge clk);
            atomik_idle_bus;
            waited = 0;
            while (!out_valid && waited < MAX_WAIT_CYCLES) begin
                @(negedge clk);
                waited = waited + 1;
            end
            if (!out_valid) begin
                r_kind = R_FAULT; r_error = "out_valid never rose";
            end else begin
                r_value = data_out;
                // One cycle only: a core that holds out_valid would seem to answer the next op.
                high_cycles = 1;
                @(negedge clk);
                while (out_valid === 1'b1 && high_cycles < MAX_WAIT_CYCLES) begin
                    high_cycles = high_cycles + 1;
                    @(negedge clk);
                end
                if (high_cycles > 1) begin
                    r_kind = R_TIMING;
                    $sformat(r_error, "out_valid stayed high for %0d cycles", high_cycles);
                end
            end
        end
    end
endtask

function atomik_has_op(input [3:0] code);
    atomik_has_op = cap_ops[code];
endfunction

task atomik_do(input [7:0] cmd, input [63:0] a, input [63:0] b, input [63:0] d);
    reg [3:0] code;
    reg       wants_value;
    begin
        r_kind = R_OK; r_value = 64'd0; r_error = "";
        wants_value = 1'b0;
        code = 4'd0;
        case (cmd)
            "L": code = 4'd1;
            "A": code = 4'd2;
            "R": begin code = 4'd3; wants_value = 1'b1; end
            "S": begin code = 4'd4; wants_value = 1'b1; end
            "T": begin code = 4'd5; wants_value = 1'b1; end
            "C": begin code = 4'd6; wants_value = 1'b1; end
            "M": code = 4'd7;
            default: code = 4'd0;
        endcase
        if (cmd == "X") begin
            atomik_reset;
            atomik_set_shape(cap_width, 64'd1);
        end else if (cmd == "I") begin
            // Error order of ERR-ORDER-1: width, then size.
            if (b < 64'd1 || b > 64'd64) begin
                r_kind = R_ERROR; r_error = "BAD_WIDTH";
            end else if (a == "t" && d < 64'd1) begin
                r_kind = R_ERROR; r_error = "BAD_SIZE";
            end else if (b > cap_width || (a == "t" && d > cap_depth)) begin
                r_kind = R_ERROR; r_error = "UNSUPPORTED";
            end else begin
                atomik_reset;
                atomik_set_shape(b, (a == "t") ? d : 64'd1);
            end
        end else if (cmd != "N" && code == 4'd0) begin
            r_kind = R_ERROR; r_error = "UNSUPPORTED";
        end else if (!atomik_has_op(code)) begin
            r_kind = R_ERROR; r_error = "UNSUPPORTED";
        end else if (a >= cur_size || (code == 4'd7 && b >= cur_size)) begin
            r_kind = R_ERROR; r_error = "ADDRESS_OUT_OF_RANGE";   // TBL-ADDR-1; core untouched
        end else begin
            atomik_drive(code, a[31:0], b[31:0], d & cur_mask);
            if (r_kind == R_OK && wants_value) r_kind = R_VALUE;
        end
    end
endtask
