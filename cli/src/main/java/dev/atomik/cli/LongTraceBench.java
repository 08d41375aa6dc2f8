package dev.atomik.cli;

import dev.atomik.conformance.bench.LongTrace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code atomik bench --trace-steps N}: writes a valid N-step context trace ({@link LongTrace}) to a
 * temporary folder, then validates it and runs it against the model, each in a fresh JVM held to
 * {@code --heap}, and reports the time and peak memory of each. Shows that traces are read step by
 * step: the heap needed does not grow with the trace.
 */
final class LongTraceBench {
    private LongTraceBench() {
    }

    static int run(int steps, String heap, PrintStream out) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("atomik-long-trace");
        try {
            long start = System.nanoTime();
            Path file = LongTrace.write(dir, steps, 0x5eedL);
            out.printf(Locale.ROOT, "trace: %,d steps, %,d bytes, written in %.1f s (%s)%n", steps, Files.size(file),
                    (System.nanoTime() - start) / 1e9, file);
            ChildJvm.Outcome validate = ChildJvm.atomik(heap, List.of("conformance", "validate", file.toString()));
            report("validate", heap, validate, out);
            ChildJvm.Outcome run = ChildJvm.atomik(heap, List.of("conformance", "run", "--adapter", "model",
                    "--traces", dir.toString(), "--quiet"));
            report("run --adapter model", heap, run, out);
            return validate.exitCode() == 0 && run.exitCode() == 0 ? ExitCode.OK : ExitCode.FAILED;
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void report(String what, String heap, ChildJvm.Outcome o, PrintStream out) {
        out.printf(Locale.ROOT, "%-20s exit %d in %.1f s under -Xmx%s, peak resident %s%n", what, o.exitCode(),
                o.seconds(), heap, o.peakResidentKb() == 0 ? "unknown" : (o.peakResidentKb() / 1024) + " MB");
        String last = (o.stdout().strip() + "\n" + o.stderr().strip()).strip();
        last.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).ifPresent(l -> out.println("  " + l));
    }
}
