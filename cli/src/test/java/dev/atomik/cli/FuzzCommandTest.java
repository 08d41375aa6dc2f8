package dev.atomik.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atomik fuzz --keep-going --waive --expectations}: the JSON report lists the classes and
 * waived counts, exit 1 only for an unwaived class, and bad input is one line on stderr with exit 2.
 */
class FuzzCommandTest {
    private static final String ADAPTER = "mutant:swap-returns-new+width-65-accepted";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;

    @TempDir
    Path tmp;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
    }

    private int atomik(String... args) {
        var cli = AtomikCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int fuzz(String... extra) {
        String[] base = {"fuzz", "--adapter", ADAPTER, "--seed", "0x5eed", "--steps", "3000",
                "--out", tmp.resolve("findings").toString(), "--json", tmp.resolve("report.json").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return atomik(args);
    }

    private JsonNode report() throws Exception {
        return new ObjectMapper().readTree(tmp.resolve("report.json").toFile());
    }

    private static Set<String> classes(JsonNode report) {
        Set<String> out = new TreeSet<>();
        report.get("classes").forEach(c -> out.add(c.get("class").asText()));
        return out;
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keepGoingListsEveryClassWithItsTrace() throws Exception {
        assertEquals(1, fuzz("--keep-going"));
        JsonNode report = report();
        assertEquals(Set.of("init/error-vs-success", "swap/value"), classes(report));
        assertEquals(10, report.get("class_limit").asInt());
        for (JsonNode c : report.get("classes")) {
            assertTrue(c.get("count").asLong() >= 1);
            assertTrue(c.has("first_sequence"));
            assertTrue(Files.exists(Path.of(c.get("trace").asText())), c.toString());
        }
        String console = out.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("class swap/value: seen"), console);
        assertTrue(console.contains("class init/error-vs-success: seen"), console);
    }

    @Test
    void waivingEveryClassIsExitZeroWithTheWaivedCounts() throws Exception {
        Path file = tmp.resolve("exp.txt");
        Files.writeString(file, "atomik-expectations 1\nfuzz:init/error-vs-success waive - widths above 64, known\n");
        assertEquals(0, fuzz("--keep-going=5", "--waive", "swap/value", "--expectations", file.toString()));
        JsonNode report = report();
        assertTrue(classes(report).isEmpty());
        assertTrue(report.get("waived").get("swap/value").asLong() > 0, report.toString());
        assertTrue(report.get("waived").get("init/error-vs-success").asLong() > 0, report.toString());
        assertEquals(0, report.get("exit").asInt());
    }

    @Test
    void aBadClassIsAUsageError() {
        assertEquals(2, fuzz("--waive", "swap/values"));
        assertTrue(stderr().startsWith("atomik: --waive: fuzz class \"swap/values\""), stderr());
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertFalse(stderr().contains("Exception"), stderr());
    }

    @Test
    void aFaultCannotBeWaived() {
        assertEquals(2, fuzz("--waive", "swap/fault"));
        assertEquals(1, stderr().strip().lines().count(), stderr());
    }

    @Test
    void anOpTheFuzzerNeverGeneratesIsAUsageError() {
        assertEquals(2, fuzz("--waive", "swpa/value"));
        assertTrue(stderr().contains("swpa"), stderr());
    }

    @Test
    void aBadExpectationsLineNamesFileAndLine() throws Exception {
        Path file = tmp.resolve("exp.txt");
        Files.writeString(file, "atomik-expectations 1\n# fine\ncontext/swap-value failed - why\n");
        assertEquals(2, fuzz("--expectations", file.toString()));
        assertEquals("atomik: --expectations: " + file + ":3: status \"failed\" is not one of fail, error, skip, "
                + "not_exercised, pass", stderr().strip());
    }

    @Test
    void aBadLimitIsAUsageError() {
        assertEquals(2, fuzz("--keep-going=0"));
        assertEquals(1, stderr().strip().lines().count(), stderr());
    }

    @Test
    void anUnknownMutantIsAUsageErrorListingTheValidOnes() {
        assertEquals(2, atomik("fuzz", "--adapter", "mutant:swap-returns-new+nope", "--steps", "10",
                "--out", tmp.toString()));
        assertTrue(stderr().contains("unknown mutant 'nope'") && stderr().contains("rollback-noop"), stderr());
    }
}
