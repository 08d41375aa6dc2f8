package dev.atomik.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.trace.Hex;
import dev.atomik.conformance.trace.MultiNodeOps;
import dev.atomik.conformance.trace.Network;
import dev.atomik.conformance.trace.ResultShape;
import dev.atomik.conformance.trace.Step;
import dev.atomik.conformance.trace.StepCursor;
import dev.atomik.conformance.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a multi-node (kind {@code cache}) trace, as spec/trace-format-multinode.md says: the runner
 * holds the in-flight pool and the delivery layer ({@link Network}); node steps become requests that
 * name their node; an applied {@code deliver} becomes one {@code receive} carrying the 16 wire
 * bytes, a filtered one becomes nothing; {@code check} becomes one {@code get} per node and key,
 * plus the runner's own verdicts on {@code converged} and {@code in_flight}; {@code snapshot}
 * becomes gets at the source and loads at the target.
 *
 * <p>No request depends on a reply except a snapshot's loads, so requests are batched up to each
 * snapshot (usually the whole trace is one batch) and judged in order afterwards. A deliver sends
 * the trace's bytes; when judged, they are compared with the encoding of the message the
 * implementation reported for that put. If the put's reply differed, the put step has already
 * failed, so sending the trace's bytes never hides a wrong message.
 */
final class MultiNodeExecutor {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One thing to judge, in step order: a request and its expected reply, or a verdict of the runner alone. */
    private record Item(Step step, Probe probe, Local local) {
    }

    /** A runner-side check, judged in step order with the replies; null means it agrees. */
    private interface Local {
        Verdict judge();
    }

    /** A local disagreement: what was expected, what was found, why. */
    private record Verdict(String label, String expected, String actual, String reason) {
    }

    /**
     * How the trace ended when it did not pass: the step, its op label, expected and actual, the
     * reason; {@code fault} names a PROTO-FAULT-1 kind (then the adapter was reopened), else null.
     */
    record Outcome(Integer failedStep, String op, String expected, String actual, String reason, String fault) {
    }

    private final Trace trace;
    private final AdapterSession session;
    private Network network;
    /** The messages the implementation reported for each put, as wire bytes, by "node:seq". */
    private final Map<String, String> reported = new HashMap<>();
    /** States read by the current check, by node then key. */
    private final Map<String, Map<Long, Long>> checkStates = new HashMap<>();
    /** Items of the current batch; flushed at a snapshot and at the end. */
    private final List<Item> batch = new ArrayList<>();
    /** Replies of judged requests, by probe identity. */
    private final Map<Probe, ObjectNode> replies = new IdentityHashMap<>();
    private boolean resetSent;

    MultiNodeExecutor(Trace trace, AdapterSession session) {
        this.trace = trace;
        this.session = session;
    }

    /** Runs the whole trace; null when every step agreed. */
    Outcome run() {
        try (StepCursor steps = trace.openSteps()) {
            while (steps.hasNext()) {
                Step step = steps.next();
                plan(step);
                if (step.op().equals("snapshot")) {
                    Outcome o = flushSnapshot(step);
                    if (o != null) {
                        return o;
                    }
                }
            }
        }
        return flush();
    }

    // ---- planning ------------------------------------------------------------------------------

    private void plan(Step step) {
        ObjectNode s = step.request();
        switch (step.op()) {
            case "init": {
                List<String> names = new ArrayList<>();
                s.get("nodes").forEach(n -> names.add(n.asText()));
                network = new Network(names, s.get("dedup").asBoolean());
                ObjectNode init = JSON.objectNode().put("op", "init").put("kind", "cache")
                        .put("width", s.get("width").asInt());
                init.set("nodes", s.get("nodes").deepCopy());
                if (s.has("capacity")) {
                    init.put("capacity", s.get("capacity").asInt());
                }
                request(step, "init", init, null, step.expectError());
                return;
            }
            case "load": case "get": case "swap":
                request(step, step.op(), s.deepCopy(), step.expect(), step.expectError());
                if (!step.op().equals("get") && step.expectError() == null) {
                    network.touch(s.get("node").asText(), Hex.parse(s.get("addr").asText()));
                }
                return;
            case "put":
                planPut(step, s);
                return;
            case "send":
                network.send(s.get("from").asText(), s.get("to").asText(), seq(s));
                return;
            case "duplicate":
                network.duplicate(s.get("from").asText(), s.get("to").asText(), seq(s));
                return;
            case "drop":
                network.drop(s.get("from").asText(), s.get("to").asText(), seq(s));
                return;
            case "partition": {
                List<String> side = new ArrayList<>();
                s.get("isolate").forEach(n -> side.add(n.asText()));
                network.partition(side);
                return;
            }
            case "heal":
                network.heal();
                return;
            case "deliver":
                planDeliver(step, s);
                return;
            case "snapshot":
                planSnapshotGets(step, s);
                return;
            case "check":
                planCheck(step);
                return;
            default:
                throw new IllegalStateException("unhandled multi-node op " + step.op());
        }
    }

