package dev.atomik.conformance.golden;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs trace definitions through the reference model's adapter and renders them as NDJSON with the
 * model's answers as expectations. Output is deterministic: canonical key order, lower-case hex,
 * {@code \n} line ends, no trailing spaces.
 */
public final class GoldenGenerator {
    /** Spec version the expectations follow. */
    public static final String SPEC_VERSION = "1.0";
    /** The op table order of spec/trace-format.md, used to list {@code requires.ops}. */
    private static final List<String> OP_ORDER = List.of("init", "load", "accum", "rollback", "read", "swap",
            "merge", "count", "epoch", "pending", "drain", "apply", "encode", "decode", "check");
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Adapter model;

    /** @param model the reference model's adapter (scheme {@code model}) */
    public GoldenGenerator(Adapter model) {
        this.model = model;
    }

    /** Renders every definition; keys are trace ids, values the file contents. */
    public Map<String, String> render(List<TraceDef> definitions) throws AdapterFault {
        Map<String, String> files = new LinkedHashMap<>();
        for (TraceDef def : definitions) {
            if (files.put(def.id(), render(def)) != null) {
                throw new IllegalStateException("duplicate trace id " + def.id());
            }
        }
        return files;
    }

    /** Runs one definition on a fresh model and renders it. */
    public String render(TraceDef def) throws AdapterFault {
        List<ObjectNode> requests = new ArrayList<>();
        requests.add(NODES.objectNode().put("op", "reset"));
        List<int[]> spans = new ArrayList<>();
        for (StepDef step : def.steps()) {
            int start = requests.size();
            requests.addAll(step.check() == null ? List.of(step.request().deepCopy()) : expandCheck(step));
            spans.add(new int[] {start, requests.size()});
        }
        List<ObjectNode> replies = model.execute(requests, STEP_TIMEOUT);
        if (replies.size() != requests.size()) {
            throw new IllegalStateException(def.id() + ": model gave " + replies.size() + " replies to "
                    + requests.size() + " requests");
        }
        StringBuilder out = new StringBuilder();
        List<ObjectNode> lines = new ArrayList<>();
        Set<Integer> widths = new TreeSet<>();
        long contexts = 1;
        for (int i = 0; i < def.steps().size(); i++) {
            StepDef step = def.steps().get(i);
            int[] span = spans.get(i);
            String where = def.id() + " step " + (i + 1) + " (" + step.op() + ")";
            ObjectNode line = step.request().deepCopy();
            if (step.check() != null) {
                line.set("expect", checkExpectation(step, replies.subList(span[0], span[1]), where));
            } else {
                ObjectNode reply = replies.get(span[0]);
                boolean failed = reply.has("error");
                if (failed != (step.intent() == StepDef.Intent.FAIL)) {
                    throw new IllegalStateException(where + ": meant to " + step.intent().name().toLowerCase()
                            + " but the model replied " + reply);
                }
                putExpectation(line, reply);
                if (step.op().equals("init")) {
                    // requires lists every legal width an init names, even one that fails for another
                    // reason (BAD_SIZE): an implementation lacking that width cannot run the step at all.
                    int width = step.request().path("width").asInt();
                    if (width >= 1 && width <= 64) {
                        widths.add(width);
                        contexts = Math.max(contexts, step.request().path("size").asLong(1));
                    }
                }
            }
            if (!step.cover().isEmpty()) {
                ArrayNode cover = line.putArray("cover");
                step.cover().forEach(cover::add);
            }
            if (step.note() != null) {
                line.put("note", step.note());
            }
            lines.add(line);
        }
        out.append(line(header(def, widths, contexts))).append('\n');
        for (ObjectNode l : lines) {
            out.append(line(l)).append('\n');
        }
        return out.toString();
    }

