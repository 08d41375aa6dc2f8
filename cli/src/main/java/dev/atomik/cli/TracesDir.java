package dev.atomik.cli;

import dev.atomik.conformance.runner.TraceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the golden traces are when {@code --traces} is not given: {@code conformance/traces} under the
 * current folder, else under {@code $ATOMIK_HOME} (set by the {@code ./atomik} launcher to the
 * repository), else under the nearest parent folder that has one, else the copy built into the jar.
 * A checkout comes first so that an edited trace runs without rebuilding the jar.
 */
final class TracesDir {
    static final String DEFAULT = "conformance/traces";
    /** How option help names the default. */
    static final String DEFAULT_HELP = DEFAULT + " of the checkout, else the traces built into the jar";

    private TracesDir() {
    }

    /** The traces to read: {@code given} (a folder or a file), else the default search above. */
    static TraceSource source(Path given) {
        try {
            if (given != null) {
                return TraceSource.folder(given);
            }
            Optional<Path> checkout = checkout();
            if (checkout.isPresent()) {
                return TraceSource.folder(checkout.get());
            }
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        return TraceSource.bundled().orElseThrow(() -> new UsageException("no " + DEFAULT + " folder here or above "
                + Path.of("").toAbsolutePath() + ", and this jar was built without its traces: pass --traces DIR"));
    }

    /** The checkout's traces folder, when the current folder is in a checkout (or the launcher named one). */
    static Optional<Path> checkout() {
        Path local = Path.of(DEFAULT);
        if (Files.isDirectory(local)) {
            return Optional.of(local);
        }
        String home = System.getenv("ATOMIK_HOME");
        if (home != null && Files.isDirectory(Path.of(home, DEFAULT))) {
            return Optional.of(Path.of(home, DEFAULT));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(DEFAULT))) {
                return Optional.of(dir.resolve(DEFAULT));
            }
        }
        return Optional.empty();
    }
}
