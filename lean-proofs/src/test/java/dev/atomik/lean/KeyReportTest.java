package dev.atomik.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A KeY report is used only when it is about the current model sources and covers every obligation. */
class KeyReportTest {
    @TempDir
    Path dir;

    /** A complete report over the sources in {@code sources} with one obligation, Context_accum_normal. */
    static String report(Path sources, String status) {
        return report(sources, KeyReport.sourceHash(sources), false, "\"Context_accum_normal\"", 1,
                "{\"class\":\"dev.atomik.model.Context\",\"method\":\"accum\",\"contract\":\"Context_accum_normal\",\"status\":\""
                        + status + "\"}");
    }

    static String report(Path sources, String hash, boolean partial, String obligations, int specCases, String contracts) {
        return "{\"sourceFolder\":\"" + sources.toString().replace("\\", "\\\\") + "\",\"sourceHash\":\"" + hash
                + "\",\"partial\":" + partial + ",\"specCases\":" + specCases + ",\"obligations\":[" + obligations
                + "],\"contracts\":[" + contracts + "]}";
    }

    private Path sources() throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("dev/atomik/model"));
        Files.writeString(src.resolve("dev/atomik/model/B.java"), "class B {}\n");
        Files.writeString(src.resolve("dev/atomik/model/A.java"), "class A {}\n");
        Files.writeString(src.resolve("dev/atomik/model/notes.txt"), "not a source\n");
        return src;
    }

    private KeyReport read(String json) throws IOException {
        Path file = dir.resolve("key-report.json");
        Files.writeString(file, json);
        return KeyReport.read(file).orElseThrow();
    }

    private static final Twin TWIN = new Twin(Twin.Kind.KEY, "Context#accum", "", null);

    @Test
    void theHashIsTheOneTheModelHarnessWrites() throws IOException {
        // Same fixture and value as model's SourceHashTest: the two implementations agree.
        assertEquals("8f9b168e91cffbbecf8bd9e159424d4bebc0020260c05434c3de02581276e476", KeyReport.sourceHash(sources()));
    }

    @Test
    void aCurrentCompleteReportIsUsed() throws IOException {
        KeyReport r = read(report(sources(), "closed"));
        assertEquals("", r.rejection());
        assertEquals(TwinStatus.State.PASS, r.check(TWIN).state());
    }

    @Test
    void aReportOlderThanTheSourcesIsRejected() throws IOException {
        Path src = sources();
        String json = report(src, "closed");
        Files.writeString(src.resolve("dev/atomik/model/A.java"), "class A { int changed; }\n");
        KeyReport r = read(json);
        assertTrue(r.rejection().contains("older than the model sources"), r.rejection());
        assertEquals(TwinStatus.State.NOT_CHECKED, r.check(TWIN).state());
    }

    @Test
    void aReportWithoutASourceHashIsRejected() throws IOException {
        KeyReport r = read("{\"contracts\":[{\"class\":\"dev.atomik.model.Context\",\"method\":\"accum\","
                + "\"contract\":\"Context_accum_normal\",\"status\":\"closed\"}]}");
        assertTrue(r.rejection().contains("no sourceFolder/sourceHash"), r.rejection());
    }

    @Test
    void aPartialRunIsRejected() throws IOException {
        Path src = sources();
        KeyReport r = read(report(src, KeyReport.sourceHash(src), true, "\"Context_accum_normal\"", 1,
                "{\"class\":\"dev.atomik.model.Context\",\"method\":\"accum\",\"contract\":\"Context_accum_normal\",\"status\":\"closed\"}"));
        assertTrue(r.rejection().contains("partial"), r.rejection());
    }

    @Test
    void aReportWithoutAResultForEveryObligationIsRejected() throws IOException {
        Path src = sources();
        KeyReport r = read(report(src, KeyReport.sourceHash(src), false, "\"Context_accum_normal\", \"Context_load_normal\"", 2,
                "{\"class\":\"dev.atomik.model.Context\",\"method\":\"accum\",\"contract\":\"Context_accum_normal\",\"status\":\"closed\"}"));
        assertTrue(r.rejection().contains("no result for 1 of its 2 obligations: Context_load_normal"), r.rejection());
    }

    @Test
    void aReportWhoseObligationsAreFewerThanTheSpecCasesIsRejected() throws IOException {
        Path src = sources();
        KeyReport r = read(report(src, KeyReport.sourceHash(src), false, "\"Context_accum_normal\"", 2,
                "{\"class\":\"dev.atomik.model.Context\",\"method\":\"accum\",\"contract\":\"Context_accum_normal\",\"status\":\"closed\"}"));
        assertTrue(r.rejection().contains("lists 1 obligations but the source declares 2"), r.rejection());
    }
}
