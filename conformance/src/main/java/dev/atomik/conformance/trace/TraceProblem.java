package dev.atomik.conformance.trace;

import java.nio.file.Path;

/**
 * One reason a trace file is malformed, located by file, 1-based line and, where known, 1-based
 * column (TRACE-STEP-1). A problem with a {@code cause} is a consequence of that earlier fault (the
 * header's {@code requires.ops} cannot match steps that did not parse); the validator lists it after
 * its cause, so the first line a reader sees is a root cause.
 *
 * @param column 1-based column within the line, 0 when the fault is not at one place in it
 * @param cause  the root-cause problem this one follows from, or null when it is a root cause itself
 */
public record TraceProblem(Path file, int line, int column, String reason, TraceProblem cause) {

    public TraceProblem {
        if (cause != null && cause.cause != null) {
            cause = cause.rootCause(); // a link always points at a root cause
        }
    }

    /** A root cause without a known column. */
    public TraceProblem(Path file, int line, String reason) {
        this(file, line, 0, reason, null);
    }

    public boolean isRootCause() {
        return cause == null;
    }

    /** The root cause this problem follows from, or this problem when it is one. */
    public TraceProblem rootCause() {
        return cause == null ? this : cause;
    }

    /** {@code file:line[:column]: reason [(follows from line N)]}, the format editors and CI annotators recognise. */
    @Override
    public String toString() {
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + reason
                + (cause == null ? "" : " (follows from line " + cause.line + ")");
    }
}
