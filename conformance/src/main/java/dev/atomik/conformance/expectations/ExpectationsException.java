package dev.atomik.conformance.expectations;

import java.nio.file.Path;

/**
 * An expectations file that cannot be used: its message is one line, {@code file:line: what was
 * expected}, ready to show to the user.
 */
public final class ExpectationsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String problem;

    /**
     * @param file    the file
     * @param line    1-based line, or 0 when the problem is the file as a whole (unreadable)
     * @param problem what was expected, without the location
     */
    public ExpectationsException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The message without the location. */
    public String problem() {
        return problem;
    }
}
