package dev.atomik.conformance.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kit's files that ship inside the atomik-conformance jar (and so inside atomik.jar): the golden
 * traces under {@value #TRACES} and the RTL harness under {@value #RTL}. They make the runner, the
 * RTL adapter and the TCK work from any folder, with no checkout.
 *
 * <p>Traces are read in place through {@code java.nio.file} (a zip file system over the jar, or the
 * build's classes folder), so the parser sees ordinary paths. The RTL files are handed to a simulator
 * process, which needs real files: inside a jar they are copied once per JVM to a temporary folder.
 */
public final class KitResources {
    /** Resource folder of the golden traces (a copy of conformance/traces). */
    public static final String TRACES = "atomik/traces";
    /** Resource folder of the RTL reference core, harness and example cores (a copy of rtl/). */
    public static final String RTL = "atomik/rtl";

    private static final ClassLoader LOADER = KitResources.class.getClassLoader();
    private static final Map<String, Optional<Folder>> READABLE = new HashMap<>();
    private static final Map<String, Optional<Path>> ON_DISK = new HashMap<>();

    /**
     * A bundled folder as {@code java.nio.file} paths.
     *
     * @param root   the folder (inside the jar's file system, or on disk)
     * @param files  its files in index order
     * @param origin where it was found, for messages: the jar file or the classes folder
     */
    public record Folder(Path root, List<Path> files, String origin) {
        public Folder {
            files = List.copyOf(files);
        }
    }

    private KitResources() {
    }

    /** The bundled golden traces, or empty when this class was loaded without them. */
    public static Optional<Folder> traces() {
        return readable(TRACES);
    }

    /** The bundled {@code rtl/} folder on disk (holding {@code harness/atomik_harness.v}), or empty. */
    public static synchronized Optional<Path> rtlDir() {
        return ON_DISK.computeIfAbsent(RTL, dir -> readable(dir).map(f -> onDisk(dir, f)));
    }

    static synchronized Optional<Folder> readable(String dir) {
        return READABLE.computeIfAbsent(dir, KitResources::locate);
    }

    private static Optional<Folder> locate(String dir) {
        try {
            Optional<List<String>> entries = ResourceIndex.read(LOADER, dir);
            if (entries.isEmpty()) {
                return unindexed(dir);
            }
            URL anchor = LOADER.getResource(dir + "/" + ResourceIndex.NAME);
            URI uri = anchor.toURI();
            Path root = switch (uri.getScheme()) {
                case "file" -> Path.of(uri).getParent();
                case "jar" -> inJar(uri);
                default -> null;
            };
            if (root == null) {
                root = extract(dir, entries.get());   // a class loader we cannot read in place
            }
            List<Path> files = new ArrayList<>();
            for (String entry : entries.get()) {
                files.add(root.resolve(entry));
            }
            return Optional.of(new Folder(root, files, origin(uri)));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the kit's bundled " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Without an index (an IDE that copied resources but did not run the build step): a folder on disk is walked. */
    private static Optional<Folder> unindexed(String dir) throws URISyntaxException, IOException {
        URL url = LOADER.getResource(dir);
        if (url == null || !url.getProtocol().equals("file")) {
            return Optional.empty();
        }
        Path root = Path.of(url.toURI());
        List<Path> files = new ArrayList<>();
        for (String entry : ResourceIndex.list(root)) {
            files.add(root.resolve(entry));
        }
        return Optional.of(new Folder(root, files, root.toString()));
    }

    /** The folder holding {@code uri}'s entry, in a zip file system over its jar (kept open for the JVM's life). */
    private static Path inJar(URI uri) {
        try {
            try {
                FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException alreadyOpen) {
                // another caller opened it: Path.of below finds it
            }
            return Path.of(uri).getParent();
        } catch (IOException | RuntimeException e) {
            return null;   // a jar inside a jar, or a provider that refuses: copy out instead
        }
    }

    private static String origin(URI uri) {
        String s = uri.toString();
        int bang = s.indexOf("!/");
        String location = bang < 0 ? s : s.substring(0, bang);
        return location.replaceFirst("^jar:", "").replaceFirst("^file:", "");
    }

    /** A folder on disk with the bundled files: the folder itself when it is on disk, else a temporary copy. */
    private static Path onDisk(String dir, Folder folder) {
        if (folder.root().getFileSystem() == FileSystems.getDefault()) {
            return folder.root();
        }
        try {
            Path copy = temporaryFolder(dir);
            for (Path file : folder.files()) {
                Path target = copy.resolve(folder.root().relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the kit's bundled " + dir + " to a temporary folder", e);
        }
    }

    private static Path extract(String dir, List<String> entries) throws IOException {
        Path copy = temporaryFolder(dir);
        for (String entry : entries) {
            Path target = copy.resolve(entry);
            Files.createDirectories(target.getParent());
            try (InputStream in = LOADER.getResourceAsStream(dir + "/" + entry)) {
                if (in == null) {
                    throw new IOException(dir + "/" + ResourceIndex.NAME + " lists " + entry + ", which is not in the jar");
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return copy;
    }

    /** A fresh temporary folder, deleted when the JVM exits. */
    private static Path temporaryFolder(String dir) throws IOException {
        Path copy = Files.createTempDirectory("atomik-" + dir.substring(dir.lastIndexOf('/') + 1) + "-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(copy)));
        return copy;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit: a leftover temporary folder is harmless
        }
    }
}
