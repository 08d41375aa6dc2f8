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

    /** The configured command line: exit code 2 for usage and harness errors, never a stack trace for them. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AtomikCommand());
        cli.setExecutionExceptionHandler(AtomikCommand::onException);
        return cli;
    }

    private static int onException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UsageException || e instanceof IllegalArgumentException) {
            err.println("atomik: " + e.getMessage());
        } else {
            err.println("atomik: internal error: " + e);
            if (System.getenv("ATOMIK_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("(set ATOMIK_DEBUG=1 for the stack trace)");
            }
        }
        err.flush();
        return ExitCode.HARNESS;
    }
}
