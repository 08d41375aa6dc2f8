package dev.atomik.conformance.pit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader of PIT's mutations.xml and the accepted list, on small files written here. */
class PitVerdictTest {
    @TempDir
    Path dir;

    private static String mutation(String status, String method, int line, int index, String mutator) {
        return "<mutation detected='false' status='" + status + "' numberOfTestsRun='1'><sourceFile>Context.java</sourceFile>"
                + "<mutatedClass>dev.atomik.model.Context</mutatedClass><mutatedMethod>" + method + "</mutatedMethod>"
                + "<methodDescription>(J)V</methodDescription><lineNumber>" + line + "</lineNumber>"
                + "<mutator>org.pitest.mutationtest.engine.gregor.mutators." + mutator + "</mutator>"
                + "<indexes><index>" + index + "</index></indexes><blocks><block>1</block></blocks>"
                + "<killingTest/><description>changed conditional boundary</description></mutation>";
    }

    private List<Mutant> mutations(String... entries) throws IOException {
        Path file = dir.resolve("mutations.xml");
        Files.writeString(file, "<?xml version='1.0' encoding='UTF-8'?><mutations partial='false'>"
                + String.join("", entries) + "</mutations>");
        return MutationsXml.read(file);
    }

    private AcceptedMutants accepted(String... rows) throws IOException {
        Path file = dir.resolve("accepted.tsv");
        Files.writeString(file, "# comment\n" + String.join("\n", rows) + "\n");
        return AcceptedMutants.read(file);
    }

    @Test
    void countsPerClassAndFailsOnAnUnlistedSurvivor() throws IOException {
        List<Mutant> ms = mutations(mutation("KILLED", "load", 10, 3, "MathMutator"),
                mutation("SURVIVED", "load", 11, 4, "ConditionalsBoundaryMutator"),
                mutation("NO_COVERAGE", "width", 20, 1, "PrimitiveReturnsMutator"));
        PitVerdict v = PitVerdict.judge("DEFAULTS", ms, accepted(
                "*\tdev.atomik.model.Context\twidth\t20\t1\tPrimitiveReturnsMutator\tunreachable\tgetter no op calls"));
        assertEquals(new PitVerdict.Counts(3, 1, 1, 1, 0, 1), v.perClass().get("Context"));
        assertEquals(1, v.unlisted().size());
        assertEquals("load", v.unlisted().get(0).method());
        assertFalse(v.passes());
    }

    @Test
    void passesWhenEveryUnpinnedMutantIsListedAndCountsGapsApart() throws IOException {
        List<Mutant> ms = mutations(mutation("SURVIVED", "load", 11, 4, "ConditionalsBoundaryMutator"),
                mutation("NO_COVERAGE", "width", 20, 1, "PrimitiveReturnsMutator"));
        PitVerdict v = PitVerdict.judge("STRONGER", ms, accepted(
                "STRONGER\tdev.atomik.model.Context\tload\t11\t4\tConditionalsBoundaryMutator\tpinnable\tneeds a width-1 trace",
                "*\tdev.atomik.model.Context\twidth\t20\t1\tPrimitiveReturnsMutator\tunreachable\tgetter"));
        assertTrue(v.passes());
        assertEquals(1, v.gaps().size());
    }

    @Test
    void anEntryMatchingNoUnpinnedMutantIsStale() throws IOException {
        List<Mutant> ms = mutations(mutation("KILLED", "load", 11, 4, "ConditionalsBoundaryMutator"));
        PitVerdict v = PitVerdict.judge("DEFAULTS", ms, accepted(
                "DEFAULTS\tdev.atomik.model.Context\tload\t11\t4\tConditionalsBoundaryMutator\tequivalent\tsame arrays"));
        assertEquals(1, v.stale().size());
        assertFalse(v.passes());
        // an entry of the other group is not judged in this run
        assertTrue(PitVerdict.judge("DEFAULTS", ms, accepted(
                "STRONGER\tdev.atomik.model.Context\tload\t11\t4\tConditionalsBoundaryMutator\tequivalent\tx")).passes());
    }

    @Test
    void badFilesNameTheLine() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> accepted("*\tdev.atomik.model.Context\tload\t11\t4\tMathMutator\tharmless\twhy"));
        assertTrue(e.getMessage().endsWith("accepted.tsv:2: kind must be equivalent, unreachable or pinnable, not 'harmless'"),
                e.getMessage());
        IOException noReason = assertThrows(IOException.class,
                () -> accepted("*\tdev.atomik.model.Context\tload\t11\t4\tMathMutator\tequivalent\t "));
        assertTrue(noReason.getMessage().contains("accepted.tsv:2: every listed mutant needs a reason"), noReason.getMessage());
        Path xml = dir.resolve("broken.xml");
        Files.writeString(xml, "<mutations><mutation status='LOST'></mutation></mutations>");
        IOException badStatus = assertThrows(IOException.class, () -> MutationsXml.read(xml));
        assertTrue(badStatus.getMessage().contains("mutation 1: unknown status 'LOST'"), badStatus.getMessage());
    }
}
