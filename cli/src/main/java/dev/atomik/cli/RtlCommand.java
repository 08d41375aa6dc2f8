package dev.atomik.cli;

import dev.atomik.conformance.adapters.rtl.TestbenchGenerator;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.runner.TraceSource;
import dev.atomik.conformance.trace.Trace;
import dev.atomik.conformance.trace.TraceFormatException;
import dev.atomik.conformance.trace.TraceParser;
import dev.atomik.conformance.trace.TraceProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atomik rtl}: tools for hardware teams (rtl/README.md). */
@Command(name = "rtl", mixinStandardHelpOptions = true,
        description = "Hardware tools. Run traces against a Verilog core with "
                + "'atomik conformance run --adapter rtl:my_core.v'; see rtl/README.md.",
        subcommands = {RtlCommand.Testbench.class})
final class RtlCommand implements Runnable {

    @Override
    public void run() {
        throw new UsageException("missing subcommand: atomik rtl testbench TRACE -o tb.v");
    }

    /** {@code atomik rtl testbench}: trace → self-checking Verilog testbench. */
    @Command(name = "testbench", mixinStandardHelpOptions = true,
            description = "Compile context/table traces into self-checking Verilog testbenches (no Java needed "
                    + "to run them): iverilog -g2012 -DATOMIK_DUT=my_core -o tb.vvp tb.v my_core.v && vvp -n tb.vvp. "
                    + "Exit status of the simulation: 0 pass, 1 fail (first failing step printed), 77 skip.")
    static final class Testbench implements Callable<Integer> {

        @Parameters(paramLabel = "TRACE", description = "a trace file, a folder of traces, or the id or area of a "
                + "trace built into the jar (context/load-read, context)")
        String input;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
                description = "the testbench file (one trace), or a folder (a folder of traces: one <area>_<name>_tb.v each)")
        Path output;

        @Override
        public Integer call() throws IOException {
            Path input = resolve(this.input);
            TraceParser parser = TraceParser.withSpec();
            if (Files.isRegularFile(input)) {
                Trace trace = parse(parser, input);
                if (trace == null) {
                    return ExitCode.MALFORMED_INPUT;
                }
                write(output, TestbenchGenerator.generate(trace));
                System.out.println(output + ": testbench for " + trace.id());
                return ExitCode.OK;
            }
            Files.createDirectories(output);
            List<Path> files = TraceLoader.find(input);
            int written = 0;
            int invalid = 0;
            for (Path file : files) {
                Trace trace = parse(parser, file);
                if (trace == null) {
                    invalid++;
                    continue;
                }
                String kind = trace.header().requires().kind();
                if (!kind.equals("context") && !kind.equals("table")) {
                    continue;   // streams, wire and replication have no RTL form
                }
                try {
                    write(output.resolve(trace.id().replace('/', '_').replace('-', '_') + "_tb.v"),
                            TestbenchGenerator.generate(trace));
                    written++;
                } catch (IllegalArgumentException e) {
                    System.out.println("not generated: " + e.getMessage());
                }
            }
            System.out.println(output + ": " + written + " testbenches from " + files.size() + " traces");
            return invalid > 0 ? ExitCode.MALFORMED_INPUT : written > 0 ? ExitCode.OK : ExitCode.FAILED;
        }

        /** A file or folder on disk, else a trace id or area of the traces built into the jar. */
        private static Path resolve(String given) {
            Path onDisk = Path.of(given);
            if (Files.exists(onDisk)) {
                return onDisk;
            }
            return TraceSource.bundled().flatMap(bundled -> Stream.of(given + ".ndjson", given)
                            .map(name -> bundled.root().resolve(name)).filter(Files::exists).findFirst())
                    .orElseThrow(() -> new UsageException(given + ": no such file or folder, nor a trace id or area "
                            + "of the built-in traces (atomik conformance list)"));
        }

        private static Trace parse(TraceParser parser, Path file) {
            try {
                return parser.parse(file);
            } catch (TraceFormatException e) {
                for (TraceProblem problem : e.problems()) {
                    System.out.println(problem);
                }
                return null;
            }
        }

        private static void write(Path file, String text) throws IOException {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }
}
