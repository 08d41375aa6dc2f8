package dev.atomik.model;

/** A failed operation; {@link #code} is one of {@link ErrorCode}. The operation changed nothing (ERR-ATOMIC-1). */
public final /*@ spec_java_math @*/ class AtomikError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One of the {@link ErrorCode} constants. */
    public final int code;

    /**
     * Clauses: ERR-CODES-1. The message is the code's name, given to the superclass rather than
     * computed by an override of getMessage: the JDK's specification of Throwable.getMessage
     * (OpenJML checks overrides against it) says it returns the stored message.
     */
    /*@ public normal_behavior
      @   ensures this.code == code;
      @   assignable \nothing;
      @*/
    public AtomikError(int code) {
        super(ErrorCode.name(code));
        this.code = code;
    }
}
