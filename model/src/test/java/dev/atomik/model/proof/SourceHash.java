package dev.atomik.model.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hash of the model sources a KeY report is about, written into key-report.json so that a
 * reader (the Lean cross-check, lean-proofs' KeyReport) can reject a report older than the sources.
 * SHA-256 over every {@code .java} file under the folder, in the order of their relative paths
 * (with '/'), each as: path, a newline, its bytes, a newline. lean-proofs computes the same; both
 * sides test it on the same fixture.
 */
final class SourceHash {
    private SourceHash() {
    }

    static String of(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .sorted((a, b) -> rel(folder, a).compareTo(rel(folder, b))).collect(Collectors.toList());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                sha.update((rel(folder, f) + "\n").getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(f));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rel(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }
}
