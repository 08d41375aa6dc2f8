package dev.atomik.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code atomik spec}: the spec as something to consult and run (spec/examples.md). */
@Command(name = "spec", mixinStandardHelpOptions = true,
        description = "Consult the spec: run a snippet on the model (eval), show a clause and its evidence (show).",
        subcommands = {SpecEvalCommand.class, SpecShowCommand.class})
final class SpecCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: eval or show");
    }
}
