package dev.atomik.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the golden traces are when {@code --traces} is not given: {@code conformance/traces} under the
 * current folder, else under {@code $ATOMIK_HOME} (set by the {@code ./atomik} launcher to the
 * repository), else under the nearest parent folder that has one.
 */
final class TracesDir {
    static final String DEFAULT = "conformance/traces";

    private TracesDir() {
    }

    static Path resolve(Path given) {
        if (given != null) {
            return given;
        }
        Path local = Path.of(DEFAULT);
        if (Files.isDirectory(local)) {
            return local;
        }
        String home = System.getenv("ATOMIK_HOME");
        if (home != null && Files.isDirectory(Path.of(home, DEFAULT))) {
            return Path.of(home, DEFAULT);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(DEFAULT))) {
                return dir.resolve(DEFAULT);
            }
        }
        return local;
    }
}
