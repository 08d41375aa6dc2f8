package dev.atomik.conformance.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The semantic rules of a multi-node (kind {@code cache}) trace, applied after the schema
 * (spec/trace-format-multinode.md): the operands of each op, the shape of each expectation, and the
 * validity of the schedule. The trace owns the network, so the schedule is checked by running a
 * {@link Network} over it: {@code send} names a seq its sender has issued, {@code duplicate},
 * {@code drop} and {@code deliver} name a copy in flight, no deliver crosses a partition, a
 * snapshot has nothing in flight to its target and a source holding every write, a deliver's
 * {@code bytes} encode the message its put issued and its {@code expect} is what the delivery layer
 * does, and a {@code check}'s {@code in_flight} and {@code converged} agree with the pool and with
 * its own states.
 */
final class MultiNodeRules {
    private static final Map<String, List<String>> OPERANDS = Map.ofEntries(
            Map.entry("init", List.of("kind", "width", "nodes", "dedup")),
            Map.entry("load", List.of("node", "addr", "value")),
            Map.entry("put", List.of("node", "addr", "value")),
            Map.entry("get", List.of("node", "addr")),
            Map.entry("swap", List.of("node", "addr", "value")),
            Map.entry("send", List.of("from", "to", "seq")),
            Map.entry("duplicate", List.of("from", "to", "seq")),
            Map.entry("drop", List.of("from", "to", "seq")),
            Map.entry("deliver", List.of("from", "to", "seq", "bytes")),
            Map.entry("partition", List.of("isolate")),
            Map.entry("heal", List.of()),
            Map.entry("snapshot", List.of("from", "to")),
            Map.entry("check", List.of()));

    /** Operands a step may leave out: a cache init's key capacity defaults to the implementation's. */
    private static final Map<String, List<String>> OPTIONAL = Map.of("init", List.of("capacity"));

    private final TraceParser.Problems problems;
    private final Set<String> usedOps = new LinkedHashSet<>();
    private Network network;
    private int width = -1;
    private boolean initSeen;
    /** The init expects an error: it creates nothing, so it is the trace's only step. */
    private boolean initRefused;
    /** The message each expected put issued, as wire bytes, by "node:seq". */
    private final Map<String, String> expectedBytes = new HashMap<>();

    MultiNodeRules(TraceParser.Problems problems) {
        this.problems = problems;
    }

    Set<String> usedOps() {
        return usedOps;
    }

    /** Records the op of a step that failed the schema, so it still counts as used. */
    void noteOp(String op) {
        usedOps.add(op);
    }

    Step check(ObjectNode node, int number, int line) {
        String op = node.get("op").asText();
        usedOps.add(op);
        JsonNode expect = node.get("expect");
        String expectError = node.hasNonNull("expect_error") ? node.get("expect_error").asText() : null;
        int before = problemCount();
        checkOperands(node, op, line);
        checkExpectationShape(op, expect, expectError, line);
        if (problemCount() == before) {
            try {
                simulate(node, op, expect, expectError, line);
            } catch (IllegalArgumentException impossible) {
                problems.addDependent(line, impossible.getMessage());
            }
        }
        return Step.of(node, number, line);
    }

    private int problemCount() {
        return problems.size();
    }

    private void checkOperands(ObjectNode node, String op, int line) {
        List<String> operands = OPERANDS.get(op);
        for (String operand : operands) {
            if (!node.has(operand)) {
                problems.add(line, op + " needs " + operand);
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Ops.ANNOTATIONS.contains(field) && !operands.contains(field)
                    && !OPTIONAL.getOrDefault(op, List.of()).contains(field)) {
                problems.add(line, field + " is not an operand of " + op + (operands.isEmpty() ? " (it takes none)"
                        : " (operands: " + String.join(", ", operands) + ")"));
            }
        }
        if (node.has("expect") && node.has("expect_error")) {
            problems.add(line, "a step has at most one of expect and expect_error");
        }
        if (node.has("expect_error") && !MultiNodeOps.CAN_FAIL.contains(op)) {
            problems.add(line, "expect_error: only init, load, put, get, swap and deliver reach a node and can fail");
        }
        if (initRefused && !op.equals("init")) {
            problems.addDependent(line, op + " after an init that expects an error (it creates no node; "
                    + "such a trace has the init only)");
        }
        if (op.equals("init")) {
            if (initSeen) {
                problems.addDependent(line, "a multi-node trace has exactly one init, its first step");
            }
        } else if (!initSeen) {
            problems.addDependent(line, op + " before init (the first step creates the nodes)");
        }
    }

