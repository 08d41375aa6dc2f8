package dev.atomik.conformance.adapters.process;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout's root directory, where adapter commands run so that
 * {@code process:python3 samples/python/atomik_adapter.py} works from any subdirectory.
 */
public final class RepoRoot {

    private RepoRoot() {
    }

    /**
     * The system property {@code atomik.root} when set, else the nearest directory at or above the
     * current one holding {@code spec/adapter-protocol.md}, else the current directory.
     */
    public static Path find() {
        String configured = System.getProperty("atomik.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return from(Path.of("").toAbsolutePath());
    }

    /** The nearest directory at or above {@code start} holding the spec, else {@code start} itself. */
    static Path from(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("spec").resolve("adapter-protocol.md"))) {
                return dir;
            }
        }
        return start;
    }
}
