package dev.atomik.conformance.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.atomik.conformance.trace.TraceFormatException;
import dev.atomik.conformance.trace.TraceParser;
import dev.atomik.conformance.trace.TraceProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzes the trace parser and its schema and semantic checks (TRACE-HEADER-1, TRACE-STEP-1):
 * whatever bytes a trace file holds, parsing either yields a trace or a {@link TraceFormatException}
 * whose every problem names a line of the file and a reason. Nothing else may escape: no runtime
 * exception, no stack trace, no silent acceptance of a broken golden trace.
 */
class ParserRobustnessTest {
    private static final TraceParser PARSER = TraceParser.withSpec();
    private static final Path TRACES = Path.of("traces");
    private static final List<Path> GOLDEN = goldenTraces();

    private static List<Path> goldenTraces() {
        try (Stream<Path> files = Files.walk(TRACES)) {
            return files.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + TRACES.toAbsolutePath(), e);
        }
    }

    /** Parses and checks the outcome's shape; returns true when the bytes were accepted. */
    private static boolean parseChecked(Path file, byte[] bytes) {
        long lines = bytes.length == 0 ? 1 : new String(bytes, StandardCharsets.UTF_8).split("\n", -1).length;
        try {
            PARSER.parse(file, bytes);
            return true;
        } catch (TraceFormatException e) {
            assertFalse(e.problems().isEmpty(), "a rejection must name at least one problem");
            for (TraceProblem p : e.problems()) {
                assertTrue(p.line() >= 0 && p.line() <= lines + 1, "problem line " + p.line() + " outside the file: " + p);
                assertTrue(p.reason() != null && !p.reason().isBlank(), "problem without a reason: " + p);
                assertEquals(file, p.file(), "problem names another file: " + p);
                for (String internal : List.of("`", "StreamReadConstraints", "JsonReadFeature", "com.fasterxml",
                        "Source:", "REDACTED", "Exception")) {
                    assertFalse(p.reason().contains(internal), "a parser's internals leak into: " + p);
                }
                if (p.cause() != null) {
                    assertTrue(e.problems().indexOf(p.cause()) >= 0
                            && e.problems().indexOf(p.cause()) < e.problems().indexOf(p), "a cause is listed before: " + p);
                }
            }
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            fail("parser crashed on " + bytes.length + " bytes: " + e, e);
            return false;
        }
    }

    @Property(tries = 300)
    void arbitrary_bytes_are_parsed_or_rejected_with_line_and_reason(@ForAll @Size(max = 600) byte[] bytes) {
        parseChecked(Path.of("traces/fuzz/bytes.ndjson"), bytes);
    }

    @Property(tries = 300)
    void random_json_lines_are_parsed_or_rejected_with_line_and_reason(
            @ForAll @Size(min = 1, max = 8) List<@From("jsonLines") String> lines) {
        parseChecked(Path.of("traces/fuzz/json.ndjson"), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Golden traces with one random edit: most edits must be rejected, none may crash the parser. */
    @Property(tries = 400)
    void mutated_golden_traces_are_parsed_or_rejected_with_line_and_reason(
            @ForAll @IntRange(min = 0, max = 100_000) int which, @ForAll("edits") Edit edit) throws IOException {
        Path file = GOLDEN.get(which % GOLDEN.size());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        parseChecked(file, edit.apply(text).getBytes(StandardCharsets.UTF_8));
    }

    /** The golden traces themselves are accepted, so the properties above are not vacuous. */
    @Property(tries = 1)
    void every_golden_trace_is_accepted() throws IOException {
        assertTrue(GOLDEN.size() >= 60, "expected the golden suite, found " + GOLDEN.size() + " traces");
        for (Path file : GOLDEN) {
            assertTrue(parseChecked(file, Files.readAllBytes(file)), file + " was rejected");
        }
    }

    /** A truncated golden trace (cut inside its last line) is always rejected. */
    @Property(tries = 100)
    void a_trace_cut_inside_a_line_is_rejected(@ForAll @IntRange(min = 0, max = 100_000) int which,
            @ForAll @IntRange(min = 1, max = 40) int cut) throws IOException {
        Path file = GOLDEN.get(which % GOLDEN.size());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String last = text.substring(text.lastIndexOf('\n', text.length() - 2) + 1);
        if (cut >= last.length() - 1) {
            return;
        }
        String broken = text.substring(0, text.length() - 1 - cut);
        assertFalse(parseChecked(file, broken.getBytes(StandardCharsets.UTF_8)), "accepted " + file + " cut by " + cut);
    }

    record Edit(int kind, int position, String insert) {
        String apply(String text) {
            int at = Math.floorMod(position, Math.max(1, text.length()));
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int line = Math.floorMod(position, Math.max(1, lines.size() - 1));
            switch (kind) {
                case 0: return text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
                case 1: return text.substring(0, at) + insert + text.substring(at);
                case 2: return text.substring(0, at);
                case 3: lines.add(line, lines.get(line)); return String.join("\n", lines);
                case 4: lines.remove(line); return String.join("\n", lines);
                case 5: return text.replaceFirst("\"0x[0-9a-fA-F]+\"", insert);
                default: return text.replace("\n", "\r\n");
            }
        }
    }

    @Provide
    Arbitrary<Edit> edits() {
        Arbitrary<String> inserts = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6),
                Arbitraries.of("{", "}", "\"", ",", "null", "0", "-1", "1e309", "\"0x\"", "\"0xg\"", "[]", "\u0000",
                        "\"0x10000000000000000\"", "\"\\ud800\"", "\n", "{\"op\":\"read\"}"));
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 1 << 20), inserts)
                .as(Edit::new);
    }

    @Provide
    Arbitrary<String> jsonLines() {
        Arbitrary<String> keys = Arbitraries.of("atomik_trace", "spec", "id", "description", "clauses", "requires", "origin",
                "op", "kind", "width", "size", "addr", "value", "delta", "seq", "bytes", "expect", "expect_error", "from",
                "node", "nodes", "cover", "note", "x");
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("1", "0", "-1", "65", "true", "null", "[]", "{}", "\"0x0\"", "\"0xffffffffffffffff\"",
                        "\"0x1ffffffffffffffff\"", "\"load\"", "\"read\"", "\"init\"", "\"table\"", "\"stream\"", "\"cache\"",
                        "\"BAD_WIDTH\"", "\"CTX-LOAD-1\"", "[\"CTX-LOAD-1\"]", "{\"kind\":\"context\"}", "1.5", "\"\""),
                Arbitraries.strings().ofMaxLength(5).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
        Arbitrary<String> member = Combinators.combine(keys, values).as((k, v) -> "\"" + k + "\":" + v);
        return member.list().ofMaxSize(7).map(ms -> "{" + String.join(",", ms) + "}");
    }
}
