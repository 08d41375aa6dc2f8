package dev.atomik.conformance.tck;

/**
 * The closed error-code table of spec/errors.md (ERR-CODES-1), for {@link Implementation}s: throw
 * {@code new AtomikFailure(ErrorCode.ADDRESS_OUT_OF_RANGE)} and the TCK compares the code, never a
 * message.
 */
public enum ErrorCode {
    /** Creating a context, table or stream with a width outside 1 … 64 (VAL-WIDTH-1). */
    BAD_WIDTH,
    /** Creating a table with N &lt; 1 (TBL-SIZE-1). */
    BAD_SIZE,
    /** A table address outside 0 … N−1 (TBL-ADDR-1); a stream address outside u32 (STR-SPARSE-1). */
    ADDRESS_OUT_OF_RANGE,
    /** Decoding anything but 16 bytes (WIRE-LEN-2). */
    BAD_LENGTH,
    /** A message field out of range (WIRE-RANGE-1). */
    VALUE_OUT_OF_RANGE,
    /** A bounded stream that is full (STR-CAP-1). */
    CAPACITY_EXCEEDED,
    /** A stream that issued seq 2^32−1 (STR-SEQ-1). */
    SEQ_EXHAUSTED,
    /** An operation the implementation did not declare (PROTO-CAPS-1): what every default method throws. */
    UNSUPPORTED
}
