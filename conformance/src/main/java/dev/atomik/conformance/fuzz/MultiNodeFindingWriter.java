package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.trace.Hex;
import dev.atomik.conformance.trace.TraceFormatException;
import dev.atomik.conformance.trace.TraceParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a shrunk multi-node finding as a golden-format replication trace
 * (spec/trace-format-multinode.md): the planned requests run on the model from a reset, and its
 * answers become the expectations (a put's message, a get's or swap's value, a node step's error, a
 * deliver's "applied"/"filtered" from the runner's delivery layer, a check's states, convergence and
 * copies in flight). The header cites the clauses of the ops used and records the origin
 * {@code {"kind":"shrunk","generator":"fuzz",…}}; the text is validated before it is written.
 */
final class MultiNodeFindingWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Findings go to {@code <out>/replication/}, next to where the golden replication traces live. */
    static final String AREA = "replication";

    private final Adapter model;
    private final TraceParser parser;

    MultiNodeFindingWriter(Adapter model, TraceParser parser) {
        this.model = model;
        this.parser = parser;
    }

    record Written(Path file, String id, String text) {
    }

    /**
     * @param plan       the shrunk steps, planned
     * @param disagreeAt index of the disagreeing step, or −1
     * @param note       what the adapter answered there
     */
    Written write(Path outDir, String adapterSpec, long seed, long sequence, MultiNodePlan plan, int disagreeAt,
                  String note) throws IOException {
        String name = "fuzz-" + FindingWriter.slug(adapterSpec) + "-" + Long.toHexString(seed) + "-" + sequence;
        String id = AREA + "/" + name;
        List<List<ObjectNode>> replies = repliesByStep(plan);
        StringBuilder body = new StringBuilder();
        Set<String> ops = new TreeSet<>();
        Set<String> clauses = new TreeSet<>(List.of("REP-CACHE-1"));
        for (int i = 0; i < plan.steps.size(); i++) {
            ObjectNode step = plan.steps.get(i).deepCopy();
            String op = step.get("op").asText();
            ops.add(op);
            expect(step, op, i, plan, replies.get(i), clauses);
            if (i == disagreeAt) {
                step.put("note", "fuzz: " + note);
            }
            body.append(JSON.writeValueAsString(step)).append('\n');
        }
        String description = "Shrunk by atomik fuzz from multi-node sequence " + sequence + " of seed 0x"
                + Long.toHexString(seed) + ": " + adapterSpec + " disagreed with the model"
                + (disagreeAt >= 0 ? " at step " + (disagreeAt + 1) + " (" + plan.steps.get(disagreeAt).get("op").asText()
                + ")" : "") + ".";
        String text = header(id, description, clauses, ops, plan, adapterSpec, seed) + "\n" + body;
        Path file = outDir.resolve(AREA).resolve(name + ".ndjson");
        try {
            parser.parse(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (TraceFormatException e) {
            throw new IllegalStateException("the shrunk multi-node trace is not a valid trace (a fuzzer bug): "
                    + e.getMessage(), e);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new Written(file, id, text);
    }

    /** The model's replies from a reset, grouped by the step each request came from. */
    private List<List<ObjectNode>> repliesByStep(MultiNodePlan plan) {
        List<ObjectNode> all;
        try {
            all = model.execute(Sides.fromReset(plan.requests), Duration.ofSeconds(5));
        } catch (AdapterFault e) {
            throw new IllegalStateException("the model adapter faulted while writing the finding: " + e.getMessage(), e);
        }
        List<List<ObjectNode>> out = new ArrayList<>();
        for (int i = 0; i < plan.steps.size(); i++) {
            out.add(new ArrayList<>());
        }
        for (int r = 0; r < plan.requests.size(); r++) {
            out.get(plan.stepOf(r)).add(all.get(r + 1));
        }
        return out;
    }

    /** Adds the model's expectation to one step, and the clauses it checks. */
    private static void expect(ObjectNode step, String op, int index, MultiNodePlan plan, List<ObjectNode> replies,
                               Set<String> clauses) {
        ObjectNode reply = replies.isEmpty() ? null : replies.get(0);
        if (reply != null && reply.has("error") && Set.of("load", "put", "get", "swap").contains(op)) {
            step.put("expect_error", reply.get("error").asText());
            clauses.add("ERR-CODES-1");
            return;
        }
        switch (op) {
            case "put" -> {
                step.set("expect", reply.get("message").deepCopy());
                clauses.add("STR-SEQ-1");
            }
            case "get" -> step.set("expect", reply.get("value").deepCopy());
            case "swap" -> {
                step.set("expect", reply.get("value").deepCopy());
                clauses.add("NG-SWAP-1");
            }
            case "deliver" -> {
                step.put("expect", plan.applied.get(index) ? "applied" : "filtered");
                clauses.add("WIRE-FIELDS-1");
                if (plan.dedup) {
                    clauses.add("REP-DEDUP-1");
                }
            }
            case "duplicate" -> clauses.add("NG-DUP-1");
            case "check" -> {
                step.set("expect", check(index, plan, replies));
                clauses.add("REP-CONV-1");
            }
            default -> {
                // init, load, send, drop, partition, heal: no result
            }
        }
    }

    /** A check's expectation from its gets (node by node, key by key, as planned). */
    private static ObjectNode check(int index, MultiNodePlan plan, List<ObjectNode> replies) {
        List<Long> keys = plan.checkKeys.get(index);
        ObjectNode nodes = JSON.createObjectNode();
        Map<Long, Set<String>> statesByKey = new LinkedHashMap<>();
        int r = 0;
        for (String name : plan.names) {
            ArrayNode cells = nodes.putArray(name);
            for (long key : keys) {
                JsonNode state = replies.get(r++).get("value");
                cells.addObject().put("addr", Hex.format(key)).set("state", state.deepCopy());
                statesByKey.computeIfAbsent(key, k -> new TreeSet<>()).add(Hex.format(Hex.parse(state.asText())));
            }
        }
        ObjectNode expect = JSON.createObjectNode();
        expect.put("converged", statesByKey.values().stream().allMatch(states -> states.size() == 1));
        expect.set("nodes", nodes);
        expect.put("in_flight", plan.checkInFlight.get(index));
        return expect;
    }

    private static String header(String id, String description, Set<String> clauses, Set<String> ops,
                                 MultiNodePlan plan, String adapterSpec, long seed) throws JsonProcessingException {
        ObjectNode h = JSON.createObjectNode();
        h.put("atomik_trace", 1);
        h.put("spec", "1.0");
        h.put("id", id);
        h.put("description", description);
        clauses.forEach(h.putArray("clauses")::add);
        ObjectNode requires = h.putObject("requires");
        requires.put("kind", "cache");
        requires.putArray("widths").add(plan.width);
        requires.put("contexts", 1);
        ops.forEach(requires.putArray("ops")::add);
        requires.put("nodes", plan.names.size());
        ObjectNode origin = h.putObject("origin");
        origin.put("kind", "shrunk");
        origin.put("generator", "fuzz");
        origin.put("seed", "0x" + Long.toHexString(seed));
        origin.put("adapter", adapterSpec);
        return JSON.writeValueAsString(h);
    }
}
