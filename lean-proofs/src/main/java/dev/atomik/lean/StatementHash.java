package dev.atomik.lean;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash that ties a mapping entry to the exact statement it was written for. */
public final class StatementHash {
    private StatementHash() {
    }

    /** Collapses every run of whitespace to one space, so re-indenting a statement keeps its hash. */
    public static String normalize(String statement) {
        return statement.replaceAll("\\s+", " ").trim();
    }

    /** First 16 hex digits of the SHA-256 of the normalized statement. */
    public static String of(String statement) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalize(statement).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
