package dev.atomik.conformance.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The semantic rules of one trace, applied after the schema: TRACE-STEP-1 per step (operands of each
 * op, expectation shapes, VAL-HEX-1 inside expectations) and, once every step is read, the parts of
 * TRACE-HEADER-1 that compare the header with the steps. Kind-dependent checks are skipped when the
 * header itself was unreadable ({@code kind == null}).
 */
final class StepRules {
    private static final Set<String> MESSAGE_FIELDS = Set.of("addr", "delta", "seq");

    private final String kind;
    private final TraceParser.Problems problems;
    private final Set<String> usedOps = new LinkedHashSet<>();
    private final Set<String> checkOps = new TreeSet<>();
    private final Set<Integer> createdWidths = new TreeSet<>();
    private long largestTable = 1;
    private boolean created;
    private int firstStepLine = -1;

    StepRules(String kind, TraceParser.Problems problems) {
        this.kind = kind;
        this.problems = problems;
    }

    Set<String> usedOps() {
        return usedOps;
    }

    /** Records the op of a step that failed the schema, so it still counts as used. */
    void noteOp(String op) {
        usedOps.add(op);
    }

    Set<String> checkOps() {
        return checkOps;
    }

    Step check(ObjectNode node, int number, int line) {
        if (firstStepLine < 0) {
            firstStepLine = line;
        }
        String op = node.get("op").asText();
        usedOps.add(op);
        JsonNode expect = node.get("expect");
        String expectError = node.hasNonNull("expect_error") ? node.get("expect_error").asText() : null;
        if (expect != null && expectError != null) {
            problems.add(line, "a step has at most one of expect and expect_error");
        }
        if (kind != null) {
            checkOperands(node, op, line);
            checkExpectation(op, expect, expectError, line);
            trackCreation(node, op, expectError, line);
        }
        return Step.of(node, number, line);
    }

    private void checkOperands(ObjectNode node, String op, int line) {
        Ops.Rule rule = Ops.rule(op);
        if (!rule.kinds().contains(kind)) {
            problems.add(line, "op " + op + " does not apply to kind " + kind + " (it applies to "
                    + new TreeSet<>(rule.kinds()) + ")");
            return;
        }
        List<String> required = new ArrayList<>();
        Set<String> allowed = new LinkedHashSet<>();
        for (String operand : rule.required()) {
            if (operand.equals(Ops.ADDRESSED)) {
                if (!kind.equals("context")) {
                    required.add("addr");
                }
            } else {
                required.add(operand);
            }
        }
        allowed.addAll(required);
        allowed.addAll(rule.optional());
        if (op.equals("init")) {
            String initKind = node.path("kind").asText();
            allowed.removeAll(List.of("size", "addresses", "queue"));
            if (initKind.equals("table")) {
                required.add("size");
                allowed.add("size");
            } else if (initKind.equals("stream")) {
                allowed.addAll(List.of("addresses", "queue"));
            }
            if (node.has("kind") && !initKind.equals(kind)) {
                problems.add(line, "init kind " + initKind + " differs from the header's requires.kind " + kind);
            }
        }
        if (kind.equals("cache")) {
            allowed.add("node");
        }
        for (String operand : required) {
            if (!node.has(operand)) {
                problems.add(line, op + " needs " + operand);
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (Ops.ANNOTATIONS.contains(field) || allowed.contains(field)) {
                continue;
            }
            String why = field.equals("addr") && kind.equals("context")
                    ? "addr: a single context has no address (only tables and streams do)"
                    : field + " is not an operand of " + op + (allowed.isEmpty() ? " (it takes none)"
                    : " (operands: " + String.join(", ", allowed) + ")");
            problems.add(line, why);
        }
    }

    private void checkExpectation(String op, JsonNode expect, String expectError, int line) {
        if (op.equals("check")) {
            if (expectError != null) {
                problems.add(line, "check takes no expect_error");
            }
            checkCheck(expect, line);
            return;
        }
        if (expect == null) {
            return;
        }
        switch (Ops.resultOf(op, kind)) {
            case OK:
                problems.add(line, "expect: " + op + " on a " + kind + " returns no result (use expect_error, or nothing)");
                break;
            case VALUE:
                requireHex(expect, "expect", line);
                break;
            case MESSAGE:
                requireMessage(expect, "expect", line);
                break;
            case MESSAGES:
                if (!expect.isArray()) {
                    problems.add(line, "expect: expected a list of messages [{\"addr\",\"delta\",\"seq\"}, ...]");
                } else {
                    for (int i = 0; i < expect.size(); i++) {
                        requireMessage(expect.get(i), "expect[" + i + "]", line);
                    }
                }
                break;
            case BYTES:
                if (!expect.isTextual() || !Hex.isBytes(expect.asText())) {
                    problems.add(line, "expect: expected an even number of hex digits without 0x, like \"00ff\"");
                }
                break;
            default:
                throw new IllegalStateException("unhandled result shape");
        }
    }

    private void checkCheck(JsonNode expect, int line) {
        if (expect == null || !expect.isObject()) {
            problems.add(line, "check needs expect: {\"cells\":[{\"addr\",\"state\",\"count\"}], \"epoch\", \"pending\"}");
            return;
        }
        int quantities = 0;
        for (Iterator<String> it = expect.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            JsonNode value = expect.get(field);
            switch (field) {
                case "cells":
                    quantities += checkCells(value, line);
                    break;
                case "epoch": case "pending":
                    if (!kind.equals("stream")) {
                        problems.add(line, "expect." + field + ": only a stream has " + field);
                    }
                    requireHex(value, "expect." + field, line);
                    checkOps.add(field);
                    quantities++;
                    break;
                default:
                    problems.add(line, "expect: unknown check member \"" + field + "\" (cells, epoch, pending)");
            }
        }
        if (quantities == 0) {
            problems.add(line, "check lists nothing to check");
        }
    }

    private int checkCells(JsonNode cells, int line) {
        if (!cells.isArray()) {
            problems.add(line, "expect.cells: expected a list of {\"addr\",\"state\",\"count\"}");
            return 0;
        }
        int quantities = 0;
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            String where = "expect.cells[" + i + "]";
            if (!cell.isObject()) {
                problems.add(line, where + ": expected an object {\"addr\",\"state\",\"count\"}");
                continue;
            }
            if (kind.equals("context") ? cell.has("addr") : !cell.has("addr")) {
                problems.add(line, where + (cell.has("addr") ? ": a single context has no address"
                        : ": needs addr"));
            }
            for (Iterator<String> it = cell.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                switch (field) {
                    case "addr":
                        requireHex(cell.get(field), where + ".addr", line);
                        break;
                    case "state":
                        requireHex(cell.get(field), where + ".state", line);
                        checkOps.add("read");
                        quantities++;
                        break;
                    case "count":
                        requireHex(cell.get(field), where + ".count", line);
                        checkOps.add("count");
                        quantities++;
                        break;
                    default:
                        problems.add(line, where + ": unknown member \"" + field + "\" (addr, state, count)");
                }
            }
        }
        return quantities;
    }

