package dev.atomik.lean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The KeY report written by the model module ({@code model/target/key-report.json}):
 * {@code contracts[]} with {@code class}, {@code method}, {@code contract}, {@code status}.
 */
public final class KeyReport {
    record Contract(String cls, String method, String contract, String status) {
    }

    private final List<Contract> contracts;

    private KeyReport(List<Contract> contracts) {
        this.contracts = contracts;
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
            return Optional.of(new KeyReport(list));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": unreadable KeY report: " + e.getMessage(), e);
        }
    }

    /** A twin ref {@code Class#method} or {@code Class#method#contract}; every matching contract must be closed. */
    public TwinStatus check(Twin twin) {
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