    private void planPut(Step step, ObjectNode s) {
        String node = s.get("node").asText();
        boolean issues = step.expectError() == null;
        long seq = network.nextSeq(node);
        if (issues) {
            network.issue(node);
            network.touch(node, Hex.parse(s.get("addr").asText()));
        }
        Probe probe = new Probe(step, "put", s.deepCopy(), ResultShape.MESSAGE, step.expect(), step.expectError());
        batch.add(new Item(step, probe, null));
        // Remembered when judged: what this put reported is what a later deliver must carry.
        local(step, () -> {
            JsonNode reply = replies.get(probe);
            if (issues && reply != null && reply.has("message")) {
                JsonNode m = reply.get("message");
                reported.put(node + ":" + seq, MultiNodeOps.encode(Hex.parse(m.get("addr").asText()),
                        Hex.parse(m.get("delta").asText()), Hex.parse(m.get("seq").asText())));
            }
            return null;
        });
    }

    private void planDeliver(Step step, ObjectNode s) {
        String from = s.get("from").asText();
        String to = s.get("to").asText();
        long seq = seq(s);
        String bytes = s.get("bytes").asText().toLowerCase(java.util.Locale.ROOT);
        boolean applied = network.deliver(from, to, seq);
        local(step, () -> {
            String issued = reported.get(from + ":" + seq);
            if (issued == null) {
                return new Verdict("deliver: bytes", "the message " + from + " reported for its put of seq "
                        + Hex.format(seq), "none", "the implementation reported no such message for a put");
            }
            if (!issued.equals(bytes)) {
                return new Verdict("deliver: bytes", bytes, issued,
                        "the trace delivers other bytes than the message the implementation issued (WIRE-FIELDS-1)");
            }
            return null;
        });
        if (step.expect() != null && step.expect().asText().equals("applied") != applied) {
            // The validator rejects this; kept so a trace built in memory cannot pass wrongly.
            local(step, () -> new Verdict("deliver", step.expect().asText(),
                    applied ? "applied" : "filtered", "the runner's delivery layer (REP-DEDUP-1)"));
        }
        if (applied) {
            if (step.expectError() == null) {
                network.touch(to, MultiNodeOps.addrOf(bytes));
            }
            ObjectNode receive = JSON.objectNode().put("op", MultiNodeOps.RECEIVE).put("node", to).put("from", from)
                    .put("bytes", bytes);
            request(step, "deliver (receive)", receive, null, step.expectError());
        }
    }

    /** The gets of a snapshot; its loads are planned from their replies in {@link #flushSnapshot}. */
    private void planSnapshotGets(Step step, ObjectNode s) {
        String from = s.get("from").asText();
        for (long key : network.keysOf(from)) {
            request(step, "snapshot: get@" + Hex.format(key), get(from, key), null, null);
        }
    }

    private void planCheck(Step step) {
        JsonNode expect = step.expect();
        JsonNode nodes = expect.path("nodes");
        local(step, () -> {
            checkStates.clear(); // at judge time: this check's gets follow
            return null;
        });
        for (String name : network.names()) {
            for (JsonNode cell : nodes.path(name)) {
                long key = Hex.parse(cell.get("addr").asText());
                Probe probe = new Probe(step, "check: " + name + " state@" + Hex.format(key) + " (get)", get(name, key),
                        ResultShape.VALUE, cell.get("state"), null);
                batch.add(new Item(step, probe, null));
                local(step, () -> {
                    JsonNode reply = replies.get(probe);
                    if (reply != null && reply.has("value")) {
                        checkStates.computeIfAbsent(name, n -> new HashMap<>()).put(key, Hex.parse(reply.get("value").asText()));
                    }
                    return null;
                });
            }
        }
        if (expect.has("converged")) {
            boolean expected = expect.get("converged").asBoolean();
            local(step, () -> {
                boolean agree = converged();
                return agree == expected ? null : new Verdict("check: converged", String.valueOf(expected),
                        String.valueOf(agree), "whether every node reads the same state at every key (REP-CONV-1)");
            });
        }
        if (expect.has("in_flight")) {
            int expected = expect.get("in_flight").asInt();
            int actual = network.inFlight();
            local(step, () -> actual == expected ? null : new Verdict("check: in_flight",
                    String.valueOf(expected), String.valueOf(actual), "copies in the runner's pool"));
        }
    }

