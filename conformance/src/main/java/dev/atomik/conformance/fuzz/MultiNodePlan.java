package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.trace.Hex;
import dev.atomik.conformance.trace.MultiNodeOps;
import dev.atomik.conformance.trace.Network;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.runner.AdapterCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the steps of a multi-node sequence (kind {@code cache}) into the protocol requests both
 * sides receive, exactly as the runner does (spec/trace-format-multinode.md): the runner's own
 * {@link Network} holds the pool and the delivery layer, node steps become requests naming their
 * node, an applied {@code deliver} becomes a {@code receive} carrying the 16 wire bytes, a filtered
 * one nothing, a {@code check} one {@code get} per node and key; network steps send nothing.
 *
 * <p>A deliver's bytes are those the model's put issued, so the plan runs the node steps on a
 * private instance of the model adapter as it goes (through the adapter SPI: only
 * {@code adapters.model} may touch the model). A put that disagrees shows in the put's own reply,
 * so the bytes never hide a wrong message (as in the runner).
 *
 * <p>A schedule the network rules forbid (a deliver of a copy not in flight, a send of a seq never
 * issued, a deliver across a partition…) throws {@link IllegalArgumentException} with the reason:
 * the shrinker counts such a candidate as "does not reproduce".
 */
final class MultiNodePlan {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Duration ORACLE_TIMEOUT = Duration.ofSeconds(10);
    private static Adapter oracle;

    /** The requests after the reset, in order. */
    final List<ObjectNode> requests = new ArrayList<>();
    /** For each request, the index of the step it came from. */
    private final List<Integer> stepOf = new ArrayList<>();
    /** The steps as a trace writes them: each deliver with its bytes. */
    final List<ObjectNode> steps = new ArrayList<>();
    /** Per deliver step index: whether the delivery layer applied it. */
    final Map<Integer, Boolean> applied = new HashMap<>();
    /** Per check step index: the keys it lists (every key any node holds) and the copies in flight. */
    final Map<Integer, List<Long>> checkKeys = new HashMap<>();
    final Map<Integer, Integer> checkInFlight = new HashMap<>();
    /** Node names and width of the init; dedup of the delivery layer. */
    List<String> names = List.of();
    int width;
    boolean dedup;

    private MultiNodePlan() {
    }

    /** The plan of {@code steps} (the first is the cache init). */
    static MultiNodePlan of(List<ObjectNode> steps) {
        synchronized (MultiNodePlan.class) {
            MultiNodePlan plan = new MultiNodePlan();
            ask(JSON.objectNode().put("op", "reset"));
            plan.build(steps);
            return plan;
        }
    }

    /** One request to the plan's own model adapter (opened once, reset per plan). */
    private static JsonNode ask(ObjectNode request) {
        try {
            if (oracle == null) {
                oracle = AdapterCatalog.discover().opener("model").get();
                oracle.hello();
            }
            return oracle.execute(List.of(request), ORACLE_TIMEOUT).get(0);
        } catch (AdapterFault e) {
            throw new IllegalStateException("the model adapter failed while planning: " + e.getMessage(), e);
        }
    }

    /** The step that request {@code i} (0-based, after the reset) came from. */
    int stepOf(int request) {
        return stepOf.get(request);
    }

    private void build(List<ObjectNode> in) {
        Network network = null;
        Map<String, JsonNode> issued = new HashMap<>();
        for (int i = 0; i < in.size(); i++) {
            ObjectNode s = in.get(i);
            String op = s.path("op").asText();
            if (network == null && !op.equals("init")) {
                throw new IllegalArgumentException(op + " before init");
            }
            ObjectNode written = s;
            switch (op) {
                case "init": {
                    if (network != null) {
                        throw new IllegalArgumentException("a second init");
                    }
                    List<String> list = new ArrayList<>();
                    s.get("nodes").forEach(n -> list.add(n.asText()));
                    names = List.copyOf(list);
                    width = s.get("width").asInt();
                    dedup = s.get("dedup").asBoolean();
                    network = new Network(names, dedup);
                    ObjectNode init = JSON.objectNode().put("op", "init").put("kind", "cache").put("width", width);
                    init.set("nodes", s.get("nodes").deepCopy());
                    request(init, i);
                    JsonNode created = ask(init);
                    if (created.has("error")) {
                        throw new IllegalArgumentException("the model refuses this init: " + created.get("error").asText());
                    }
                    break;
                }
                case "load": case "put": case "get": case "swap":
                    nodeStep(s, op, i, network, issued);
                    break;
                case "send":
                    network.send(s.get("from").asText(), s.get("to").asText(), seq(s));
                    break;
                case "duplicate":
                    network.duplicate(s.get("from").asText(), s.get("to").asText(), seq(s));
                    break;
                case "drop":
                    network.drop(s.get("from").asText(), s.get("to").asText(), seq(s));
                    break;
                case "partition": {
                    List<String> side = new ArrayList<>();
                    s.get("isolate").forEach(n -> side.add(n.asText()));
                    network.partition(side);
                    break;
                }
                case "heal":
                    network.heal();
                    break;
                case "deliver":
                    written = deliver(s, i, network, issued);
                    break;
                case "check":
                    List<Long> keys = network.allKeys();
                    checkKeys.put(i, keys);
                    checkInFlight.put(i, network.inFlight());
                    for (String name : names) {
                        for (long key : keys) {
                            request(JSON.objectNode().put("op", "get").put("node", name).put("addr", Hex.format(key)), i);
                        }
                    }
                    break;
                default:
                    throw new IllegalArgumentException("not a multi-node op the fuzzer plans: " + op);
            }
            steps.add(written);
        }
    }

    private void nodeStep(ObjectNode s, String op, int i, Network network, Map<String, JsonNode> issued) {
        String name = s.get("node").asText();
        network.requireNode("node", name);
        long addr = Hex.parse(s.get("addr").asText());
        request(s, i); // sent as drawn (steps are never mutated), as single-node steps are
        JsonNode reply = ask(s);
        if (reply.has("error")) {
            return; // the model answers an error: nothing issued, nothing held (as the runner counts it)
        }
        if (op.equals("put")) {
            issued.put(name + ":" + network.issue(name), reply.get("message"));
        }
        if (!op.equals("get")) {
            network.touch(name, addr);
        }
    }

    private ObjectNode deliver(ObjectNode s, int i, Network network, Map<String, JsonNode> issued) {
        String from = s.get("from").asText();
        String to = s.get("to").asText();
        long seq = seq(s);
        boolean apply = network.deliver(from, to, seq); // throws unless a copy is in flight on an uncut link
        JsonNode m = issued.get(from + ":" + seq);
        long addr = Hex.parse(m.get("addr").asText());
        String bytes = MultiNodeOps.encode(addr, Hex.parse(m.get("delta").asText()), Hex.parse(m.get("seq").asText()));
        ObjectNode written = JSON.objectNode().put("op", "deliver").put("from", from).put("to", to)
                .put("seq", s.get("seq").asText()).put("bytes", bytes);
        applied.put(i, apply);
        if (apply) {
            network.touch(to, addr);
            ObjectNode receive = JSON.objectNode().put("op", MultiNodeOps.RECEIVE).put("node", to).put("from", from)
                    .put("bytes", bytes);
            request(receive, i);
            ask(receive);
        }
        return written;
    }

    private void request(ObjectNode request, int step) {
        requests.add(request);
        stepOf.add(step);
    }

    private static long seq(JsonNode s) {
        return Hex.parse(s.get("seq").asText());
    }
}
