package dev.atomik.model;

/** A failed operation; {@link #code} is one of {@link ErrorCode}. The operation changed nothing (ERR-ATOMIC-1). */
public final /*@ spec_java_math @*/ class AtomikError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One of the {@link ErrorCode} constants. */
    public final int code;

    /** Clauses: ERR-CODES-1. */
    /*@ public normal_behavior
      @   ensures this.code == code;
      @   assignable \nothing;
      @*/
    public AtomikError(int code) {
        super();
        this.code = code;
    }

    public String getMessage() {
        return ErrorCode.name(code);
    }
}
