package dev.atomik.cli;

import dev.atomik.conformance.serve.ServeMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atomik serve}: the reference model as a process adapter on stdin/stdout, a correct peer
 * to compare an implementation's wire traffic against ({@code atomik conformance run --adapter
 * 'process:./atomik serve'} passes every trace).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the reference model (or another in-process adapter) over the adapter protocol "
                + "(spec/adapter-protocol.md) on stdin/stdout. Logs go to stderr.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--adapter", paramLabel = "SPEC", defaultValue = "model",
            description = "in-process adapter to serve, e.g. model or mutant:<name> (default: ${DEFAULT-VALUE})")
    String adapter;

    @Override
    public Integer call() {
        return ServeMain.run(adapter);
    }
}
