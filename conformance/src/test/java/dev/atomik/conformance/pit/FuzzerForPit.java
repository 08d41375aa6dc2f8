package dev.atomik.conformance.pit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atomik.conformance.fuzz.FuzzReport;
import dev.atomik.conformance.fuzz.Fuzzer;
import dev.atomik.conformance.runner.AdapterCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer as PIT's only test, for the measurement beside the golden suite's (selftest/PIT.md):
 * {@code PitRun --tests=dev.atomik.conformance.pit.FuzzerForPit}.
 *
 * <p>The fuzzer compares an adapter with the in-process reference model. Under PIT the in-process
 * model is the mutant, so the adapter must be a copy PIT cannot touch: the model served by a second
 * JVM ({@code ServeMain}) started from the same class path, whose classes are the unmutated ones on
 * disk (PIT changes classes only inside its own minion JVM). A mutant is killed when the fuzz run does
 * not end clean within the fixed budget: a disagreement (exit 1) or a run the mutated side broke (exit 2).
 */
class FuzzerForPit {
    /** The fixed budget: steps and seed (FUZZING.md's default seed). */
    static final long STEPS = Long.getLong("atomik.pit.fuzz.steps", 20_000L);
    static final long SEED = 1L;

    @Test
    void fuzzerFindsNoDisagreementWithAnUnmutatedCopy() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String adapter = "process:" + java + " -cp " + System.getProperty("java.class.path")
                + " dev.atomik.conformance.serve.ServeMain model";
        Path out = Files.createTempDirectory("atomik-pit-fuzz");
        // Shrinking is left out (budget 1): only whether a disagreement exists counts here.
        Fuzzer.Options options = new Fuzzer.Options(adapter, SEED, STEPS, null, out, Duration.ofSeconds(5), 4096, 1, 1,
                Set.of());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FuzzReport report = Fuzzer.run(options, AdapterCatalog.discover(), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(0, report.exitCode(), () -> log.toString(StandardCharsets.UTF_8));
    }
}
