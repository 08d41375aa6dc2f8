package dev.atomik.conformance.runner;

import dev.atomik.conformance.trace.Trace;
import dev.atomik.conformance.trace.TraceFormatException;
import dev.atomik.conformance.trace.TraceParser;
import dev.atomik.conformance.trace.TraceProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the {@code .ndjson} files under a traces folder, keeps those whose id matches a filter, and
 * parses each file once. A malformed file becomes a {@link LoadedTrace} carrying its problems, so a
 * bad trace costs one {@code error}, not the run.
 */
public final class TraceLoader {
    private final TraceParser parser;

    public TraceLoader(TraceParser parser) {
        this.parser = parser;
    }

    /**
     * @param root   a traces folder (searched recursively) or one trace file
     * @param filter null or empty for every trace; a glob when it holds {@code * ? [ {} (matched
     *               against the whole id), else a substring of the id
     */
    public List<LoadedTrace> load(Path root, String filter) throws IOException {
        return load(TraceSource.folder(root), filter);
    }

    /** The traces of a source (a folder on disk or the bundled golden traces) whose id matches the filter. */
    public List<LoadedTrace> load(TraceSource source, String filter) throws IOException {
        Predicate<String> keep = matcher(filter);
        List<Path> files = source.files().stream().filter(f -> keep.test(source.idOf(f))).collect(Collectors.toList());
        // Files are independent and the parser is thread-safe: parse them in parallel, keep path order.
        return files.parallelStream().map(f -> loadOne(f, source.idOf(f))).collect(Collectors.toList());
    }

    /** Every trace file under {@code root}, sorted by path so runs are reproducible. */
    public static List<Path> find(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        if (!Files.isDirectory(root)) {
            throw new IOException("traces folder " + root + " does not exist");
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".ndjson") && Files.isRegularFile(p))
                    .sorted().collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public LoadedTrace loadOne(Path file, String id) {
        try {
            Trace trace = parser.parse(file);
            return new LoadedTrace(file, trace.id(), trace, List.of());
        } catch (TraceFormatException e) {
            return new LoadedTrace(file, id, null, e.problems());
        }
    }

    /** A trace's expected id from its place under the traces folder: {@code area/name}. */
    static String idOf(Path root, Path file) {
        Path relative = Files.isDirectory(root) ? root.relativize(file) : file.getFileName();
        String id = relative.toString().replace('\\', '/');
        return id.endsWith(".ndjson") ? id.substring(0, id.length() - ".ndjson".length()) : id;
    }

    static Predicate<String> matcher(String filter) {
        if (filter == null || filter.isEmpty()) {
            return id -> true;
        }
        if (filter.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + filter);
            return id -> glob.matches(Path.of(id));
        }
        return id -> id.contains(filter);
    }

    /** Problems of a list of loaded traces, in order. */
    public static List<TraceProblem> problems(List<LoadedTrace> traces) {
        List<TraceProblem> all = new ArrayList<>();
        traces.forEach(t -> all.addAll(t.problems()));
        return all;
    }
}
