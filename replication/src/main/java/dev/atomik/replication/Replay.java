package dev.atomik.replication;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.TreeSet;

/**
 * Re-does a recorded schedule on a fresh cluster. Nothing is random here: the schedule says which
 * node puts what and which copy is sent, duplicated, dropped or delivered, so a replay records the
 * same steps, and the same bytes, as the run that produced it. Expectations in the input are not
 * trusted: they are recomputed, and {@link #verify} compares them.
 */
public final class Replay {
    private Replay() {
    }

    /** Replays {@code steps} (first one {@code init}); {@code firstLine} numbers them in errors. */
    public static Cluster run(List<JsonNode> steps, int firstLine) {
        if (steps.isEmpty() || !"init".equals(text(steps.get(0), "op", firstLine))) {
            throw new IllegalArgumentException("line " + firstLine + ": the first step must be init");
        }
        JsonNode init = steps.get(0);
        int n = init.path("nodes").size();
        if (init.has("expect_error")) {
            if (steps.size() > 1) {
                throw new IllegalArgumentException("line " + (firstLine + 1) + ": a trace whose init expects an error has no other step");
            }
            return Cluster.refusedInit(n, init.path("width").asInt(64),
                    init.has("capacity") ? init.get("capacity").asInt() : null);
        }
        Cluster cluster = init.has("capacity")
                ? new Cluster(n, init.path("width").asInt(64), init.path("dedup").asBoolean(true), init.get("capacity").asInt())
                : new Cluster(n, init.path("width").asInt(64), init.path("dedup").asBoolean(true));
        for (int i = 1; i < steps.size(); i++) {
            int line = firstLine + i;
            try {
                apply(cluster, steps.get(i), n, line);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
            }
        }
        return cluster;
    }

    /**
     * Replays and returns null when every recomputed step equals the recorded one, or a message
     * naming the first line that differs.
     */
    public static String verify(List<JsonNode> steps, int firstLine) {
        List<? extends JsonNode> again = run(steps, firstLine).steps();
        for (int i = 0; i < steps.size(); i++) {
            if (!steps.get(i).equals(again.get(i))) {
                return "line " + (firstLine + i) + ": recorded " + steps.get(i) + " but the model gives " + again.get(i);
            }
        }
        return null;
    }

    private static void apply(Cluster c, JsonNode s, int n, int line) {
        String op = text(s, "op", line);
        if (s.has("expect_error") && !op.equals("deliver")) {
            // a refused node operation: re-done as a refusal, which records the model's error again
            c.refuse(op, node(s, "node", n, line), hex(s, "addr", line), s.has("value") ? hex(s, "value", line) : 0L);
            return;
        }
        switch (op) {
            case "load" -> c.load(node(s, "node", n, line), hex(s, "addr", line), hex(s, "value", line));
            case "put" -> c.put(node(s, "node", n, line), hex(s, "addr", line), hex(s, "value", line));
            case "get" -> c.get(node(s, "node", n, line), hex(s, "addr", line));
            case "swap" -> c.swap(node(s, "node", n, line), hex(s, "addr", line), hex(s, "value", line));
            case "send" -> c.send(node(s, "from", n, line), node(s, "to", n, line), hex(s, "seq", line));
            case "duplicate" -> c.duplicate(node(s, "from", n, line), node(s, "to", n, line), hex(s, "seq", line));
            case "drop" -> c.drop(node(s, "from", n, line), node(s, "to", n, line), hex(s, "seq", line));
            case "deliver" -> c.deliver(node(s, "from", n, line), node(s, "to", n, line), hex(s, "seq", line));
            case "partition" -> {
                TreeSet<Integer> side = new TreeSet<>();
                for (JsonNode name : s.path("isolate")) {
                    side.add(NodeNames.index(name.asText(), n));
                }
                c.partition(side);
            }
            case "heal" -> c.heal();
            case "snapshot" -> c.snapshot(node(s, "from", n, line), node(s, "to", n, line));
            case "check" -> c.check();
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
    }

    private static String text(JsonNode s, String field, int line) {
        JsonNode v = s.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("line " + line + ": " + field + ": expected a string");
        }
        return v.asText();
    }

    private static long hex(JsonNode s, String field, int line) {
        return Hex.parse(text(s, field, line), field);
    }

    private static int node(JsonNode s, String field, int n, int line) {
        return NodeNames.index(text(s, field, line), n);
    }
}
