package dev.atomik.cli;

import dev.atomik.conformance.golden.GoldenFiles;
import dev.atomik.conformance.runner.TraceSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atomik conformance generate}: regenerates the golden traces from their definitions
 * (dev.atomik.conformance.golden) with the reference model supplying every expectation. With
 * {@code --check} nothing is written; the command fails with the list of files that would change.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Regenerate the generated golden traces from the reference model.",
                "Hand-written traces and traces of other generators are left alone."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "traces folder (default: the checkout's conformance/traces; --check outside a checkout: the traces built into the jar)")
    Path out;

    @Option(names = "--check", description = "write nothing; exit 1 and list every file that would change")
    boolean check;

    /** {@code --out} or the checkout's traces, else (outside a checkout, {@code --check} only) the traces built into the jar. */
    private TraceSource traces() {
        if (out != null) {
            return new TraceSource(out, List.of(), out.toString());
        }
        Optional<Path> checkout = TracesDir.checkout();
        if (checkout.isPresent()) {
            return new TraceSource(checkout.get(), List.of(), checkout.get().toString());
        }
        if (!check) {
            throw new UsageException("no " + TracesDir.DEFAULT + " folder here or above " + Path.of("").toAbsolutePath()
                    + ": the traces built into the jar are read-only; pass --out DIR to write them");
        }
        return TracesDir.source(null);
    }

    @Override
    public Integer call() throws Exception {
        TraceSource traces = traces();
        Path root = traces.root();
        String where = traces.description();
        Map<String, String> files = GoldenFiles.generate();
        GoldenFiles golden = new GoldenFiles(root);
        if (check) {
            List<String> diffs = golden.differences(files);
            if (diffs.isEmpty()) {
                System.out.println(files.size() + " generated traces in " + where + " are up to date");
                return 0;
            }
            System.err.println(diffs.size() + " generated trace file(s) in " + where
                    + " differ from the generator (run: atomik conformance generate):");
            diffs.forEach(d -> System.err.println("  " + d));
            return 1;
        }
        List<String> changed = golden.write(files);
        changed.forEach(c -> System.out.println("  " + c));
        System.out.println(files.size() + " generated traces in " + where + " (" + changed.size() + " changed)");
        return 0;
    }
}