    private void checkExpectationShape(String op, JsonNode expect, String expectError, int line) {
        if (op.equals("check")) {
            if (expect == null || !expect.isObject()) {
                problems.add(line, "check needs expect: {\"converged\", \"nodes\": {\"A\": [{\"addr\",\"state\"}]}, \"in_flight\"}");
            }
            return;
        }
        if (expect == null) {
            return;
        }
        switch (op) {
            case "put":
                requireMessage(expect, line);
                break;
            case "get": case "swap":
                requireHex(expect, "expect", line);
                break;
            case "deliver":
                if (!expect.isTextual() || !(expect.asText().equals("applied") || expect.asText().equals("filtered"))) {
                    problems.add(line, "expect: a deliver expects \"applied\" or \"filtered\"");
                }
                break;
            default:
                problems.add(line, "expect: " + op + " has no result (use nothing"
                        + (MultiNodeOps.NODE_OPS.contains(op) ? ", or expect_error)" : ")"));
        }
    }

    /** Runs the step on the network model; an impossible step throws with the reason. */
    private void simulate(ObjectNode s, String op, JsonNode expect, String expectError, int line) {
        switch (op) {
            case "init":
                init(s, expectError, line);
                return;
            case "load": case "put": case "get": case "swap": {
                String node = s.get("node").asText();
                network.requireNode("node", node);
                if (expectError != null || op.equals("get")) {
                    return;
                }
                long addr = Hex.parse(s.get("addr").asText());
                if (op.equals("put")) {
                    long seq = network.nextSeq(node);
                    if (expect != null) {
                        checkPutExpect(expect, addr, node, seq, line);
                        expectedBytes.put(node + ":" + seq, MultiNodeOps.encode(Hex.parse(expect.get("addr").asText()),
                                Hex.parse(expect.get("delta").asText()), seq));
                    }
                    network.issue(node);
                }
                network.touch(node, addr);
                return;
            }
            case "send":
                network.send(s.get("from").asText(), s.get("to").asText(), Hex.parse(s.get("seq").asText()));
                return;
            case "duplicate":
                network.duplicate(s.get("from").asText(), s.get("to").asText(), Hex.parse(s.get("seq").asText()));
                return;
            case "drop":
                network.drop(s.get("from").asText(), s.get("to").asText(), Hex.parse(s.get("seq").asText()));
                return;
            case "deliver":
                deliver(s, expect, expectError, line);
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
            case "snapshot":
                network.snapshot(s.get("from").asText(), s.get("to").asText());
                return;
            case "check":
                checkCheck(expect, line);
                return;
            default:
                throw new IllegalStateException("unhandled multi-node op " + op);
        }
    }

