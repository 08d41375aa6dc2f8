package dev.atomik.conformance.trace;

/**
 * A validated trace could not be read again step by step: its file became unreadable or changed
 * since it was validated. A harness fault, not a verdict on the implementation.
 */
public final class TraceReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TraceReadException(String message) {
        super(message);
    }
}
