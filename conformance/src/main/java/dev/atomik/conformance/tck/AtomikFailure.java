package dev.atomik.conformance.tck;

/**
 * An ATOMiK operation failed with a code of spec/errors.md. Thrown by an {@link Implementation}; the
 * TCK turns it into the protocol's {@code {"error":"CODE"}} reply. The operation must have changed
 * nothing (ERR-ATOMIC-1).
 */
public class AtomikFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public AtomikFailure(ErrorCode code) {
        this(code, code.name());
    }

    /** @param detail for logs and stack traces only: results compare by code (ERR-CODES-1) */
    public AtomikFailure(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
