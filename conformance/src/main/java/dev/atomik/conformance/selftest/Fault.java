package dev.atomik.conformance.selftest;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one deliberate bug a mutant carries ({@code mutant:a+b} carries several). Each fault names the
 * clause it violates; the self-test (conformance/selftest/expected.json) checks that the golden
 * traces catch it under that clause.
 */
public enum Fault {
    DUPLICATE_APPLY("duplicate-apply", "APPLY folds the delta in twice (so it cancels)", "STR-APPLY-1"),
    SWAP_RETURNS_NEW("swap-returns-new", "SWAP returns the new state instead of the state before", "CTX-SWAP-2"),
    NO_WIDTH_MASKING("no-width-masking", "inputs are not masked to W bits", "VAL-MASK-1"),
    LITTLE_ENDIAN_WIRE("little-endian-wire", "encode/decode use little-endian fields", "WIRE-FIELDS-1"),
    SEQ_NOT_INCREMENTED("seq-not-incremented", "every message carries seq 1", "STR-SEQ-1"),
    UNKNOWN_ADDRESS_READS_NONZERO("unknown-address-reads-nonzero",
            "READ of a never-touched stream address returns all ones", "STR-SPARSE-1"),
    LOAD_KEEPS_ACCUMULATOR("load-keeps-accumulator", "LOAD sets the reference but keeps the accumulator", "CTX-LOAD-1"),
    DECODE_ACCEPTS_15_BYTES("decode-accepts-15-bytes", "decode accepts a 15-byte frame (zero-padding it)", "WIRE-LEN-2"),
    SEQ_STARTS_AT_ZERO("seq-starts-at-zero", "the first message has seq 0", "STR-SEQ-1"),
    READ_CLEARS_ACCUMULATOR("read-clears-accumulator", "READ returns the state, then zeroes the accumulator", "CTX-READ-1"),
    TABLE_ADDRESS_WRAPS("table-address-wraps", "table addresses are taken modulo N instead of rejected", "TBL-ADDR-1"),
    ROLLBACK_NOOP("rollback-noop", "ROLLBACK changes nothing", "CTX-ROLLBACK-1"),
    DRAIN_KEEPS_QUEUE("drain-keeps-queue", "DRAIN returns the queue without emptying it", "STR-DRAIN-1"),
    MERGE_CLEARS_SOURCE("merge-clears-source", "MERGE moves the source accumulator instead of copying it", "CTX-MERGE-1"),
    APPLY_DEDUPLICATES("apply-deduplicates", "APPLY ignores a message (addr, seq) it has seen before", "NG-DUP-1"),
    SWAP_SENDS_MESSAGE("swap-sends-message", "SWAP queues a message with the state change", "NG-SWAP-1"),
    FAILED_ACCUM_CONSUMES_SEQ("failed-accum-consumes-seq", "an ACCUM that fails still uses up a seq", "ERR-ATOMIC-1"),
    APPLY_BUMPS_EPOCH("apply-bumps-epoch", "APPLY increments the epoch", "STR-EPOCH-1"),
    WIDTH_65_ACCEPTED("width-65-accepted", "widths up to 128 are accepted (and act as 64)", "VAL-WIDTH-1"),
    DECODE_ACCEPTS_SEQ_0("decode-accepts-seq-0", "decode accepts a frame whose seq is 0", "WIRE-RANGE-1"),
    COUNT_KEPT_BY_LOAD("count-kept-by-load", "LOAD does not reset the delta count", "CTX-COUNT-1"),
    CAPACITY_IGNORED("capacity-ignored", "stream address and queue bounds are not enforced", "STR-CAP-1"),
    /**
     * Not a bug in the interpreter but a whole implementation that does nothing: a baseline that
     * every trace expecting a non-zero answer or an error catches. It replaces the interpreter, so
     * it cannot be combined with another fault.
     */
    NULL("null", "the do-nothing implementation: every op answers zero (ok, 0x0, a zero message, no "
            + "messages, zero bytes), never an error", "CTX-READ-1");

    private final String id;
    private final String description;
    private final String clause;

    Fault(String id, String description, String clause) {
        this.id = id;
        this.description = description;
        this.clause = clause;
    }

    /** The name used in {@code --adapter mutant:<id>}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The clause this fault violates. */
    public String clause() {
        return clause;
    }

    public static Optional<Fault> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }
}
