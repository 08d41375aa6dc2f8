package dev.atomik.conformance.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.adapters.process.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evidence reader: contracts from the model's Clauses comments, KeY's status only from its report. */
class EvidenceTest {
    private static final Path ROOT = RepoRoot.find();

    @Test
    void theRepositorysChainForCtxSwap2() throws IOException {
        Evidence e = Evidence.read(ROOT);
        List<String> contracts = e.contracts("CTX-SWAP-2").stream().map(c -> c.className() + "." + c.method()).toList();
        assertTrue(contracts.contains("Context.swap"), contracts.toString());
        assertTrue(e.traces("CTX-SWAP-2").contains("context/swap-value"));
        assertTrue(e.theorems("CTX-SWAP-2").stream().anyMatch(t -> t.name().equals("Atomik.Ctx.swap_to_read")));
        assertTrue(e.waiver("TRACE-HEADER-1").isPresent());
        assertTrue(e.contracts("CTX-INIT-1").stream().anyMatch(c -> c.method().equals("Context")), "constructors count");
    }

    @Test
    void keyStatusComesOnlyFromTheReport(@TempDir Path repo) throws IOException {
        copy(ROOT.resolve("spec"), repo.resolve("spec"));
        Files.createDirectories(repo.resolve("conformance/traces/context"));
        Files.copy(ROOT.resolve("conformance/traces/context/swap-value.ndjson"),
                repo.resolve("conformance/traces/context/swap-value.ndjson"));
        Path model = repo.resolve("model/src/main/java/dev/atomik/model");
        Files.createDirectories(model);
        Files.copy(ROOT.resolve("model/src/main/java/dev/atomik/model/Context.java"), model.resolve("Context.java"));

        Evidence without = Evidence.read(repo);
        assertFalse(without.keyRun());
        without.contracts("CTX-SWAP-2").forEach(c -> assertEquals("not run", c.keyStatus()));

        Files.createDirectories(repo.resolve("model/target"));
        Files.writeString(repo.resolve(Evidence.KEY_REPORT), "{\"contracts\":["
                + "{\"class\":\"Context\",\"method\":\"swap\",\"contract\":\"Context_swap_normal\",\"status\":\"closed\",\"expected\":\"provable\"},"
                + "{\"class\":\"Context\",\"method\":\"load\",\"contract\":\"Context_load_normal\",\"status\":\"open\",\"expected\":\"provable\"}]}");
        Evidence with = Evidence.read(repo);
        assertTrue(with.keyRun());
        Contract swap = with.contracts("CTX-SWAP-2").stream().filter(c -> c.method().equals("swap")).findFirst().orElseThrow();
        assertEquals("closed", swap.keyStatus());
        Contract load = with.contracts("CTX-LOAD-1").stream().filter(c -> c.method().equals("load")).findFirst().orElseThrow();
        assertEquals("open", load.keyStatus());
        Contract accum = with.contracts("CTX-ACCUM-1").stream().filter(c -> c.method().equals("accum")).findFirst().orElseThrow();
        assertEquals("not run", accum.keyStatus(), "no obligation in the report: not claimed proved");
    }

    @Test
    void outsideTheCheckoutIsOneClearError(@TempDir Path empty) {
        IOException e = assertThrows(IOException.class, () -> Evidence.read(empty));
        assertTrue(e.getMessage().contains("not the kit's repository"), e.getMessage());
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
