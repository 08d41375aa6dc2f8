package dev.atomik.cli;

import dev.atomik.cli.site.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atomik site -o DIR [--results a.json b.json …]}: the static evidence site (conformance/SITE.md). */
@Command(name = "site", mixinStandardHelpOptions = true,
        description = {"Write a static site: the spec with every clause anchored by its ID and its evidence (JML contracts "
                + "and KeY status, traces, Lean theorems and twins, waivers) linked into the sources, the coverage matrix, "
                + "the trust ledger and, with --results, a results matrix of run reports side by side.",
                "Example: atomik site -o /tmp/site --results model.json mine.json"})
final class SiteCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "the folder to write the site into")
    Path output;

    @Option(names = "--results", paramLabel = "REPORT", arity = "1..*",
            description = "JSON run reports (atomik conformance run --json FILE), one column each")
    List<Path> results = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        for (Path r : results) {
            if (!Files.isRegularFile(r)) {
                throw new UsageException(r + ": no such run report");
            }
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new UsageException(output + " exists and is not a folder");
        }
        SiteWriter.Written w = SiteWriter.write(RepoDir.find(), output, results);
        System.out.println("site written: " + w.index().toAbsolutePath() + " (" + w.clauses() + " clauses, " + w.specPages()
                + " spec pages, " + w.sourcePages() + " source pages" + (w.implementations() > 0 ? ", results of "
                + w.implementations() + " implementations" : "") + ")");
        return ExitCode.OK;
    }
}
