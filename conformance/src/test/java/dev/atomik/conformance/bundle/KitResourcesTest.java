package dev.atomik.conformance.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.adapters.process.RepoRoot;
import dev.atomik.conformance.runner.TraceSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The build's copy of conformance/traces and rtl/ (what the jar ships) is complete and indexed: a
 * trace added to the checkout is in the bundled suite, and the index lists exactly the bundled files.
 */
class KitResourcesTest {
    private static final Path ROOT = RepoRoot.find();

    @Test
    void theBundledTracesAreTheCheckoutsTraces() throws Exception {
        TraceSource bundled = TraceSource.bundled().orElseThrow();
        TraceSource checkout = TraceSource.folder(ROOT.resolve("conformance/traces"));
        List<String> bundledIds = bundled.files().stream().map(bundled::idOf).collect(Collectors.toList());
        assertEquals(checkout.files().stream().map(checkout::idOf).collect(Collectors.toList()), bundledIds);
        for (Path file : checkout.files()) {
            Path copy = bundled.root().resolve(checkout.idOf(file) + ".ndjson");
            assertEquals(Files.readString(file), Files.readString(copy), copy + " differs from " + file);
        }
        assertTrue(bundled.description().startsWith("the traces built into "), bundled.description());
    }

    @Test
    void theIndexListsExactlyTheBundledFiles() throws Exception {
        for (String dir : List.of(KitResources.TRACES, KitResources.RTL)) {
            KitResources.Folder folder = KitResources.readable(dir).orElseThrow();
            assertEquals(ResourceIndex.list(folder.root()),
                    ResourceIndex.read(getClass().getClassLoader(), dir).orElseThrow(), dir + "/" + ResourceIndex.NAME);
        }
    }

    @Test
    void theBundledRtlFolderHasTheHarnessAndTheCores() {
        Path rtl = KitResources.rtlDir().orElseThrow();
        for (String file : List.of("harness/atomik_harness.v", "harness/atomik_driver.vh", "atomik_core.v",
                "examples/atomik_core_null.v")) {
            assertTrue(Files.isRegularFile(rtl.resolve(file)), rtl.resolve(file) + " missing");
        }
    }
}
