package dev.atomik.conformance.expectations;

import java.nio.file.Path;

/**
 * An expectations file that cannot be read or does not follow the format. The message is one line,
 * {@code file:line: what was expected}, the form editors and CI annotators recognise; line 0 means
 * the file as a whole (it could not be read).
 */
public final class ExpectationsFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    public ExpectationsFormatException(Path file, int line, String what) {
        super(file + (line > 0 ? ":" + line : "") + ": " + what);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
