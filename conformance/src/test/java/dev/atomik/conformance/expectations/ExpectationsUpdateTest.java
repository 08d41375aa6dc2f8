package dev.atomik.conformance.expectations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --update-expectations} (INTERPRETING.md §9.5): the file describes the run and nothing the user wrote is lost. */
class ExpectationsUpdateTest {
    private static final LocalDate DAY = LocalDate.of(2025, 1, 2);

    @TempDir
    Path tmp;

    private Path write(String... lines) throws Exception {
        Path p = tmp.resolve("exp.txt");
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    private static String placeholder() {
        return "observed in run 2025-01-02 against model";
    }

    @Test
    void aNewFileGetsAHeaderAndOneSortedEntryPerFailureButNoSkips() throws Exception {
        RunResult run = new Runs().with("table/b", Status.FAIL).with("context/a", Status.ERROR)
                .with("context/ok", Status.PASS).with("stream/s", Status.SKIP).run();
        Path target = tmp.resolve("new/exp.txt");
        ExpectationsUpdate.Update u = UpdateFile.rewrite(run, null, target, DAY);
        List<String> lines = Files.readAllLines(target);
        assertTrue(lines.get(0).startsWith("# Known differences of model"), lines.toString());
        int header = lines.indexOf("atomik-expectations 1");
        assertEquals(List.of("", "context/a error - " + placeholder(), "table/b fail - " + placeholder()),
                lines.subList(header + 1, lines.size()));
        assertEquals(2, u.added());
        assertEquals(2, ExpectationsFile.read(target).traceEntries().size());
    }

    @Test
    void userReasonsLinksCommentsAndFuzzLinesSurvive() throws Exception {
        Path file = write(
                "# my header comment",
                "atomik-expectations 1",
                "",
                "# a free comment about this file",
                "fuzz:swap/value waive https://tracker/7   SWAP returns the new state",
                "",
                "# zeta: tracked upstream",
                "context/zeta fail https://tracker/9 my own words",
                "# swap bug",
                "context/swap  fail   https://tracker/7   SWAP returns the new state",
                "context/fixed fail https://tracker/3 was broken until 0.3",
                "context/now-errors fail https://tracker/4 crashes sometimes",
                "stream/* fail - streams unfinished",
                "wire/renamed fail - a trace that no longer exists");
        RunResult run = new Runs()
                .with("context/zeta", Status.FAIL)
                .with("context/swap", Status.FAIL)
                .with("context/fixed", Status.PASS)
                .with("context/now-errors", Status.ERROR)
                .with("context/new", Status.FAIL)
                .with("stream/a", Status.FAIL)
                .with("stream/b", Status.PASS)
                .run();
        ExpectationsUpdate.Update u = UpdateFile.rewrite(run, file, file, DAY);
        String text = Files.readString(file);
        assertEquals(String.join("\n",
                "# my header comment",
                "atomik-expectations 1",
                "",
                "# a free comment about this file",
                "fuzz:swap/value waive https://tracker/7   SWAP returns the new state",
                "",
                "context/new fail - " + placeholder(),
                "context/now-errors error https://tracker/4 crashes sometimes",
                "# swap bug",
                "context/swap  fail   https://tracker/7   SWAP returns the new state",
                "# zeta: tracked upstream",
                "context/zeta fail https://tracker/9 my own words",
                "stream/* fail - streams unfinished",
                "stream/b pass - " + placeholder(),
                "wire/renamed fail - a trace that no longer exists",
                "",
                "# Removed by --update-expectations on 2025-01-02: these traces passed against model.",
                "# context/fixed fail https://tracker/3 was broken until 0.3",
                ""), text);
        assertEquals(2, u.added());
        assertEquals(1, u.changed());
        assertEquals(1, u.removed());
        assertEquals(4, u.kept());
        assertEquals(java.util.Set.of("swap/value"), ExpectationsFile.read(file).waivedFuzzClasses());
        assertEquals(0, Comparison.of(run, ExpectationsFile.read(file).traceEntries(), file).exitCode(),
                "after an update the run is exactly as expected");
    }

    @Test
    void updatingTwiceChangesNothingTheSecondTime() throws Exception {
        Path file = write("atomik-expectations 1", "context/fixed fail - gone", "context/a fail - kept");
        RunResult run = new Runs().with("context/fixed", Status.PASS).with("context/a", Status.FAIL).run();
        UpdateFile.rewrite(run, file, file, DAY);
        String once = Files.readString(file);
        UpdateFile.rewrite(run, file, file, DAY);
        String twice = Files.readString(file);
        assertTrue(twice.contains("# context/fixed fail - gone"), twice);
        assertEquals(once.lines().sorted().toList(), twice.lines().sorted().toList(),
                "the second update only moves the removed-entries note above the entries");
        UpdateFile.rewrite(run, file, file, DAY);
        assertEquals(twice, Files.readString(file));
    }

    @Test
    void aGlobWhoseTracesAllPassIsRemovedAndASkipKeepsItsEntry() throws Exception {
        Path file = write("atomik-expectations 1", "stream/* fail - streams unfinished",
                "table/x fail - table not declared by this build");
        RunResult run = new Runs().with("stream/a", Status.PASS).with("stream/b", Status.PASS)
                .with("table/x", Status.SKIP).run();
        ExpectationsUpdate.Update u = UpdateFile.rewrite(run, file, file, DAY);
        String text = Files.readString(file);
        assertTrue(text.contains("\ntable/x fail - table not declared by this build\n"), text);
        assertTrue(text.contains("\n# stream/* fail - streams unfinished\n"), text);
        assertEquals(1, u.removed());
        assertEquals(1, u.kept());
    }

    @Test
    void aMalformedFileIsNotOverwritten() throws Exception {
        Path file = write("atomik-expectations 1", "context/a failed - r");
        String before = Files.readString(file);
        RunResult run = new Runs().with("context/a", Status.FAIL).run();
        assertThrows(ExpectationsException.class, () -> UpdateFile.rewrite(run, file, file, DAY));
        assertEquals(before, Files.readString(file));
    }
}
