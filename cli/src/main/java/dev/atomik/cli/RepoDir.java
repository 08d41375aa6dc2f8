package dev.atomik.cli;

import dev.atomik.conformance.adapters.process.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout that {@code spec show} and {@code site} read their evidence from: {@code $ATOMIK_HOME}
 * (set by the launcher), else the nearest folder at or above the current one holding the spec.
 */
final class RepoDir {
    private RepoDir() {
    }

    static Path find() {
        String home = System.getenv("ATOMIK_HOME");
        if (home != null && Files.isRegularFile(Path.of(home, "spec", "context.md"))) {
            return Path.of(home);
        }
        Path root = RepoRoot.find();
        if (!Files.isRegularFile(root.resolve("spec/context.md"))) {
            throw new UsageException("the evidence is read from the kit's checkout: run inside it (no spec/context.md at or above "
                    + Path.of("").toAbsolutePath() + ")");
        }
        return root;
    }
}
