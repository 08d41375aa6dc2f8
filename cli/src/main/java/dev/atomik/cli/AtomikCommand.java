package dev.atomik.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code atomik}: the kit's single command line. Each tool is one subcommand, registered in the
 * {@code subcommands} list below — to add one, add one line there.
 */
@Command(name = "atomik", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "ATOMiK reference & conformance kit.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ConformanceCommand.class,
            DemoCommand.class,
            ServeCommand.class,
            BenchCommand.class,
            RtlCommand.class,
            FuzzCommand.class,
            TckCommand.class,
            SpecCommand.class,
            SiteCommand.class,
            // bench, serve, generate, mutants, fuzz, demo, rtl: one line each, here.
        })
public final class AtomikCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The configured command line: exit code 2 and one line on standard error for usage and harness
     * errors, never a stack trace for them. Picocli hands exceptions to a handler but lets errors
     * through, so errors (out of memory above all) are caught around the execution instead.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AtomikCommand());
        cli.setExecutionExceptionHandler(AtomikCommand::onException);
        CommandLine.IExecutionStrategy last = new CommandLine.RunLast();
        cli.setExecutionStrategy(parsed -> {
            try {
                return last.execute(parsed);
            } catch (VirtualMachineError e) {
                return onError(e, cli);
            }
        });
        return cli;
    }

    private static int onException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UsageException || e instanceof IllegalArgumentException) {
            err.println("atomik: " + e.getMessage());
        } else {
            report(err, "internal error: " + e, e);
        }
        err.flush();
        return ExitCode.HARNESS;
    }

    /** The JVM ran out of heap or stack: the run cannot be trusted to go on, and says so in one line. */
    private static int onError(VirtualMachineError e, CommandLine cli) {
        PrintWriter err = cli.getErr();
        if (e instanceof OutOfMemoryError) {
            long mb = Runtime.getRuntime().maxMemory() >> 20;
            report(err, "out of memory (" + e.getMessage() + ") with a heap of at most " + mb
                    + " MB; give java a larger -Xmx", e);
        } else {
            report(err, "internal error: " + e, e);
        }
        err.flush();
        return ExitCode.HARNESS;
    }

    private static void report(PrintWriter err, String line, Throwable e) {
        if (System.getenv("ATOMIK_DEBUG") != null) {
            err.println("atomik: " + line);
            e.printStackTrace(err);
        } else {
            err.println("atomik: " + line + " (set ATOMIK_DEBUG=1 for the stack trace)");
        }
    }
}
