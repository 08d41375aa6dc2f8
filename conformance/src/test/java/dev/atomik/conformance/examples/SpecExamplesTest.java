package dev.atomik.conformance.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.adapters.process.RepoRoot;
import dev.atomik.spec.ClauseIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every {@code Example:} of spec/*.md holds on the reference model (or the runner, for protocol and
 * trace-format examples): a wrong or unreadable example fails {@code mvn verify} with file, line and
 * what the model gave.
 */
class SpecExamplesTest {
    private static final Path ROOT = RepoRoot.find();
    private static final ClauseIndex INDEX = ClauseIndex.fromDirectory(ROOT.resolve("spec"));

    private static List<ExampleFailure> check(List<SpecExample> examples) {
        try (ExampleChecker checker = new ExampleChecker(ROOT, INDEX::contains)) {
            return checker.check(examples);
        }
    }

    @Test
    void everySpecExampleHoldsOnTheModel() throws IOException {
        List<SpecExample> examples = ExampleExtractor.fromDirectory(ROOT.resolve("spec"));
        long written;
        try (var files = Files.list(ROOT.resolve("spec"))) {
            written = files.filter(f -> f.toString().endsWith(".md")).mapToLong(SpecExamplesTest::exampleLines).sum();
        }
        assertTrue(written >= 50 && examples.size() > written, "found " + examples.size() + " examples for "
                + written + " Example: lines (and the protocol's fenced hello)");
        List<ExampleFailure> failures = check(examples);
        assertTrue(failures.isEmpty(), failures.size() + " of " + examples.size() + " spec examples fail:\n"
                + String.join("\n", failures.stream().map(ExampleFailure::toString).toList()));
    }

    @Test
    void everyClauseFileExampleIsFound() throws IOException {
        for (String file : ClauseIndex.FILES) {
            String md = Files.readString(ROOT.resolve("spec").resolve(file), StandardCharsets.UTF_8);
            long lines = md.lines().filter(l -> l.startsWith("Example: ")).count();
            long found = ExampleExtractor.extract(file, md).stream().filter(e -> !e.text().startsWith("hello {\"type\"")
                    || !e.text().contains("→ accepted") || md.contains("Example: " + e.text().substring(0, 10))).count();
            assertTrue(found >= lines, file + ": " + lines + " Example: lines, " + found + " extracted");
        }
    }

    @Test
    void aMutatedExampleFailsWithFileLineAndTheModelsValue() throws IOException {
        Path context = ROOT.resolve("spec/context.md");
        String md = Files.readString(context, StandardCharsets.UTF_8);
        String mutated = md.replace("LOAD 0x10; READ → 0x10.", "LOAD 0x10; READ → 0x11.");
        assertTrue(!mutated.equals(md), "the CTX-LOAD-1 example changed; update this test");
        List<ExampleFailure> failures = check(ExampleExtractor.extract("context.md", mutated));
        assertEquals(1, failures.size(), failures.toString());
        String message = failures.get(0).toString();
        int line = lineOf(md, "LOAD 0x10; READ → 0x10.");
        assertTrue(message.startsWith("spec/context.md:" + line + ": CTX-LOAD-1 example: "), message);
        assertTrue(message.contains("the model gave 0x10"), message);
        assertTrue(message.contains("the example says 0x11"), message);
    }

    @Test
    void anUnreadableExampleFailsWithWhatWasExpected() {
        SpecExample e = new SpecExample("context.md", 7, "CTX-LOAD-1", "LOAD 0xzz; READ → 0x1");
        List<ExampleFailure> failures = check(List.of(e));
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).toString().contains("bad hex \"0xzz\""), failures.get(0).toString());
    }

    @Test
    void anExampleWithoutAResultChecksNothingAndFails() {
        SpecExample e = new SpecExample("context.md", 7, "CTX-LOAD-1", "context w=64; LOAD 0x1; READ");
        assertTrue(check(List.of(e)).get(0).message().contains("states no result"));
    }

    @Test
    void protocolExamplesAreJudgedByTheRunner() {
        SpecExample wrongReply = new SpecExample("adapter-protocol.md", 1, "PROTO-REPLY-1",
                "reply read {\"in_reply_to\":3,\"value\":\"0x2a\"} → BAD_REPLY");
        assertTrue(check(List.of(wrongReply)).get(0).message().contains("the runner accepts it"));
        SpecExample wrongSkip = new SpecExample("adapter-protocol.md", 1, "PROTO-CAPS-1",
                "caps {\"widths\":{\"min\":1,\"max\":64}} on values/mask-accum-high-bits-only-w4 → skip");
        assertTrue(check(List.of(wrongSkip)).get(0).message().contains("the runner accepts it (runs)"));
    }

    private static long exampleLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("Example: ")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int lineOf(String md, String text) {
        String[] lines = md.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        return -1;
    }
}
