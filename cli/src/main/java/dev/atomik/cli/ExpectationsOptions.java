package dev.atomik.cli;

import dev.atomik.conformance.expectations.Comparison;
import dev.atomik.conformance.expectations.Expectation;
import dev.atomik.conformance.expectations.ExpectationsFile;
import dev.atomik.conformance.expectations.ExpectationsException;
import dev.atomik.conformance.expectations.ExpectationsUpdate;
import dev.atomik.conformance.expectations.UpdateFile;
import dev.atomik.conformance.runner.ExitCodes;
import dev.atomik.conformance.runner.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --expectations} and {@code --update-expectations} options of {@code conformance run}
 * (conformance/INTERPRETING.md §9), and what they do before and after the run.
 */
final class ExpectationsOptions {

    @Option(names = "--expectations", paramLabel = "FILE",
            description = "known differences: traces that end as FILE expects do not fail the run; "
                    + "new failures and unexpected passes do (conformance/INTERPRETING.md section 9)")
    Path file;

    // A String, not a Path: picocli hands the fallback "" when the option is given without FILE.
    @Option(names = "--update-expectations", paramLabel = "FILE", arity = "0..1", fallbackValue = "",
            description = "rewrite FILE (default: the --expectations file) so it describes this run, keeping "
                    + "reasons, links, comments and fuzz: lines; then exit 0 unless the run had a harness error")
    String update;

    /** The file the run is judged against, or null. */
    private Path base;
    private List<Expectation> entries;

    /**
     * Checks the options and reads the expectations before anything runs, so a typo in the file costs
     * one line and exit 2, not a whole run.
     */
    void load() {
        Path target = updateTarget();
        if (file != null && target != null && Files.exists(target) && !sameFile(file, target)) {
            throw new UsageException("--update-expectations " + target + " exists and is not the --expectations file "
                    + file + "; it would be overwritten (name the same file, or a new one)");
        }
        base = file != null ? file : (target != null && Files.exists(target) ? target : null);
        if (base != null) {
            try {
                entries = ExpectationsFile.read(base).traceEntries();
            } catch (ExpectationsException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }

    /** The comparison with the expectations, or null when the run has none. */
    Comparison compare(RunResult run) {
        return base == null ? null : Comparison.of(run, entries, base);
    }

    /**
     * Rewrites the file when asked. Returns the exit code: the run's own when not updating; 0 after
     * an update (the written file now describes the run); 2 when the run was a harness error, since
     * a run that executed nothing or met a malformed trace would record noise.
     */
    int afterRun(RunResult run, int exitCode, PrintStream out) {
        Path target = updateTarget();
        if (target == null) {
            return exitCode;
        }
        if (run.exitCode() == ExitCodes.HARNESS) {
            System.err.println("atomik: not updating " + target + ": the run had a harness error (see above)");
            return ExitCode.HARNESS;
        }
        try {
            ExpectationsUpdate.Update u = UpdateFile.rewrite(run, base, target, LocalDate.now());
            out.println("wrote " + target + ": " + u.added() + " added, " + u.changed() + " changed, " + u.removed()
                    + " removed (kept as comments), " + u.kept() + " kept");
            return ExitCode.OK;
        } catch (ExpectationsException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot write " + target + ": " + e.getMessage());
        }
    }

    private Path updateTarget() {
        if (update == null) {
            return null;
        }
        if (!update.isEmpty()) {
            return Path.of(update);
        }
        if (file == null) {
            throw new UsageException("--update-expectations needs a FILE when --expectations is not given");
        }
        return file;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
