package dev.atomik.cli;

import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceSource;
import dev.atomik.conformance.trace.Requirements;
import dev.atomik.conformance.trace.TraceParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atomik conformance list}: each trace with its clauses and the capabilities it needs. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List traces: id, clauses, required capabilities. Exit 1 when a trace is malformed.")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--traces", paramLabel = "DIR", description = "trace folder (default: " + TracesDir.DEFAULT_HELP + ")")
    Path traces;

    @Option(names = "--filter", paramLabel = "PATTERN", description = "glob or substring of the trace id")
    String filter;

    @Override
    public Integer call() {
        TraceSource dir = TracesDir.source(traces);
        List<LoadedTrace> loaded;
        try {
            loaded = new TraceLoader(TraceParser.withSpec()).load(dir, filter);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        int malformed = 0;
        for (LoadedTrace t : loaded) {
            if (t.isMalformed()) {
                malformed++;
                System.out.println(t.id() + "  MALFORMED: " + t.problems().get(0));
                continue;
            }
            Requirements r = t.trace().header().requires();
            System.out.println(t.id() + "  clauses=" + String.join(",", t.trace().header().clauses())
                    + "  requires: kind=" + r.kind() + " widths=" + r.widths() + " contexts=" + r.contexts()
                    + " nodes=" + r.nodes() + " ops=" + String.join(",", new TreeSet<>(t.trace().protocolOps())));
        }
        System.out.println(loaded.size() + " traces" + (malformed == 0 ? "" : ", " + malformed + " malformed"));
        return malformed == 0 ? ExitCode.OK : ExitCode.MALFORMED_INPUT;
    }
}
