package dev.atomik.conformance.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.bench.LongTrace;
import dev.atomik.conformance.trace.Step;
import dev.atomik.conformance.trace.StepCursor;
import dev.atomik.conformance.trace.Trace;
import dev.atomik.conformance.trace.TraceFormatException;
import dev.atomik.conformance.trace.TraceParser;
import dev.atomik.conformance.trace.TraceProblem;
import dev.atomik.conformance.trace.TraceReadException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trace too big to hold is validated and read line by line, and says so when its file changes under it. */
class StreamedTraceTest {
    private static final TraceParser PARSER = TraceParser.withSpec();
    private static final int BIG = TraceParser.IN_MEMORY_STEPS + 101;

    @TempDir
    Path tmp;

    @Test
    void aSmallTraceKeepsItsStepsAndABigOneReadsThemAgainTheSame() throws Exception {
        Trace small = PARSER.parse(LongTrace.write(tmp, 1_000, 7));
        assertTrue(small.inMemory());
        Trace big = PARSER.parse(LongTrace.write(tmp, BIG, 7));
        assertFalse(big.inMemory());
        assertEquals(BIG, big.stepCount());
        List<Step> once = big.steps();
        List<Step> twice = big.steps();
        assertEquals(BIG, once.size());
        assertEquals(once.toString(), twice.toString());
        // Same seed, so the first 1,000 steps of both traces are the same steps on the same lines.
        assertEquals(small.steps().toString(), once.subList(0, 1_000).toString());
        Step last = once.get(BIG - 1);
        assertEquals(BIG, last.number());
        assertEquals(BIG + 1, last.line(), "the header is line 1");
    }

    @Test
    void aFileThatChangesAfterValidationIsAHarnessFaultNamingTheLine() throws Exception {
        Path file = LongTrace.write(tmp, BIG, 9);
        Trace trace = PARSER.parse(file);
        List<String> lines = Files.readAllLines(file);
        List<String> broken = new java.util.ArrayList<>(lines);
        broken.set(5, "{not json");
        Files.write(file, broken);
        try (StepCursor steps = trace.openSteps()) {
            TraceReadException e = assertThrows(TraceReadException.class, () -> steps.forEachRemaining(s -> { }));
            assertEquals(file + ":6: the trace changed since it was validated (not JSON)", e.getMessage());
        }
        Trace again = PARSER.parse(LongTrace.write(tmp, BIG, 9));
        Files.write(file, lines.subList(0, 100));
        try (StepCursor steps = again.openSteps()) {
            TraceReadException e = assertThrows(TraceReadException.class, () -> steps.forEachRemaining(s -> { }));
            assertTrue(e.getMessage().contains("it has 99 steps, not " + BIG), e.getMessage());
        }
    }

    @Test
    void aFileOfManyBadLinesListsTheFirstThousandAndCountsTheRest() throws Exception {
        Path file = LongTrace.write(tmp, 2_000, 3);
        List<String> lines = Files.readAllLines(file);
        for (int i = 3; i < lines.size(); i++) {
            lines.set(i, lines.get(i).replace("\"0x", "\"0y")); // every accum and read after the load: not hex
        }
        Files.write(file, lines);
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> PARSER.parse(file));
        List<TraceProblem> problems = e.problems();
        assertEquals(1_001, problems.size());
        assertEquals(4, problems.get(0).line());
        TraceProblem rest = problems.get(1_000);
        assertEquals(1_004, rest.line());
        assertEquals((2_000 - 2) - 1_000 + " more problems from this line on, not listed (the first 1000 are)",
                rest.reason());
    }

    @Test
    void aLineThatIsNotUtf8IsNamedByItsNumber() throws Exception {
        Path file = LongTrace.write(tmp, 10, 3);
        byte[] text = Files.readAllBytes(file);
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        String s = new String(text, StandardCharsets.UTF_8);
        int third = s.indexOf('\n', s.indexOf('\n', s.indexOf('\n') + 1) + 1) + 1; // start of line 4
        bad.write(text, 0, third);
        bad.write(new byte[] {(byte) 0xC3, (byte) 0x28}); // a 2-byte lead without its continuation
        bad.write(text, third, text.length - third);
        Files.write(file, bad.toByteArray());
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> PARSER.parse(file));
        assertEquals(List.of(new TraceProblem(file, 4, 1, "not UTF-8 text: byte 0xc3 at byte offset " + third
                + " of the file does not decode (a trace is UTF-8)", null)), e.problems());
    }
}
