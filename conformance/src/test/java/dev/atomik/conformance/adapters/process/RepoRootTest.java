package dev.atomik.conformance.adapters.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a process adapter's command runs, as samples/README.md says: the caller's directory, or its checkout's root. */
class RepoRootTest {
    @TempDir
    Path tmp;

    @Test
    void outsideACheckoutTheCommandRunsInTheCallersDirectory() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("my-project/sub"));
        assertEquals(project, RepoRoot.from(project));
    }

    @Test
    void insideACheckoutItRunsInTheCheckoutsRoot() throws Exception {
        Path checkout = tmp.resolve("kit");
        Files.createDirectories(checkout.resolve("spec"));
        Files.writeString(checkout.resolve("spec/adapter-protocol.md"), "# protocol\n");
        Path samples = Files.createDirectories(checkout.resolve("samples/python"));
        assertEquals(checkout, RepoRoot.from(samples));
        assertEquals(checkout, RepoRoot.from(checkout));
    }
}