    private void requireHex(JsonNode node, String where, int line) {
        if (node == null || !node.isTextual() || !Hex.isValue(node.asText())) {
            problems.add(line, where + ": expected a hex string like \"0x0\" (VAL-HEX-1)");
        }
    }

    private void requireMessage(JsonNode node, String where, int line) {
        if (node == null || !node.isObject()) {
            problems.add(line, where + ": expected a message {\"addr\",\"delta\",\"seq\"}");
            return;
        }
        for (String field : MESSAGE_FIELDS) {
            requireHex(node.get(field), where + "." + field, line);
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!MESSAGE_FIELDS.contains(field)) {
                problems.add(line, where + ": unknown message field \"" + field + "\" (addr, delta, seq)");
            }
        }
    }

    /** Tracks what the trace creates: widths, table sizes, and whether anything exists to operate on. */
    private void trackCreation(ObjectNode node, String op, String expectError, int line) {
        if (op.equals("init")) {
            int width = node.path("width").asInt();
            boolean legalWidth = width >= 1 && width <= 64;
            if (legalWidth) {
                createdWidths.add(width);
                if (node.path("kind").asText().equals("table") && node.path("size").asLong() >= 1) {
                    largestTable = Math.max(largestTable, node.path("size").asLong());
                }
            }
            if (expectError == null) {
                created = true;
            }
            return;
        }
        boolean needsObject = !op.equals("encode") && !op.equals("decode") && !kind.equals("wire");
        if (needsObject && !created && Ops.rule(op).kinds().contains(kind)) {
            problems.addDependent(line, op + " before any init that succeeds (nothing exists yet to operate on)");
        }
    }

    /** TRACE-HEADER-1: the header's requirements describe exactly what the steps do. */
    void checkHeaderAgainstSteps(Requirements requires) {
        checkOpsDeclared(requires);
        Set<Integer> declaredWidths = new TreeSet<>(requires.widths());
        if (!declaredWidths.equals(createdWidths)) {
            problems.addDependent(1, "requires.widths is " + declaredWidths + " but the steps create widths "
                    + createdWidths + " (list every legal width an init uses)");
        }
        long expectedContexts = kind.equals("table") ? largestTable : 1;
        if (requires.contexts() != expectedContexts) {
            problems.addDependent(1, "requires.contexts is " + requires.contexts() + " but the largest table the steps create has "
                    + expectedContexts + (kind.equals("table") ? "" : " (1 for kind " + kind + ")"));
        }
        if (requires.nodes() != 1) {
            problems.add(1, "requires.nodes must be 1 for kind " + kind);
        }
    }

    private void checkOpsDeclared(Requirements requires) {
        checkOpsDeclared(requires, usedOps, problems);
    }

    /** TRACE-HEADER-1: {@code requires.ops} lists exactly the ops the steps use (shared with kind cache). */
    static void checkOpsDeclared(Requirements requires, Set<String> usedOps, TraceParser.Problems problems) {
        Set<String> declared = new TreeSet<>(requires.ops());
        Set<String> used = new TreeSet<>(usedOps);
        if (!declared.equals(used)) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(declared);
            Set<String> unused = new TreeSet<>(declared);
            unused.removeAll(used);
            problems.addDependent(1, "requires.ops must list exactly the ops the steps use"
                    + (missing.isEmpty() ? "" : "; missing " + missing)
                    + (unused.isEmpty() ? "" : "; not used " + unused));
        }
    }
}
