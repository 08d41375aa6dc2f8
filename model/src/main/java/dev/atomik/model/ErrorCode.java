package dev.atomik.model;

/**
 * The closed set of error codes of spec/errors.md (ERR-CODES-1). Codes are ints rather than an enum
 * so that KeY can reason about them as plain constants.
 */
public final /*@ spec_java_math @*/ class ErrorCode {
    public static final int BAD_WIDTH = 1;
    public static final int BAD_SIZE = 2;
    public static final int ADDRESS_OUT_OF_RANGE = 3;
    public static final int BAD_LENGTH = 4;
    public static final int VALUE_OUT_OF_RANGE = 5;
    public static final int CAPACITY_EXCEEDED = 6;
    public static final int SEQ_EXHAUSTED = 7;

    private ErrorCode() {
    }

    /** The code's name as spelled in the spec, traces and the adapter protocol. */
    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public static String name(int code) {
        switch (code) {
            case BAD_WIDTH: return "BAD_WIDTH";
            case BAD_SIZE: return "BAD_SIZE";
            case ADDRESS_OUT_OF_RANGE: return "ADDRESS_OUT_OF_RANGE";
            case BAD_LENGTH: return "BAD_LENGTH";
            case VALUE_OUT_OF_RANGE: return "VALUE_OUT_OF_RANGE";
            case CAPACITY_EXCEEDED: return "CAPACITY_EXCEEDED";
            case SEQ_EXHAUSTED: return "SEQ_EXHAUSTED";
            default: return "UNKNOWN";
        }
    }
}
