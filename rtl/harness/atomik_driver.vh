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

localparam R_OK = 0, R_VALUE = 1, R_ERROR = 2, R_FAULT = 3;
localparam MAX_WAIT_CYCLES = 10000;   // a core that does not answer within this is hung

integer        r_kind;
reg [63:0]     r_value;
reg [8*24-1:0] r_error;             // error code, or fault reason when r_kind == R_FAULT

reg [63:0]     cur_width;            // the trace's W (set by init, else the core's width)
reg [63:0]     cur_size;             // the trace's N (set by init, else 1)
reg [63:0]     cur_mask;

integer        waited;

// Holds rst_n low across two rising edges; every context returns to R = A = C = 0.
task atomik_reset;
    begin
        @(negedge clk);
        in_valid = 1'b0;
        rst_n = 1'b0;
        @(negedge clk);
        @(negedge clk);
        rst_n = 1'b1;
        @(negedge clk);
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
// single out_valid cycle that answers it. Inputs change and outputs are sampled at falling edges,
// half a cycle away from the rising edges the core uses.
task atomik_drive(input [3:0] code, input [31:0] a, input [31:0] b, input [63:0] d);
    begin
        @(negedge clk);
        op = code; addr = a; addr_b = b; data_in = d; in_valid = 1'b1;
        waited = 0;
        while (!in_ready && waited < MAX_WAIT_CYCLES) begin
            @(negedge clk);
            waited = waited + 1;
        end
        if (!in_ready) begin
            r_kind = R_FAULT; r_error = "in_ready never rose";
        end else begin
            @(posedge clk);            // accepted here
            @(negedge clk);
            in_valid = 1'b0;
            waited = 0;
            while (!out_valid && waited < MAX_WAIT_CYCLES) begin
                @(negedge clk);
                waited = waited + 1;
            end
            if (!out_valid) begin
                r_kind = R_FAULT; r_error = "out_valid never rose";
            end else begin
                r_value = data_out;
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
        end else if (cmd == "N") begin
            atomik_drive(4'd0, 32'd0, 32'd0, 64'd0);
        end else if (code == 4'd0) begin
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
