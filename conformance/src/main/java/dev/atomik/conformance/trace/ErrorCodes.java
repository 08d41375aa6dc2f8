package dev.atomik.conformance.trace;

import java.util.Set;

/**
 * The closed error-code table of spec/errors.md (ERR-CODES-1), as spelled on the wire. Kept here
 * rather than taken from the model because conformance code other than the model adapter must not
 * depend on the model (it is the implementation under test there).
 */
public final class ErrorCodes {
    public static final String UNSUPPORTED = "UNSUPPORTED";

    /** Every code a trace may expect: all of spec/errors.md but UNSUPPORTED (TRACE-STEP-1). */
    public static final Set<String> EXPECTABLE = Set.of("BAD_WIDTH", "BAD_SIZE", "ADDRESS_OUT_OF_RANGE",
            "BAD_LENGTH", "VALUE_OUT_OF_RANGE", "CAPACITY_EXCEEDED", "SEQ_EXHAUSTED");

    private ErrorCodes() {
    }

    /** Every code an implementation may report. */
    public static boolean isKnown(String code) {
        return EXPECTABLE.contains(code) || UNSUPPORTED.equals(code);
    }
}
