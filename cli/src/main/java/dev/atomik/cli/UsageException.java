package dev.atomik.cli;

/** A mistake in how the command was called or what it was pointed at: message only, exit 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