    private void init(ObjectNode s, String expectError, int line) {
        initSeen = true;
        initRefused = expectError != null;
        if (!s.get("kind").asText().equals("cache")) {
            problems.add(line, "init kind " + s.get("kind").asText() + " differs from the header's requires.kind cache");
        }
        width = s.get("width").asInt();
        if ((width < 1 || width > 64) && !"BAD_WIDTH".equals(expectError)) {
            problems.add(line, "width: a cache node's width is 1..64 (VAL-WIDTH-1); an init of another width "
                    + "expects BAD_WIDTH");
        }
        if (s.has("capacity")) {
            JsonNode capacity = s.get("capacity");
            boolean legalWidth = width >= 1 && width <= 64;
            if (!capacity.isIntegralNumber() || !capacity.canConvertToInt()) {
                problems.add(line, "capacity: expected an integer, the keys each node can hold");
            } else if (capacity.asInt() < 1 && legalWidth && !"BAD_SIZE".equals(expectError)) {
                problems.add(line, "capacity: a cache node holds at least 1 key; an init of capacity "
                        + capacity.asInt() + " expects BAD_SIZE");
            }
        }
        List<String> names = new ArrayList<>();
        s.get("nodes").forEach(n -> names.add(n.asText()));
        for (int i = 0; i < names.size(); i++) {
            String expected = String.valueOf((char) ('A' + i));
            if (!names.get(i).equals(expected)) {
                problems.add(line, "nodes: nodes are named A, B, C, ... in order; node " + (i + 1) + " is "
                        + names.get(i) + ", expected " + expected);
                return;
            }
        }
        if (names.size() < 2) {
            problems.add(line, "nodes: a multi-node trace has at least 2 nodes");
        }
        network = new Network(names, s.get("dedup").asBoolean());
    }

    private void checkPutExpect(JsonNode expect, long addr, String node, long seq, int line) {
        if (Hex.parse(expect.get("addr").asText()) != addr) {
            problems.add(line, "expect.addr: a put issues a message for its own addr " + Hex.format(addr));
        }
        if (Hex.parse(expect.get("seq").asText()) != seq) {
            problems.addDependent(line, "expect.seq: this is " + node + "'s put number " + seq + ", so it issues seq "
                    + Hex.format(seq) + " (STR-SEQ-1)");
        }
    }

    private void deliver(ObjectNode s, JsonNode expect, String expectError, int line) {
        String from = s.get("from").asText();
        String to = s.get("to").asText();
        long seq = Hex.parse(s.get("seq").asText());
        String bytes = s.get("bytes").asText().toLowerCase(java.util.Locale.ROOT);
        if (bytes.length() != 2 * MultiNodeOps.WIRE_BYTES) {
            problems.add(line, "bytes: a message is 16 bytes (32 hex digits) on the wire (WIRE-LEN-1)");
            return;
        }
        if (MultiNodeOps.seqOf(bytes) != seq) {
            problems.add(line, "bytes: their seq field is " + Hex.format(MultiNodeOps.seqOf(bytes))
                    + " but the step delivers seq " + Hex.format(seq));
        }
        String issued = expectedBytes.get(from + ":" + seq);
        if (issued != null && !issued.equals(bytes)) {
            problems.addDependent(line, "bytes: " + bytes + " do not encode the message " + from + "'s put issued as seq "
                    + Hex.format(seq) + " (" + issued + ", WIRE-FIELDS-1)");
        }
        boolean applied = network.deliver(from, to, seq);
        if (expectError != null && !applied) {
            problems.addDependent(line, "expect_error: the delivery layer of " + to + " filters this copy (REP-DEDUP-1), "
                    + "so it never reaches the node and cannot fail");
        }
        if (applied && expectError == null) {
            network.touch(to, MultiNodeOps.addrOf(bytes));
        }
        if (expect != null && expect.asText().equals("applied") != applied) {
            problems.addDependent(line, "expect: the delivery layer of " + to + " " + (applied ? "applies" : "filters")
                    + " this copy (de-duplication " + (network.dedup() ? "on" : "off") + ", REP-DEDUP-1), not "
                    + expect.asText());
        }
    }

