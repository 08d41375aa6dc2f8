package dev.atomik.cli;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.expectations.Comparison;
import dev.atomik.conformance.report.ConsoleReport;
import dev.atomik.conformance.report.ExpectationsConsoleReport;
import dev.atomik.conformance.report.JUnitXmlReport;
import dev.atomik.conformance.report.JsonReport;
import dev.atomik.conformance.report.LiveConsole;
import dev.atomik.conformance.runner.AdapterCatalog;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceSource;
import dev.atomik.conformance.trace.TraceParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code atomik conformance run}: the runner of conformance/INTERPRETING.md, with its reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run traces against an adapter. Exit 0: every applicable trace passed (with --expectations: "
                + "only expected failures remain); 1: a trace failed or errored (with --expectations: a new failure "
                + "or an unexpected pass); 2: usage or harness error, nothing executed, nothing reached the "
                + "implementation, the adapter failed its handshake, or the run stopped early on a dead adapter.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--adapter", required = true, paramLabel = "SPEC",
            description = "model | process:<command line> | <scheme>:<argument> (see 'atomik conformance adapters')")
    String adapter;

    @Option(names = "--traces", paramLabel = "DIR", description = "trace folder or file (default: " + TracesDir.DEFAULT_HELP + ")")
    Path traces;

    @Option(names = "--filter", paramLabel = "PATTERN",
            description = "run only trace ids matching a glob (context/*) or containing a substring (swap)")
    String filter;

    @Option(names = "--junit", paramLabel = "FILE", description = "write a JUnit XML report")
    Path junit;

    @Option(names = "--json", paramLabel = "FILE", description = "write a JSON report")
    Path json;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "per-step reply timeout (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar and no live lines: only the report at the end")
    boolean quiet;

    @Option(names = "--show-skips", description = "list every skipped trace, not only the reasons")
    boolean showSkips;

    @Option(names = "--all-steps",
            description = "after a failing step keep comparing the trace's later steps and list every disagreement")
    boolean allSteps;

    @Option(names = "--keep-going",
            description = "run every trace even when the adapter seems dead (without it, the run stops with exit 2 once "
                    + Runner.Options.DEFAULT_DEAD_AFTER + " traces in a row got no answer: the adapter could not be "
                    + "opened, or crashed or stayed silent at the trace's first request)")
    boolean keepGoing;

    @Option(names = "--heartbeat", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "print a progress line after this long without output (default: ${DEFAULT-VALUE})")
    Duration heartbeat;

    @Mixin
    ExpectationsOptions expectations = new ExpectationsOptions();

    @Override
    public Integer call() throws IOException {
        expectations.load();
        TraceSource dir = TracesDir.source(traces);
        Supplier<Adapter> opener = AdapterCatalog.discover().opener(adapter);
        List<LoadedTrace> loaded;
        try {
            loaded = new TraceLoader(TraceParser.withSpec()).load(dir, filter);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        PrintStream out = System.out;
        RunResult result;
        AdapterSession session = new AdapterSession(adapter, opener, timeout);
        try (session; Progress progress = Progress.create(quiet, "conformance")) {
            // Live lines on stdout, flushed one by one, whether or not it is a terminal; -q leaves only the report.
            RunListener listener = quiet ? progress : RunListener.both(new LiveConsole(out, heartbeat), progress);
            result = new Runner(Runner.Options.cli(allSteps, keepGoing, heartbeat)).run(loaded, session, listener);
        }
        // The last adapter is asked to exit only when the session closes: its note comes now.
        result = result.withShutdownNotes(session.shutdownNotes());
        Comparison compared = expectations.compare(result);
        if (compared == null) {
            writeReports(result, out);
        } else {
            writeReports(result, compared, out);
        }
        if (loaded.isEmpty()) {
            System.err.println("atomik: no trace in " + dir + (filter == null ? "" : " matches --filter " + filter));
        }
        return expectations.afterRun(result, compared == null ? result.exitCode() : compared.exitCode(), out);
    }

    private void writeReports(RunResult result, PrintStream out) throws IOException {
        ConsoleReport.write(result, out, showSkips);
        if (json != null) {
            JsonReport.write(result, json);
        }
        if (junit != null) {
            JUnitXmlReport.write(result, junit);
        }
    }

    private void writeReports(RunResult result, Comparison compared, PrintStream out) throws IOException {
        ExpectationsConsoleReport.write(result, compared, out, showSkips);
        if (json != null) {
            JsonReport.write(result, compared, json);
        }
        if (junit != null) {
            JUnitXmlReport.write(result, compared, junit);
        }
    }
}
