package dev.atomik.conformance.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.CapabilitiesJson;
import dev.atomik.conformance.adapters.model.ModelAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The spec and the code say the same thing where an implementer hit contradictions: capability
 * {@code widths} is the hello's {@code {min,max}} range (VAL-WIDTH-2, spec/adapter-protocol.md,
 * CapabilitiesJson), and a stream's default bounds and {@code BAD_SIZE} are what STR-CAP-1 states and
 * the reference model does.
 */
class OneVoiceTest {
    private static final Path SPEC = dev.atomik.conformance.adapters.process.RepoRoot.find().resolve("spec");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String section(String file, String clause) throws Exception {
        String md = Files.readString(SPEC.resolve(file));
        int start = md.indexOf("### " + clause + " ");
        int end = md.indexOf("\n### ", start + 1);
        return md.substring(start, end < 0 ? md.length() : end).replaceAll("\\s+", " ");
    }

    @Test
    void widthsAreTheHellosMinMaxRangeInTheClauseTheProtocolAndTheParser() throws Exception {
        String clause = section("values.md", "VAL-WIDTH-2");
        assertTrue(clause.contains("`widths: {\"min\":W1,\"max\":W2}`"), clause);
        assertTrue(Files.readString(SPEC.resolve("adapter-protocol.md"))
                .contains("| `widths` | `{min,max}`"), "the protocol table says {min,max}");
        // Every capabilities example in the spec uses the range form, and the parser takes it ...
        Matcher caps = Pattern.compile("caps (\\{.*?\\}\\})").matcher(Files.readString(SPEC.resolve("values.md"))
                + Files.readString(SPEC.resolve("adapter-protocol.md")));
        int seen = 0;
        while (caps.find()) {
            ObjectNode given = (ObjectNode) JSON.readTree(caps.group(1));
            assertTrue(given.get("widths").isObject(), caps.group());
            seen++;
        }
        assertTrue(seen >= 3, "found " + seen + " caps examples");
        ObjectNode hello = JsonNodeFactory.instance.objectNode();
        hello.putObject("widths").put("min", 32).put("max", 32);
        hello.putObject("kinds").putObject("context").putArray("ops").add("init").add("read");
        assertEquals(32, CapabilitiesJson.parse(hello, 2).minWidth());
        // ... and a list, the trace header's requires.widths form, is refused with the form it expects.
        hello.putArray("widths").add(8).add(32);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CapabilitiesJson.parse(hello, 2));
        assertTrue(e.getMessage().contains("{\"min\":W,\"max\":W}"), e.getMessage());
    }

    @Test
    void aStreamsDefaultBoundsAndBadSizeAreWhatStrCap1Says() throws Exception {
        String clause = section("stream.md", "STR-CAP-1");
        Matcher m = Pattern.compile("is ([0-9]+) addresses or a ([0-9]+)-message queue").matcher(clause);
        assertTrue(m.find(), clause);
        int addresses = Integer.parseInt(m.group(1));
        int queue = Integer.parseInt(m.group(2));
        assertTrue(clause.contains("A bound below 1 fails with `BAD_SIZE`"), clause);

        List<ObjectNode> touch = new ArrayList<>(List.of(init()));
        for (int a = 0; a <= addresses; a++) {
            touch.add(op("load").put("addr", "0x" + Integer.toHexString(a)).put("value", "0x1"));
        }
        List<ObjectNode> replies = run(touch);
        assertEquals("{\"ok\":true}", replies.get(addresses).toString(), "address " + (addresses - 1) + " fits");
        assertEquals("{\"error\":\"CAPACITY_EXCEEDED\"}", replies.get(addresses + 1).toString());

        List<ObjectNode> queueing = new ArrayList<>(List.of(init()));
        for (int i = 0; i <= queue; i++) {
            queueing.add(op("accum").put("addr", "0x0").put("delta", "0x1"));
        }
        replies = run(queueing);
        assertTrue(replies.get(queue).has("message"), "message " + queue + " fits: " + replies.get(queue));
        assertEquals("{\"error\":\"CAPACITY_EXCEEDED\"}", replies.get(queue + 1).toString());

        for (String bound : List.of("addresses", "queue")) {
            assertEquals("{\"error\":\"BAD_SIZE\"}", run(List.of(init().put(bound, 0))).get(0).toString(), bound);
            assertEquals("{\"error\":\"BAD_WIDTH\"}", run(List.of(init().put("width", 65).put(bound, 0))).get(0).toString(),
                    "BAD_WIDTH first (ERR-ORDER-1)");
        }
    }

    private static ObjectNode op(String name) {
        return JsonNodeFactory.instance.objectNode().put("op", name);
    }

    private static ObjectNode init() {
        return op("init").put("kind", "stream").put("width", 8);
    }

    private static List<ObjectNode> run(List<ObjectNode> requests) throws Exception {
        try (ModelAdapter model = new ModelAdapter()) {
            model.hello();
            return model.execute(requests, Duration.ofSeconds(5));
        }
    }
}
