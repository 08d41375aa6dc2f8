package dev.atomik.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code atomik conformance}: run, list and validate traces; list adapters. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Run the conformance traces against an implementation.",
        subcommands = {
            RunCommand.class,
            ListCommand.class,
            ValidateCommand.class,
            AdaptersCommand.class,
            GenerateCommand.class,
            MutantsCommand.class,
        })
public final class ConformanceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (run, list, validate, adapters)");
    }
}