    private boolean converged() {
        Map<Long, Long> first = null;
        for (Map<Long, Long> states : checkStates.values()) {
            if (first == null) {
                first = states;
            } else if (!first.equals(states)) {
                return false;
            }
        }
        return true;
    }

    private void request(Step step, String label, ObjectNode request, JsonNode expected, String expectedError) {
        String op = request.get("op").asText();
        batch.add(new Item(step, new Probe(step, label, request, MultiNodeOps.resultOf(op), expected, expectedError), null));
    }

    private void local(Step step, Local check) {
        batch.add(new Item(step, null, check));
    }

    private static ObjectNode get(String node, long key) {
        return JSON.objectNode().put("op", "get").put("node", node).put("addr", Hex.format(key));
    }

    private static long seq(ObjectNode s) {
        return Hex.parse(s.get("seq").asText());
    }

    // ---- execution -----------------------------------------------------------------------------

    /** Sends the batch (after the reset, the first time), judges it in order, and returns the first disagreement or fault. */
    private Outcome flush() {
        List<Item> items = new ArrayList<>(batch);
        batch.clear();
        List<ObjectNode> requests = new ArrayList<>();
        boolean withReset = !resetSent;
        if (withReset) {
            requests.add(Probe.reset());
            resetSent = true;
        }
        List<Probe> probes = new ArrayList<>();
        for (Item item : items) {
            if (item.probe() != null) {
                probes.add(item.probe());
                requests.add(item.probe().request());
            }
        }
        List<ObjectNode> answers;
        try {
            answers = requests.isEmpty() ? List.of() : session.execute(requests);
        } catch (AdapterFault fault) {
            session.reopen();
            int index = fault.requestIndex() - (withReset ? 1 : 0);
            if (withReset && fault.requestIndex() == 0) {
                return new Outcome(null, null, null, null, "at reset: " + plain(fault), fault.kind().name());
            }
            Probe at = index >= 0 && index < probes.size() ? probes.get(index) : null;
            return new Outcome(at == null ? null : at.step().number(), at == null ? null : at.label(), null, null,
                    (at == null ? "" : "at step " + at.step().number() + ": ") + plain(fault), fault.kind().name());
        }
        int r = 0;
        if (withReset) {
            ObjectNode reset = answers.get(r++);
            if (ReplyCheck.shapeProblem(ResultShape.OK, reset) != null || reset.has("error")) {
                session.reopen();
                return new Outcome(null, null, null, null, "at reset: reset answered " + reset, "BAD_REPLY");
            }
        }
        for (Item item : items) {
            if (item.local() != null) {
                Verdict v = item.local().judge();
                if (v != null) {
                    return new Outcome(item.step().number(), v.label(), v.expected(), v.actual(), v.reason(), null);
                }
                continue;
            }
            Probe probe = item.probe();
            ObjectNode reply = answers.get(r++);
            replies.put(probe, reply);
            ReplyCheck.Verdict verdict = ReplyCheck.judge(probe, reply);
            switch (verdict.kind()) {
                case AGREE:
                    continue;
                case BAD_REPLY:
                    session.reopen();
                    return new Outcome(probe.step().number(), probe.label(), verdict.expected(), verdict.actual(),
                            "at step " + probe.step().number() + ": " + verdict.reason(), "BAD_REPLY");
                default:
                    return new Outcome(probe.step().number(), probe.label(), verdict.expected(), verdict.actual(),
                            verdict.reason(), null);
            }
        }
        return null;
    }

    /** An AdapterFault's message without its "KIND at request N: " prefix. */
    private static String plain(AdapterFault fault) {
        String m = fault.getMessage();
        return m.startsWith(fault.kind().name()) && m.contains(": ") ? m.substring(m.indexOf(": ") + 2) : m;
    }

    /** Flushes up to a snapshot's gets, then plans its loads from the values read and marks the delivery. */
    private Outcome flushSnapshot(Step step) {
        String from = step.request().get("from").asText();
        String to = step.request().get("to").asText();
        List<Long> keys = network.keysOf(from);
        List<Probe> gets = new ArrayList<>();
        for (Item item : batch) {
            if (item.probe() != null && item.probe().step() == step) {
                gets.add(item.probe());
            }
        }
        Outcome o = flush();
        if (o != null) {
            return o;
        }
        for (int i = 0; i < keys.size(); i++) {
            ObjectNode reply = replies.get(gets.get(i));
            ObjectNode load = JSON.objectNode().put("op", "load").put("node", to).put("addr", Hex.format(keys.get(i)));
            load.set("value", reply.get("value").deepCopy());
            request(step, "snapshot: load@" + Hex.format(keys.get(i)), load, null, null);
        }
        network.snapshot(from, to);
        return null;
    }
}
