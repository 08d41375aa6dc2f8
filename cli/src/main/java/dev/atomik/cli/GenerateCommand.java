package dev.atomik.cli;

import dev.atomik.conformance.golden.GoldenFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--out", paramLabel = "DIR", description = "traces folder (default: the repository's conformance/traces)")
    Path out;

    @Option(names = "--check", description = "write nothing; exit 1 and list every file that would change")
    boolean check;

    @Override
    public Integer call() throws Exception {
        Path root = TracesDir.resolve(out);
        Map<String, String> files = GoldenFiles.generate();
        GoldenFiles golden = new GoldenFiles(root);
        if (check) {
            List<String> diffs = golden.differences(files);
            if (diffs.isEmpty()) {
                System.out.println(files.size() + " generated traces in " + root + " are up to date");
                return 0;
            }
            System.err.println(diffs.size() + " generated trace file(s) in " + root
                    + " differ from the generator (run: atomik conformance generate):");
            diffs.forEach(d -> System.err.println("  " + d));
            return 1;
        }
        List<String> changed = golden.write(files);
        changed.forEach(c -> System.out.println("  " + c));
        System.out.println(files.size() + " generated traces in " + root + " (" + changed.size() + " changed)");
        return 0;
    }
}
