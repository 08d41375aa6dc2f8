package dev.atomik.conformance.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed generated traces are exactly what the generator writes today with the reference
 * model (the same check as {@code atomik conformance generate --check}), so CI fails on drift.
 */
class GoldenDriftTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, String> generated;

    @BeforeAll
    static void generate() throws Exception {
        generated = GoldenFiles.generate();
    }

    @Test
    void committedTracesMatchTheGenerator() throws Exception {
        Path root = GoldenFiles.defaultTracesDir();
        List<String> diffs = new GoldenFiles(root).differences(generated);
        assertTrue(diffs.isEmpty(), "generated traces drifted (run ./atomik conformance generate):\n  "
                + String.join("\n  ", diffs));
    }

    @Test
    void generationIsDeterministic() throws Exception {
        assertEquals(generated, GoldenFiles.generate(), "two generator runs produced different bytes");
    }

    @Test
    void filesAreCanonicalText() {
        generated.forEach((id, text) -> {
            assertTrue(text.endsWith("\n"), id + " does not end with a newline");
            assertTrue(!text.contains("\r") && !text.contains(" \n") && !text.contains("\n\n"),
                    id + " has a carriage return, trailing space or blank line");
        });
    }

    /**
     * The round-trip traces feed each encode's frame to the next decode; the frame is computed by the
     * definition, so check here that it is the one the model produced (else the trace proves less).
     */
    @Test
    void roundTripTracesDecodeWhatTheyEncoded() throws Exception {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, String> e : generated.entrySet()) {
            if (!e.getKey().startsWith("wire/round-trip")) {
                continue;
            }
            String[] lines = e.getValue().split("\n");
            for (int i = 1; i + 1 < lines.length; i++) {
                JsonNode step = JSON.readTree(lines[i]);
                JsonNode next = JSON.readTree(lines[i + 1]);
                String pair = step.path("op").asText() + ">" + next.path("op").asText();
                boolean encodeThenDecode = pair.equals("encode>decode")
                        && !step.path("expect").asText().equals(next.path("bytes").asText());
                boolean decodeThenEncode = pair.equals("decode>encode")
                        && !step.path("bytes").asText().equals(next.path("expect").asText());
                if (encodeThenDecode || decodeThenEncode) {
                    broken.add(e.getKey() + " line " + (i + 1));
                }
            }
        }
        assertTrue(broken.isEmpty(), "a round-trip pair does not chain (frame in = frame out): " + broken);
    }
}
