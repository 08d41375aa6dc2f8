package dev.atomik.cli;

import dev.atomik.conformance.runner.AdapterCatalog;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.snippet.Snippet;
import dev.atomik.conformance.snippet.SnippetException;
import dev.atomik.conformance.snippet.SnippetParser;
import dev.atomik.conformance.snippet.SnippetRun;
import dev.atomik.conformance.trace.TraceParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atomik spec eval SNIPPET}: runs a snippet of the example notation on the reference model
 * (or any adapter) and prints each statement's result beside the clause that decides it.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Run a snippet of the example notation (spec/examples.md) on the reference model and print "
                + "each step's result beside the clause that decides it.",
                "Example: atomik spec eval 'ctx w=8; load 0x1ff; accum 0xf0f; read'",
                "Exit 0 when every '→ expected' result matched, 1 when one did not, 2 on a snippet that cannot be read."})
final class SpecEvalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SNIPPET", arity = "0..1",
            description = "statements separated by ';' (or line ends); '-' or nothing reads standard input")
    String snippet;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "read the snippet from a file")
    Path file;

    @Option(names = "--adapter", paramLabel = "ADAPTER", defaultValue = "model",
            description = "where to run it (default: ${DEFAULT-VALUE}, the reference model)")
    String adapter;

    @Override
    public Integer call() {
        String source;
        String text;
        try {
            if (file != null) {
                if (snippet != null) {
                    throw new UsageException("give a snippet or --file, not both");
                }
                source = file.toString();
                text = Files.readString(file, StandardCharsets.UTF_8);
            } else if (snippet == null || snippet.equals("-")) {
                source = "<stdin>";
                text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            } else {
                source = "snippet";
                text = snippet;
            }
        } catch (IOException e) {
            throw new UsageException("cannot read " + (file != null ? file : "standard input") + ": " + e.getMessage());
        }
        try (AdapterSession session = new AdapterSession(adapter, AdapterCatalog.discover().opener(adapter),
                Duration.ofSeconds(5))) {
            Snippet parsed = new SnippetParser(source, true).parse(text);
            SnippetRun.Result result = new SnippetRun(TraceParser.withSpec(), session).run(parsed, "snippet/eval", null);
            PrintStream out = new PrintStream(System.out, true,
                    StandardCharsets.UTF_8);
            print(result, out);
            if (result.fault() != null) {
                System.err.println("atomik: " + result.fault());
                return ExitCode.HARNESS;
            }
            return result.statedResultsHold() ? ExitCode.OK : ExitCode.FAILED;
        } catch (SnippetException e) {
            System.err.println("atomik: " + e.getMessage());
            return ExitCode.HARNESS;
        }
    }

    static void print(SnippetRun.Result result, PrintStream out) {
        List<SnippetRun.StepResult> steps = result.steps();
        int width = steps.stream().mapToInt(s -> s.step().text().length()).max().orElse(0);
        int valueWidth = steps.stream().mapToInt(s -> String.valueOf(s.actual()).length()).max().orElse(0);
        for (SnippetRun.StepResult s : steps) {
            String actual = s.actual() == null ? "-" : s.actual();
            StringBuilder line = new StringBuilder(String.format("%-" + width + "s  ->  %-" + valueWidth + "s   %s",
                    s.step().text(), actual, s.clause()));
            boolean expects = !s.expected().equals("success");
            if (!s.agrees() && expects) {
                line.append("   MISMATCH: expected ").append(s.expected());
                if (s.note() != null) {
                    line.append(" (").append(s.note()).append(')');
                }
            } else if (expects) {
                line.append("   as expected");
            } else if (s.note() != null && s.actual() == null) {
                line.append("   (").append(s.note()).append(')');
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
