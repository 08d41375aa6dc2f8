package dev.atomik.model.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceHashTest {
    /** The fixture lean-proofs' KeyReportTest hashes too: both sides must give this value. */
    static final String FIXTURE_HASH = "8f9b168e91cffbbecf8bd9e159424d4bebc0020260c05434c3de02581276e476";

    static void writeFixture(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("dev/atomik/model"));
        Files.writeString(dir.resolve("dev/atomik/model/B.java"), "class B {}\n");
        Files.writeString(dir.resolve("dev/atomik/model/A.java"), "class A {}\n");
        Files.writeString(dir.resolve("dev/atomik/model/notes.txt"), "not a source\n");
    }

    @Test
    void theHashOfTheSharedFixtureIsPinned(@TempDir Path dir) throws IOException {
        writeFixture(dir);
        assertEquals(FIXTURE_HASH, SourceHash.of(dir));
    }

    @Test
    void anyEditToASourceChangesTheHash(@TempDir Path dir) throws IOException {
        writeFixture(dir);
        String before = SourceHash.of(dir);
        Files.writeString(dir.resolve("dev/atomik/model/notes.txt"), "still not a source\n");
        assertEquals(before, SourceHash.of(dir));
        Files.writeString(dir.resolve("dev/atomik/model/A.java"), "class A { }\n");
        assertNotEquals(before, SourceHash.of(dir));
    }
}
