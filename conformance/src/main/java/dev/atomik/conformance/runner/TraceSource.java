package dev.atomik.conformance.runner;

import dev.atomik.conformance.bundle.KitResources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a run's trace bytes come from: a folder (or one file) on disk, or the golden traces bundled
 * in the conformance jar. Either way the files are {@code java.nio.file} paths, so parsing is the same.
 *
 * @param root        the folder ids are relative to (or the single trace file)
 * @param files       the trace files, sorted
 * @param description how messages name the source: the folder, or "the traces built into X"
 */
public record TraceSource(Path root, List<Path> files, String description) {

    public TraceSource {
        files = List.copyOf(files);
    }

    /** A traces folder searched recursively, or one trace file. */
    public static TraceSource folder(Path root) throws IOException {
        return new TraceSource(root, TraceLoader.find(root), root.toString());
    }

    /** The golden traces shipped inside the conformance jar, when it was built with them. */
    public static Optional<TraceSource> bundled() {
        return KitResources.traces().map(f -> new TraceSource(f.root(),
                f.files().stream().filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().toList(),
                "the traces built into " + f.origin()));
    }

    /** A trace's id from its place under the root: {@code area/name}. */
    public String idOf(Path file) {
        return TraceLoader.idOf(root, file);
    }

    @Override
    public String toString() {
        return description;
    }
}
