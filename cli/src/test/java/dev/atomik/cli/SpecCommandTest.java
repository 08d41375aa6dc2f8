package dev.atomik.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atomik spec eval}, {@code spec show} and {@code site}'s input checks, as a user calls them. */
class SpecCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private InputStream savedIn;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        savedIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.setIn(savedIn);
    }

    private int run(String... args) {
        return AtomikCommand.commandLine().setErr(new java.io.PrintWriter(System.err, true)).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void evalPrintsEachStepsResultBesideItsClause() {
        assertEquals(0, run("spec", "eval", "ctx w=8; load 0x1ff; accum 0xf0f; read"));
        String[] lines = out().split("\n");
        assertEquals(4, lines.length, out());
        assertTrue(lines[3].matches("read\\s+->\\s+0xf0\\s+CTX-READ-1"), lines[3]);
        assertTrue(lines[1].contains("CTX-LOAD-1 + VAL-MASK-1"), lines[1]);
    }

    @Test
    void evalExitsOneWhenAStatedResultIsWrong() {
        assertEquals(1, run("spec", "eval", "ctx w=8; load 0x1ff; read → 0x1ff"));
        assertTrue(out().contains("MISMATCH: expected 0x1ff"), out());
        assertEquals(0, run("spec", "eval", "ctx w=65 → BAD_WIDTH"));
    }

    @Test
    void evalReadsAFileAndStandardInput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.atomik");
        Files.writeString(file, "stream w=64\nACCUM@7 0x5 → {addr 0x7, delta 0x5, seq 0x1}\nEPOCH → 0x0\n");
        assertEquals(0, run("spec", "eval", "-f", file.toString()));
        assertTrue(out().contains("STR-ACCUM-1"), out());
        System.setIn(new ByteArrayInputStream("encode {addr 0x0, delta 0x14530451, seq 0x1}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, run("spec", "eval"));
        assertTrue(out().contains("00000000000000001453045100000001"), out());
    }

    @Test
    void badSnippetsGetOneClearLineAndExitTwo() {
        for (String[] c : new String[][] {
                {"ctx w=8; lod 0x1", "unknown op \"lod\""},
                {"ctx w=8; load 0xfg", "bad hex \"0xfg\""},
                {"ctx w=abc; read", "width: expected a decimal integer"},
                {"ctx w=65; read", "\"read\": the adapter cannot run this step"},
                {"ctx w=8; merge @0 from=1", "\"merge @0 from=1\""}}) {
            err.reset();
            assertEquals(2, run("spec", "eval", c[0]), c[0]);
            String e = err().strip();
            assertTrue(e.contains(c[1]), c[0] + ": " + e);
            assertFalse(e.contains("\n"), "one line: " + e);
            assertFalse(e.contains("Exception") || e.contains("\tat "), "no stack trace: " + e);
        }
    }

    @Test
    void showPrintsTheClauseAndItsEvidence() {
        assertEquals(0, run("spec", "show", "CTX-SWAP-2"));
        String o = out();
        assertTrue(o.startsWith("CTX-SWAP-2 · MUST   (spec/context.md:"), o);
        assertTrue(o.contains("SWAP v returns the current state S"), o);
        assertTrue(o.contains("Intent: the atomic"), o);
        assertTrue(o.contains("Context.swap   model/src/main/java/dev/atomik/model/Context.java:"), o);
        assertTrue(o.contains("context/swap-value   conformance/traces/context/swap-value.ndjson"), o);
        assertTrue(o.contains("Lean theorems (lean-proofs/README.md): "), o);
        assertTrue(o.contains("Waiver: none"), o);
        if (!Files.exists(Path.of("..", "model", "target", "key-report.json"))) {
            assertTrue(o.contains("KeY: not run"), o);
            assertFalse(o.contains("KeY closed"), "never claimed proved without a report: " + o);
        }
    }

    @Test
    void showNamesAnUnknownClauseAndItsNeighbours() {
        assertEquals(2, run("spec", "show", "CTX-SWAP-9"));
        assertTrue(err().contains("unknown clause CTX-SWAP-9") && err().contains("CTX-SWAP-1, CTX-SWAP-2"), err());
    }

    @Test
    void siteRejectsWhatIsNotARunReport(@TempDir Path dir) throws Exception {
        Path bogus = dir.resolve("bogus.json");
        Files.writeString(bogus, "{\"hello\":1}");
        assertEquals(2, run("site", "-o", dir.resolve("site").toString(), "--results", bogus.toString()));
        assertTrue(err().contains("bogus.json: not a conformance run report"), err());
        assertEquals(2, run("site", "-o", dir.resolve("site").toString(), "--results", dir.resolve("missing.json").toString()));
        assertTrue(err().contains("missing.json: no such run report"), err());
    }

    @Test
    void siteWithoutResultsHasSpecCoverageAndLedger(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site");
        assertEquals(0, run("site", "-o", site.toString()));
        String context = Files.readString(site.resolve("spec/context.html"));
        assertTrue(context.contains("<h3 id=\"CTX-SWAP-2\" class=\"clause must\">"), "clause anchored by its ID");
        assertTrue(context.contains("id=\"evidence-CTX-SWAP-2\""));
        assertTrue(Files.readString(site.resolve("coverage.html")).contains("CTX-SWAP-2"));
        assertTrue(Files.exists(site.resolve("spec/trust-ledger.html")));
        assertFalse(Files.exists(site.resolve("results.html")));
        assertFalse(context.contains("<script"), "no script on the pages");
        assertTrue(Files.exists(site.resolve("src/model/src/main/java/dev/atomik/model/Context.java.html")));
    }
}