    private void checkCheck(JsonNode expect, int line) {
        Boolean converged = null;
        JsonNode nodes = null;
        for (Iterator<String> it = expect.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            JsonNode value = expect.get(field);
            switch (field) {
                case "converged":
                    if (!value.isBoolean()) {
                        problems.add(line, "expect.converged: expected true or false");
                    } else {
                        converged = value.asBoolean();
                    }
                    break;
                case "in_flight":
                    if (!value.isIntegralNumber()) {
                        problems.add(line, "expect.in_flight: expected a small integer");
                    } else if (value.asInt() != network.inFlight()) {
                        problems.addDependent(line, "expect.in_flight is " + value.asInt() + " but the trace has "
                                + network.inFlight() + " copies in flight here");
                    }
                    break;
                case "nodes":
                    nodes = value;
                    break;
                default:
                    problems.add(line, "expect: unknown check member \"" + field + "\" (converged, nodes, in_flight)");
            }
        }
        if (nodes == null || !nodes.isObject()) {
            problems.add(line, "expect.nodes: expected {\"A\": [{\"addr\",\"state\"}], ...} naming every node");
            return;
        }
        List<Long> keys = network.allKeys();
        Map<Long, Set<Long>> statesByKey = new HashMap<>();
        for (String name : network.names()) {
            JsonNode cells = nodes.get(name);
            String where = "expect.nodes." + name;
            if (cells == null || !cells.isArray()) {
                problems.add(line, where + ": a check lists every node's state (expected a list of {\"addr\",\"state\"})");
                continue;
            }
            List<Long> listed = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                JsonNode cell = cells.get(i);
                String at = where + "[" + i + "]";
                if (!cell.isObject() || cell.size() != 2 || !cell.has("addr") || !cell.has("state")) {
                    problems.add(line, at + ": expected exactly {\"addr\",\"state\"}");
                    continue;
                }
                if (requireHex(cell.get("addr"), at + ".addr", line) && requireHex(cell.get("state"), at + ".state", line)) {
                    long addr = Hex.parse(cell.get("addr").asText());
                    listed.add(addr);
                    statesByKey.computeIfAbsent(addr, k -> new java.util.HashSet<>()).add(Hex.parse(cell.get("state").asText()));
                }
            }
            if (!new TreeSet<>(listed).equals(new TreeSet<>(keys)) || listed.size() != keys.size()) {
                problems.addDependent(line, where + ": a check lists each key any node holds, once: expected addrs "
                        + keys.stream().map(Hex::format).toList() + ", found " + listed.stream().map(Hex::format).toList());
            }
        }
        for (Iterator<String> it = nodes.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!network.names().contains(name)) {
                problems.addDependent(line, "expect.nodes: no node " + name + " (init created " + network.names() + ")");
            }
        }
        if (converged != null) {
            boolean agree = statesByKey.values().stream().allMatch(states -> states.size() == 1);
            if (agree != converged) {
                problems.addDependent(line, "expect.converged is " + converged + " but the states it lists "
                        + (agree ? "agree at every key" : "differ at some key"));
            }
        }
    }

    private boolean requireHex(JsonNode node, String where, int line) {
        if (node == null || !node.isTextual() || !Hex.isValue(node.asText())) {
            problems.add(line, where + ": expected a hex string like \"0x0\" (VAL-HEX-1)");
            return false;
        }
        return true;
    }

    private void requireMessage(JsonNode node, int line) {
        if (node == null || !node.isObject() || node.size() != 3) {
            problems.add(line, "expect: a put expects the message it issues {\"addr\",\"delta\",\"seq\"}");
            return;
        }
        for (String field : List.of("addr", "delta", "seq")) {
            requireHex(node.get(field), "expect." + field, line);
        }
    }

    /** TRACE-HEADER-1 for kind cache: the header describes exactly what the steps do. */
    void checkHeaderAgainstSteps(Requirements requires) {
        StepRules.checkOpsDeclared(requires, usedOps, problems);
        if (network != null && requires.nodes() != network.names().size()) {
            problems.addDependent(1, "requires.nodes is " + requires.nodes() + " but init creates " + network.names().size() + " nodes");
        }
        if (width >= 1 && width <= 64 && !requires.widths().equals(List.of(width))) {
            problems.addDependent(1, "requires.widths is " + requires.widths() + " but init creates width " + width);
        }
        if (initSeen && (width < 1 || width > 64) && !requires.widths().isEmpty()) {
            problems.addDependent(1, "requires.widths is " + requires.widths() + " but init creates no node of a legal "
                    + "width (expected [])");
        }
        if (requires.contexts() != 1) {
            problems.add(1, "requires.contexts must be 1 for kind cache");
        }
    }
}
