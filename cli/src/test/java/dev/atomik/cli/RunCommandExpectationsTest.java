package dev.atomik.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomik.conformance.golden.GoldenFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conformance run --expectations / --update-expectations} on the golden traces: a mutant's
 * failures recorded, then expected (exit 0), then reported as unexpected passes once "fixed".
 */
class RunCommandExpectationsTest {
    /** SWAP returns the new state: caught by context/swap-closes-epoch and context/swap-value. */
    private static final String MUTANT = "mutant:swap-returns-new";
    private static final String CONTEXT = "context/*";

    @RegisterExtension
    final CliConsole console = new CliConsole();

    @TempDir
    Path tmp;

    private int atomik(String... args) {
        console.reset();
        return console.atomik(args);
    }

    private int run(String adapter, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("conformance", "run", "--adapter", adapter,
                "--traces", GoldenFiles.defaultTracesDir().toString(), "--filter", CONTEXT, "-q"));
        args.addAll(List.of(more));
        return atomik(args.toArray(String[]::new));
    }

    private String stdout() {
        return console.stdout();
    }

    private String stderr() {
        return console.stderr();
    }

    /**
     * Two bugs, both recorded; one is fixed: its traces show as unexpected passes while the other's
     * stay expected failures.
     */
    @Test
    void fixingOneOfTwoKnownBugsShowsOnlyItsTracesAsUnexpectedPasses() throws Exception {
        Path exp = tmp.resolve("two.txt");
        String both = MUTANT + "+rollback-noop";
        assertEquals(1, run(both), stdout());
        assertEquals(0, run(both, "--update-expectations", exp.toString()), stdout() + stderr());
        assertEquals(0, run(both, "--expectations", exp.toString()), stdout());
        assertTrue(stdout().contains("new failures (0)") && stdout().contains("unexpected passes (0)"), stdout());
        assertEquals(1, run(MUTANT, "--expectations", exp.toString()), "rollback fixed: " + stdout());
        String text = stdout();
        assertTrue(text.contains("new failures (0)"), text);
        assertTrue(!text.contains("unexpected passes (0)") && text.contains("context/rollback-"), text);
        String unexpected = text.substring(text.indexOf("unexpected passes ("));
        assertTrue(!unexpected.contains("context/swap-value"), "the SWAP bug is still there: " + text);
        assertTrue(text.substring(text.indexOf("expected failures ("), text.indexOf("unexpected passes ("))
                .contains("context/swap-value"), text);
    }

    @Test
    void recordThenExpectThenNoticeTheFix() throws Exception {
        Path exp = tmp.resolve("exp.txt");
        assertEquals(1, run(MUTANT), stdout());

        assertEquals(0, run(MUTANT, "--update-expectations", exp.toString()), stdout() + stderr());
        assertTrue(stdout().contains("wrote " + exp + ": 2 added, 0 changed, 0 removed"), stdout());
        String written = Files.readString(exp);
        assertTrue(written.contains("\ncontext/swap-closes-epoch fail - observed in run "), written);
        assertTrue(written.contains("\ncontext/swap-value fail - observed in run "), written);
        assertTrue(written.contains(" against mutant:swap-returns-new 1.0.0\n"), written);

        // A user explains one of them; the explanation must survive everything below.
        Files.writeString(exp, written.replaceFirst("context/swap-value fail - observed in run [^\\n]*",
                "context/swap-value fail https://tracker/7 SWAP returns the new state"));
        Path json = tmp.resolve("r.json");
        Path junit = tmp.resolve("r.xml");
        assertEquals(0, run(MUTANT, "--expectations", exp.toString(), "--json", json.toString(),
                "--junit", junit.toString()), stdout() + stderr());
        assertTrue(stdout().contains("new failures (0)"), stdout());
        assertTrue(stdout().contains("expected failures (2)"), stdout());
        assertTrue(stdout().contains("  context/swap-value  fail  SWAP returns the new state  https://tracker/7"), stdout());
        assertTrue(stdout().contains("unexpected passes (0)"), stdout());
        assertTrue(stdout().contains("PASSED mutant:swap-returns-new"), stdout());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(0, report.at("/summary/exit_code").asInt());
        assertEquals(1, report.at("/expectations/exit_code_without").asInt());
        assertEquals(exp.toString(), report.at("/expectations/file").asText());
        assertEquals(2, report.at("/expectations/expected").size());
        assertEquals("https://tracker/7", report.at("/expectations/expected/1/link").asText());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("failures=\"0\" errors=\"0\""), xml);
        assertTrue(xml.contains("<system-out>expected fail (" + exp + ":"), xml);

        // The "fixed" implementation: the same interpreter without the fault.
        assertEquals(1, run("mutant:none", "--expectations", exp.toString(), "--junit", junit.toString()));
        assertTrue(stdout().contains("unexpected passes (2)"), stdout());
        assertTrue(stdout().contains("  context/swap-value  pass  expected fail: SWAP returns the new state"), stdout());
        assertTrue(stdout().contains("run again with --update-expectations " + exp), stdout());
        assertTrue(stdout().contains("FAILED mutant:none"), stdout());
        assertTrue(Files.readString(junit).contains("type=\"UNEXPECTED-PASS\""));

        // Updating drops the entries but keeps the user's line as a comment.
        assertEquals(0, run("mutant:none", "--expectations", exp.toString(), "--update-expectations"));
        String after = Files.readString(exp);
        assertTrue(after.contains("# context/swap-value fail https://tracker/7 SWAP returns the new state"), after);
        assertEquals(0, run("mutant:none", "--expectations", exp.toString()), stdout());
    }

    @Test
    void aNewFailureBesideAnExpectedOneExitsOne() throws Exception {
        Path exp = tmp.resolve("exp.txt");
        Files.writeString(exp, "atomik-expectations 1\ncontext/swap-value fail - known\n");
        assertEquals(1, run(MUTANT, "--expectations", exp.toString()));
        assertTrue(stdout().contains("new failures (1)\n  FAIL  context/swap-closes-epoch  step "), stdout());
        assertTrue(stdout().contains("expected failures (1)"), stdout());
    }

    @Test
    void aMalformedOrMissingFileIsOneLineAndExitTwo() throws Exception {
        Path exp = tmp.resolve("exp.txt");
        Files.writeString(exp, "atomik-expectations 1\n# c\n\ncontext/swap-value failed - known\n");
        assertEquals(2, run(MUTANT, "--expectations", exp.toString()));
        assertEquals("atomik: " + exp + ":4: status \"failed\" is not one of fail, error, skip, not_exercised, pass\n",
                stderr());
        assertEquals("", stdout(), "nothing ran");
        assertEquals(2, run(MUTANT, "--expectations", tmp.resolve("none.txt").toString()));
        assertEquals("atomik: " + tmp.resolve("none.txt") + ": no such file\n", stderr());
        assertFalse(stderr().contains("\tat "));
    }

    @Test
    void updateOptionsThatWouldLoseAFileAreRefused() throws Exception {
        assertEquals(2, run(MUTANT, "--update-expectations"));
        assertTrue(stderr().contains("--update-expectations needs a FILE when --expectations is not given"), stderr());
        Path a = tmp.resolve("a.txt");
        Path b = tmp.resolve("b.txt");
        Files.writeString(a, "atomik-expectations 1\n");
        Files.writeString(b, "atomik-expectations 1\n# mine\n");
        assertEquals(2, run(MUTANT, "--expectations", a.toString(), "--update-expectations", b.toString()));
        assertTrue(stderr().contains("exists and is not the --expectations file"), stderr());
        assertEquals("atomik-expectations 1\n# mine\n", Files.readString(b));
    }

    @Test
    void nothingIsRecordedFromAHarnessError() throws Exception {
        Path exp = tmp.resolve("exp.txt");
        assertEquals(2, atomik("conformance", "run", "--adapter", MUTANT, "--traces",
                GoldenFiles.defaultTracesDir().toString(), "--filter", "zzz", "-q", "--update-expectations", exp.toString()));
        assertTrue(stderr().contains("not updating " + exp), stderr());
        assertFalse(Files.exists(exp));
    }
}
