package dev.atomik.conformance.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.golden.GoldenFiles;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.TraceLoader;
import dev.atomik.conformance.trace.TraceParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** conformance/CAPABILITIES.md is current, and has one row per golden trace. */
class CapabilityTableTest {
    private static final Path TRACES = GoldenFiles.defaultTracesDir();

    @Test
    void generatedCapabilityTableIsCurrent() throws Exception {
        List<LoadedTrace> traces = new TraceLoader(TraceParser.withSpec()).load(TRACES, null);
        String expected = CapabilityTable.toMarkdown(traces);
        Path file = TRACES.getParent().resolve("CAPABILITIES.md");
        if (Boolean.getBoolean("atomik.regenerate")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, "conformance/CAPABILITIES.md is stale: run mvn -pl conformance test "
                + "-Dtest=CapabilityTableTest -Datomik.regenerate=true");
        long rows = expected.lines().filter(l -> l.startsWith("| `")).count();
        assertEquals(traces.size(), rows, "one row per trace");
        assertTrue(expected.contains("| `context/count-accum-and-rollback` | context | 64 |"), "a known row");
    }
}
