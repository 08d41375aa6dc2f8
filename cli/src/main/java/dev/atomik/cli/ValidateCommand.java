package dev.atomik.cli;

import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.trace.TraceFormatException;
import dev.atomik.conformance.trace.TraceParser;
import dev.atomik.conformance.trace.TraceProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code atomik conformance validate}: schema and semantic checks of trace files, {@code file:line: reason}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check trace files against the schema and TRACE-HEADER-1 / TRACE-STEP-1. "
                + "Prints file:line: reason for each problem, root causes first; exit 2 when any file is malformed "
                + "(as conformance run does for the same file).")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "trace files or folders (default: " + TracesDir.DEFAULT_HELP + ")")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        List<Path> files = new ArrayList<>();
        if (paths.isEmpty()) {
            files.addAll(TracesDir.source(null).files());
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new UsageException(path + ": no such file or folder");
            }
            try {
                files.addAll(TraceLoader.find(path));
            } catch (IOException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("no .ndjson trace file under " + (paths.isEmpty() ? TracesDir.source(null) : paths));
        }
        TraceParser parser = TraceParser.withSpec();
        int invalid = 0;
        for (Path file : files) {
            try {
                parser.parse(file);
            } catch (TraceFormatException e) {
                invalid++;
                for (TraceProblem problem : e.problems()) {
                    System.out.println(problem);
                }
            }
        }
        if (invalid == 0) {
            System.out.println(files.size() + " trace file" + (files.size() == 1 ? "" : "s") + " valid");
            return ExitCode.OK;
        }
        System.out.println(invalid + " of " + files.size() + " trace files invalid");
        return ExitCode.MALFORMED_INPUT;
    }
}
