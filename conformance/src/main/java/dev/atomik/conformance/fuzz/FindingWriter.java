package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.golden.GoldenGenerator;
import dev.atomik.conformance.golden.StepDef;
import dev.atomik.conformance.golden.TraceDef;
import dev.atomik.conformance.trace.TraceFormatException;
import dev.atomik.conformance.trace.TraceParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a shrunk finding as a golden-format trace: the golden generator runs the steps on the model
 * and writes them with the model's answers as {@code expect}/{@code expect_error} (so the trace is a
 * valid golden trace that the buggy adapter fails), then the header's origin is replaced by
 * {@code {"kind":"shrunk","generator":"fuzz","seed":…,"adapter":…}}. The text is validated by the
 * trace parser before it is written.
 */
final class FindingWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Adapter model;
    private final TraceParser parser;

    FindingWriter(Adapter model, TraceParser parser) {
        this.model = model;
        this.parser = parser;
    }

    /** A written finding: where, its id, and its text. */
    record Written(Path file, String id, String text) {
    }

    /**
     * @param outDir        the findings folder; the trace goes to {@code <outDir>/<kind>/<name>.ndjson}
     * @param adapterSpec   the {@code --adapter} value, recorded in the origin
     * @param seed          the run's seed
     * @param sequence      the sequence the finding came from (its kind and index)
     * @param steps         the shrunk steps (the pinned init first)
     * @param disagreeAt    index in {@code steps} of the step that disagrees, or −1
     * @param note          what the adapter answered there, for the step's note
     */
    Written write(Path outDir, String adapterSpec, long seed, FuzzSequence sequence, List<ObjectNode> steps,
                  int disagreeAt, String note) throws IOException {
        String kind = sequence.kind();
        String name = "fuzz-" + slug(adapterSpec) + "-" + Long.toHexString(seed) + "-" + sequence.index();
        String id = kind + "/" + name;
        List<ObjectNode> replies = modelReplies(steps);
        List<StepDef> defs = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepDef.Intent intent = replies.get(i).has("error") ? StepDef.Intent.FAIL : StepDef.Intent.SUCCEED;
            defs.add(new StepDef(steps.get(i).deepCopy(), intent, null, List.of(),
                    i == disagreeAt ? "fuzz: " + note : null));
        }
        String description = "Shrunk by atomik fuzz from sequence " + sequence.index() + " of seed 0x"
                + Long.toHexString(seed) + ": " + adapterSpec + " disagreed with the model"
                + (disagreeAt >= 0 ? " at step " + (disagreeAt + 1) + " (" + steps.get(disagreeAt).path("op").asText() + ")"
                : "") + ".";
        TraceDef def = new TraceDef(id, description, OpClauses.of(kind, steps, replies), "fuzz", seed, defs);
        String text;
        try {
            text = withShrunkOrigin(new GoldenGenerator(model).render(def), adapterSpec, seed);
        } catch (AdapterFault e) {
            throw new IllegalStateException("the model adapter faulted while writing the finding: " + e.getMessage(), e);
        }
        Path file = outDir.resolve(kind).resolve(name + ".ndjson");
        try {
            parser.parse(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (TraceFormatException e) {
            throw new IllegalStateException("the shrunk trace is not a valid trace (a fuzzer bug): " + e.getMessage(), e);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new Written(file, id, text);
    }

    private List<ObjectNode> modelReplies(List<ObjectNode> steps) {
        try {
            List<ObjectNode> replies = model.execute(Sides.fromReset(steps), java.time.Duration.ofSeconds(5));
            return replies.subList(1, replies.size());
        } catch (AdapterFault e) {
            throw new IllegalStateException("the model adapter faulted: " + e.getMessage(), e);
        }
    }

    /** Line 1 with the origin of a shrunk finding (spec/trace-format.md, header table). */
    private static String withShrunkOrigin(String rendered, String adapterSpec, long seed) throws JsonProcessingException {
        int end = rendered.indexOf('\n');
        ObjectNode header = (ObjectNode) JSON.readTree(rendered.substring(0, end));
        ObjectNode origin = JSON.createObjectNode();
        origin.put("kind", "shrunk");
        origin.put("generator", "fuzz");
        origin.put("seed", "0x" + Long.toHexString(seed));
        origin.put("adapter", adapterSpec);
        header.set("origin", origin);
        return JSON.writeValueAsString(header) + rendered.substring(end);
    }

    /** The adapter spec as a file-name fragment: lower-case letters, digits and single dashes. */
    static String slug(String adapterSpec) {
        String s = adapterSpec.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (s.length() > 40) {
            // keep the end (the part that tells adapters apart) from a whole word on
            String tail = s.substring(s.length() - 40);
            String words = s.charAt(s.length() - 41) == '-' ? tail.replaceAll("^-", "") : tail.replaceAll("^[^-]*-", "");
            s = words.isEmpty() || !tail.contains("-") ? tail : words;
        }
        return s.isEmpty() ? "adapter" : s;
    }
}
