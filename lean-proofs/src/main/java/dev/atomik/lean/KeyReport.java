package dev.atomik.lean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The KeY report written by the model module ({@code model/target/key-report.json}):
 * {@code contracts[]} with {@code class}, {@code method}, {@code contract}, {@code status}, and
 * what the report is about: {@code sourceFolder} and {@code sourceHash} (the model sources KeY
 * loaded), {@code obligations} (every obligation KeY found), {@code specCases} (what the source
 * declares) and {@code partial}. A report is {@linkplain #rejection() rejected} when it is older
 * than the sources (their hash differs, or they are gone), when it does not cover every
 * obligation with a result, or when it says it is partial: a KeY twin is then never checked
 * against it.
 */
public final class KeyReport {
    record Contract(String cls, String method, String contract, String status) {
    }

    private final List<Contract> contracts;
    private final String rejection;

    private KeyReport(List<Contract> contracts, String rejection) {
        this.contracts = contracts;
        this.rejection = rejection;
    }

    /** Empty when the report does not exist (model not verified in this build). */
    public static Optional<KeyReport> read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(file));
            List<Contract> list = new ArrayList<>();
            for (JsonNode c : root.path("contracts")) {
                list.add(new Contract(c.path("class").asText(""), c.path("method").asText(""),
                        c.path("contract").asText(""), c.path("status").asText("")));
            }
            return Optional.of(new KeyReport(list, rejection(file, root, list)));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": unreadable KeY report: " + e.getMessage(), e);
        }
    }

    /** Why the report cannot be trusted, or "" when it is current and complete. */
    public String rejection() {
        return rejection;
    }

    private static String rejection(Path file, JsonNode root, List<Contract> contracts) {
        String folder = root.path("sourceFolder").asText("");
        String hash = root.path("sourceHash").asText("");
        if (folder.isEmpty() || hash.isEmpty()) {
            return file + " does not say which model sources it is about (no sourceFolder/sourceHash): "
                    + "written by an older harness; run the model's KeY proofs again";
        }
        Path sources = Path.of(folder);
        if (!Files.isDirectory(sources)) {
            return file + " is about " + folder + ", which does not exist here";
        }
        String now = sourceHash(sources);
        if (!now.equals(hash)) {
            return file + " is older than the model sources: it was written for sources with hash " + hash
                    + ", " + folder + " now hashes to " + now + "; run the model's KeY proofs again";
        }
        if (root.path("partial").asBoolean(true)) {
            return file + " is from a partial run (atomik.key.only, .steps or .strategy set): it proves a subset";
        }
        Set<String> declared = new LinkedHashSet<>();
        root.path("obligations").forEach(o -> declared.add(o.asText()));
        int specCases = root.path("specCases").asInt(-1);
        if (declared.isEmpty() || declared.size() != specCases) {
            return file + " lists " + declared.size() + " obligations but the source declares " + specCases + " spec cases";
        }
        Set<String> reported = contracts.stream().map(Contract::contract).collect(Collectors.toSet());
        List<String> missing = declared.stream().filter(o -> !reported.contains(o)).toList();
        if (!missing.isEmpty()) {
            return file + " has no result for " + missing.size() + " of its " + declared.size() + " obligations: "
                    + String.join(", ", missing.subList(0, Math.min(5, missing.size()))) + (missing.size() > 5 ? ", ..." : "");
        }
        return "";
    }

    /**
     * SHA-256 over every {@code .java} file under {@code folder}, in the order of their relative
     * paths (with '/'), each as: path, a newline, its bytes, a newline. The model's harness
     * (SourceHash) writes the same; both sides test it on the same fixture.
     */
    static String sourceHash(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .sorted((a, b) -> rel(folder, a).compareTo(rel(folder, b))).toList();
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

    /** A twin ref {@code Class#method} or {@code Class#method#contract}; every matching contract must be closed. */
    public TwinStatus check(Twin twin) {
        if (!rejection.isEmpty()) {
            return new TwinStatus(twin, TwinStatus.State.NOT_CHECKED, "KeY report rejected: " + rejection);
        }
        String[] parts = twin.ref().split("#", 3);
        if (parts.length < 2) {
            return new TwinStatus(twin, TwinStatus.State.MISSING, "KeY ref must be Class#method[#contract]");
        }
        List<Contract> matching = contracts.stream()
                .filter(c -> c.cls().equals(parts[0]) || c.cls().endsWith("." + parts[0]))
                .filter(c -> c.method().equals(parts[1]))
                .filter(c -> parts.length < 3 || c.contract().contains(parts[2]))
                .toList();
        if (matching.isEmpty()) {
            return new TwinStatus(twin, TwinStatus.State.MISSING, "no such contract in the KeY report");
        }
        List<String> open = matching.stream().filter(c -> !"closed".equals(c.status()))
                .map(c -> c.contract() + "=" + c.status()).toList();
        return open.isEmpty()
                ? new TwinStatus(twin, TwinStatus.State.PASS, matching.size() + " contract(s) closed by KeY")
                : new TwinStatus(twin, TwinStatus.State.FAIL, "not closed: " + String.join(", ", open));
    }
}
