package dev.atomik.model.proof;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JML parse error is reported as {@code file:line:col: innermost message}, not as KeY's chained
 * stack trace. Loads a one-class source folder with a broken ensures clause.
 */
class LoadErrorsTest {

    @Test
    void aBrokenJmlClauseNamesFileAndLine(@TempDir Path src) throws Exception {
        Path pkg = Files.createDirectories(src.resolve("dev/atomik/model"));
        Files.writeString(pkg.resolve("Broken.java"), String.join("\n",
                "package dev.atomik.model;",
                "public final class Broken {",
                "    /*@ public normal_behavior",
                "      @   ensures \\result == (x +* 1);",
                "      @*/",
                "    public static int next(int x) {",
                "        return x + 1;",
                "    }",
                "}",
                ""));
        KeyLoadException e = assertThrows(KeyLoadException.class, () -> KeyProver.load(src).close());
        String message = e.getMessage();
        assertTrue(message.contains("Broken.java:4"), "expected file and line 4 in: " + message);
        assertFalse(message.contains("\tat "), "no stack trace in: " + message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    @Test
    void theInnermostCauseWins() {
        Exception inner = new IllegalStateException("the real problem\nsecond line");
        Exception outer = new RuntimeException("wrapper", new RuntimeException("middle", inner));
        String described = LoadErrors.describe(outer);
        assertTrue(described.endsWith("the real problem"), described);
        assertTrue(described.startsWith("(location unknown)"), described);
    }

    @Test
    void recoderPositionsInMessagesAreUsed() {
        Exception e = new RuntimeException("Could not resolve X @132/41 in \"FILE:/w/model/src/main/java/dev/atomik/model/A.java\" (02)");
        assertTrue(LoadErrors.describe(e).startsWith("dev/atomik/model/A.java:132:41: "), LoadErrors.describe(e));
    }
}
