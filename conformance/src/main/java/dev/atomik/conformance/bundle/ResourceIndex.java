package dev.atomik.conformance.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The list file that stands in for a directory listing of resources shipped inside a jar: a class
 * loader can open a resource by name but cannot portably list a folder (nested jars, custom
 * loaders), so every bundled folder carries {@value #NAME} with its files, one relative path a line.
 * The build writes it (conformance/pom.xml runs {@link #main} after the resources are copied).
 */
public final class ResourceIndex {
    /** The index file's name inside each bundled folder. */
    public static final String NAME = "index.txt";

    private ResourceIndex() {
    }

    /** Build step: writes {@code DIR/index.txt} for every folder given. */
    public static void main(String[] args) throws IOException {
        for (String dir : args) {
            write(Path.of(dir));
        }
    }

    /** Writes the index of {@code dir}: its files, recursively, sorted, {@code /}-separated. */
    public static void write(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such folder to index");
        }
        Files.writeString(dir.resolve(NAME), String.join("\n", list(dir)) + "\n", StandardCharsets.UTF_8);
    }

    /** The files under {@code dir} as the index lists them (the index itself excluded). */
    public static List<String> list(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(NAME))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The entries of the bundled folder {@code resourceDir} ({@code atomik/traces}), when it has an index. */
    public static Optional<List<String>> read(ClassLoader loader, String resourceDir) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resourceDir + "/" + NAME)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(text.lines().filter(l -> !l.isBlank()).collect(Collectors.toList()));
        }
    }
}
