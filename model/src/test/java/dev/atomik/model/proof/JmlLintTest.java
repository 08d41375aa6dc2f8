package dev.atomik.model.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model's JML stays inside what KeY 2.12.3 and OpenJML both accept (plain JUnit, no prover:
 * runs in every build in well under a second), and the lint catches each construct it is for.
 */
class JmlLintTest {
    private static Path modelSources() {
        return KeyProofsTest.moduleDir().resolve("src/main/java");
    }

    @Test
    void theModelsJmlHasNoConstructEitherToolRejects() throws IOException {
        List<JmlLint.Finding> findings = new ArrayList<>(JmlLint.check(JmlSource.scanFolder(modelSources())));
        try (Stream<Path> files = Files.walk(modelSources())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
                findings.addAll(JmlLint.checkJava(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        assertTrue(findings.isEmpty(), findings.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void theScanSeesTheModelsLoopSpecifications() {
        // Guards the lint against a scanner that finds nothing: the model has five loops, two of them with a keyed pair of frames.
        long loopFrames = JmlSource.scanFolder(modelSources()).stream()
                .filter(a -> a.target() == JmlSource.Target.LOOP && a.text().contains("loop_writes")).count();
        assertEquals(7, loopFrames, "loop annotations with a loop_writes frame (five loops, two with a keyed pair)");
    }

    private static List<JmlLint.Finding> lint(String src) {
        return JmlLint.check(JmlSource.scan(Path.of("Bad.java"), src));
    }

    @Test
    void aLoopFrameWrittenAssignableIsFlaggedWithItsLine() {
        String src = "class Bad {\n"
                + "  int f(int n) {\n"
                + "    /*@ loop_invariant 0 <= i && i <= n;\n"
                + "      @ assignable \\nothing;\n"
                + "      @ decreases n - i;\n"
                + "      @*/\n"
                + "    for (int i = 0; i < n; i++) { }\n"
                + "    return n;\n"
                + "  }\n"
                + "}\n";
        List<JmlLint.Finding> f = lint(src);
        assertEquals(1, f.size(), f.toString());
        assertEquals("loop-frame", f.get(0).rule());
        assertEquals(4, f.get(0).line());
        assertEquals("Bad.java", f.get(0).file());
    }

    @Test
    void theOpenJmlTwinOfAKeyedPairIsCheckedToo() {
        // The two twins of main c78da80: OpenJML reads the -KeY one, so it must be spelled for it.
        String src = "class Bad {\n"
                + "  int f(int n) {\n"
                + "    /*@ loop_invariant 0 <= i; @*/\n"
                + "    /*+KeY@ assignable \\strictly_nothing; @*/\n"
                + "    /*-KeY@ assignable \\nothing; @*/\n"
                + "    while (n > 0) { n--; }\n"
                + "    return n;\n"
                + "  }\n"
                + "}\n";
        List<JmlLint.Finding> f = lint(src);
        assertEquals(List.of(4, 5), f.stream().map(JmlLint.Finding::line).collect(Collectors.toList()), f.toString());
        assertTrue(f.stream().allMatch(x -> x.rule().equals("loop-frame")), f.toString());
    }

    @Test
    void loopWritesAndAMethodFrameWrittenAssignableAreAccepted() {
        String src = "class Ok {\n"
                + "  /*@ public normal_behavior\n"
                + "    @   assignable \\nothing;\n"
                + "    @*/\n"
                + "  int f(int n) {\n"
                + "    /*@ loop_invariant 0 <= i; @*/\n"
                + "    /*+KeY@ loop_writes \\strictly_nothing; @*/\n"
                + "    /*-KeY@ loop_writes \\nothing; @*/\n"
                + "    for (int i = 0; i < n; i++) { }\n"
                + "    String s = \"/*@ assignable x; @*/ for\";\n"
                + "    return n;\n"
                + "  }\n"
                + "}\n";
        assertEquals(List.of(), lint(src));
    }

    @Test
    void keyOnlyConstructsOutsideAKeyTwinAreFlagged() {
        String src = "class Bad {\n"
                + "  //@ ensures \\result == \\dl_foo(x);\n"
                + "  public /*@ pure @*/ /*+KeY@ strictly_pure @*/ int a(int x) { return x; }\n"
                + "  public /*@ strictly_pure @*/ int b() { return 0; }\n"
                + "}\n";
        List<JmlLint.Finding> f = lint(src);
        assertEquals(List.of("2:key-only", "4:key-only"),
                f.stream().map(x -> x.line() + ":" + x.rule()).collect(Collectors.toList()), f.toString());
    }

    @Test
    void anUnsignedShiftInJmlIsFlagged() {
        String src = "class Bad {\n"
                + "  //@ ensures \\result == (x >>> 4);\n"
                + "  long a(long x) { return x >>> 4; }\n"
                + "}\n";
        List<JmlLint.Finding> f = lint(src);
        assertEquals(1, f.size(), f.toString());
        assertEquals("unsigned-shift", f.get(0).rule());
    }

    @Test
    void aGetMessageOverrideIsFlagged() {
        List<JmlLint.Finding> f = JmlLint.checkJava("Bad.java",
                "class Bad extends RuntimeException {\n  public String getMessage() { return \"x\"; }\n}\n");
        assertEquals(1, f.size());
        assertEquals(2, f.get(0).line());
    }

    @Test
    void specCasesAreCountedPerSignature() {
        String src = "class C {\n"
                + "  /*@ public normal_behavior // held\n"
                + "    @   ensures true;\n"
                + "    @ also public normal_behavior\n"
                + "    @   ensures true;\n"
                + "    @ also public exceptional_behavior\n"
                + "    @   signals_only RuntimeException;\n"
                + "    @*/\n"
                + "  public long f(long a, byte[] b) { return a; }\n"
                + "  //@ requires x > 0;\n"
                + "  C(int x) { }\n"
                + "  /*-KeY@ public normal_behavior ensures true; @*/\n"
                + "  public /*@ pure @*/ int g() { return 0; }\n"
                + "}\n";
        Map<String, Integer> cases = JmlSource.specCases(JmlSource.scan(Path.of("C.java"), src));
        assertEquals(Map.of("C#f(long,byte[])", 3, "C#C(int)", 1), cases);
    }
}
