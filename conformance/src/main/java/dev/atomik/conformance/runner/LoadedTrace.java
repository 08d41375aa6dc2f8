package dev.atomik.conformance.runner;

import dev.atomik.conformance.trace.Trace;
import dev.atomik.conformance.trace.TraceProblem;
import java.nio.file.Path;
import java.util.List;

/**
 * A trace file as loaded for a run: either a parsed {@link Trace}, or the problems that make it
 * malformed (it then ends {@code error} without running).
 */
public record LoadedTrace(Path file, String id, Trace trace, List<TraceProblem> problems) {

    public LoadedTrace {
        problems = List.copyOf(problems);
    }

    public boolean isMalformed() {
        return trace == null;
    }
}
