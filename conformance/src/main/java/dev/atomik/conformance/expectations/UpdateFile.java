package dev.atomik.conformance.expectations;

import dev.atomik.conformance.runner.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

/** The file side of {@link ExpectationsUpdate}: read the old file (if any), write the new one whole. */
public final class UpdateFile {
    private UpdateFile() {
    }

    /**
     * Rewrites {@code target} so it describes {@code run}.
     *
     * @param base the file whose entries, reasons and comments to keep, or null to start empty; it is
     *             parsed first, so a malformed file is reported and nothing is written
     */
    public static ExpectationsUpdate.Update rewrite(RunResult run, Path base, Path target, LocalDate date)
            throws ExpectationsException, IOException {
        List<String> lines = List.of();
        List<Expectation> entries = List.of();
        if (base != null) {
            entries = ExpectationsFile.read(base).traceEntries();
            lines = Files.readAllLines(base, StandardCharsets.UTF_8);
        }
        String day = date.toString();
        ExpectationsUpdate.Update update = ExpectationsUpdate.plan(run, lines, entries,
                ExpectationsUpdate.placeholder(run, day), day);
        write(target, update.text());
        return update;
    }

    // Written beside the target and moved over it, so an interrupted update never leaves half a file
    // (the user's reasons would be lost with the other half).
    private static void write(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path tmp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