    private ObjectNode header(TraceDef def, Set<Integer> widths, long contexts) {
        ObjectNode h = NODES.objectNode();
        h.put("atomik_trace", 1);
        h.put("spec", SPEC_VERSION);
        h.put("id", def.id());
        h.put("description", def.description());
        ArrayNode clauses = h.putArray("clauses");
        def.clauses().forEach(clauses::add);
        ObjectNode requires = h.putObject("requires");
        requires.put("kind", def.steps().stream().filter(s -> s.op().equals("init"))
                .map(s -> s.request().path("kind").asText()).findFirst().orElse("wire"));
        ArrayNode w = requires.putArray("widths");
        widths.forEach(w::add);
        requires.put("contexts", contexts);
        Set<String> used = new LinkedHashSet<>();
        def.steps().forEach(s -> used.add(s.op()));
        ArrayNode ops = requires.putArray("ops");
        OP_ORDER.stream().filter(used::contains).forEach(ops::add);
        requires.put("nodes", 1);
        ObjectNode origin = h.putObject("origin");
        origin.put("kind", "generated");
        origin.put("generator", "golden/" + def.family());
        origin.put("seed", Hex.of(def.seed()));
        return h;
    }

    /** A check becomes read+count per cell, then epoch and pending (as the runner expands it). */
    private static List<ObjectNode> expandCheck(StepDef step) {
        List<ObjectNode> out = new ArrayList<>();
        for (long cell : step.check().cells()) {
            ObjectNode read = NODES.objectNode().put("op", "read");
            ObjectNode count = NODES.objectNode().put("op", "count");
            if (step.check().addressed()) {
                read.put("addr", Hex.of(cell));
                count.put("addr", Hex.of(cell));
            }
            out.add(read);
            out.add(count);
        }
        if (step.check().epoch()) {
            out.add(NODES.objectNode().put("op", "epoch"));
        }
        if (step.check().pending()) {
            out.add(NODES.objectNode().put("op", "pending"));
        }
        return out;
    }

    private static ObjectNode checkExpectation(StepDef step, List<ObjectNode> replies, String where) {
        for (ObjectNode r : replies) {
            if (!r.has("value")) {
                throw new IllegalStateException(where + ": an observation failed: " + r);
            }
        }
        ObjectNode expect = NODES.objectNode();
        ArrayNode cells = expect.putArray("cells");
        int i = 0;
        for (long cell : step.check().cells()) {
            ObjectNode c = cells.addObject();
            if (step.check().addressed()) {
                c.put("addr", Hex.of(cell));
            }
            c.put("state", Hex.normalise(replies.get(i++).path("value").asText()));
            c.put("count", Hex.normalise(replies.get(i++).path("value").asText()));
        }
        if (step.check().epoch()) {
            expect.put("epoch", Hex.normalise(replies.get(i++).path("value").asText()));
        }
        if (step.check().pending()) {
            expect.put("pending", Hex.normalise(replies.get(i++).path("value").asText()));
        }
        return expect;
    }

    /** Turns a model reply into the step's {@code expect} or {@code expect_error}. */
    private static void putExpectation(ObjectNode line, ObjectNode reply) {
        if (reply.has("error")) {
            line.put("expect_error", reply.path("error").asText());
        } else if (reply.has("value")) {
            line.put("expect", Hex.normalise(reply.path("value").asText()));
        } else if (reply.has("message")) {
            line.set("expect", message(reply.path("message")));
        } else if (reply.has("messages")) {
            ArrayNode list = line.putArray("expect");
            reply.path("messages").forEach(m -> list.add(message(m)));
        } else if (reply.has("bytes")) {
            line.put("expect", Hex.normaliseBytes(reply.path("bytes").asText()));
        } else if (!reply.path("ok").asBoolean(false)) {
            throw new IllegalStateException("unexpected model reply " + reply);
        }
    }

    private static ObjectNode message(JsonNode m) {
        ObjectNode out = NODES.objectNode();
        out.put("addr", Hex.normalise(m.path("addr").asText()));
        out.put("delta", Hex.normalise(m.path("delta").asText()));
        out.put("seq", Hex.normalise(m.path("seq").asText()));
        return out;
    }

    private static String line(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
