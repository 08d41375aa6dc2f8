package dev.atomik.conformance.snippet;

/**
 * A snippet that cannot be read: the message is one line naming where (source, line, statement) and
 * what was expected. Never carries a stack trace to the user.
 */
public final class SnippetException extends Exception {
    public SnippetException(String message) {
        super(message);
    }
}
