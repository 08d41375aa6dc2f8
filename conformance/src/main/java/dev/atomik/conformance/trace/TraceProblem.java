package dev.atomik.conformance.trace;

import java.nio.file.Path;

/** One reason a trace file is malformed, located by file and 1-based line (TRACE-STEP-1). */
public record TraceProblem(Path file, int line, String reason) {

    /** {@code file:line: reason}, the format editors and CI annotators recognise. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
