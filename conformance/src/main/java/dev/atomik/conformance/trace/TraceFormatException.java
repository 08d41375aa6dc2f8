package dev.atomik.conformance.trace;

import java.nio.file.Path;
import java.util.List;

/** A trace file that cannot run: its schema or semantic problems, each with file, line and reason. */
public final class TraceFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient List<TraceProblem> problems;

    public TraceFormatException(Path file, List<TraceProblem> problems) {
        super(problems.isEmpty() ? file + ": malformed" : problems.get(0).toString()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<TraceProblem> problems() {
        return problems;
    }
}
