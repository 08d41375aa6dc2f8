package dev.atomik.conformance.snippet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.trace.ErrorCodes;
import dev.atomik.conformance.trace.MultiNodeOps;
import dev.atomik.conformance.trace.Ops;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the example notation of spec/examples.md into trace steps, one statement to one step:
 * {@code op [@addr] [operands] [name=value …] [→ result]}. Op names and operand names are the trace
 * format's; a kind name ({@code context w=8}, {@code table w=64 n=4}) is an {@code init}.
 */
public final class SnippetParser {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]{1,16}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,10}");
    private static final Pattern HEX_DIGITS = Pattern.compile("[0-9a-fA-F]*");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]+");

    /** Kind words that start an init; {@code ctx} is short for context. */
    private static final Map<String, String> KINDS = Map.of(
            "context", "context", "ctx", "context", "table", "table", "stream", "stream", "cache", "cache");
    /** Short operand names. */
    private static final Map<String, String> ALIASES = Map.of("w", "width", "n", "size");
    /** Operands written without a name, in order, per op. */
    private static final Map<String, List<String>> POSITIONAL = Map.ofEntries(
            Map.entry("load", List.of("value")), Map.entry("accum", List.of("delta")),
            Map.entry("rollback", List.of("delta")), Map.entry("swap", List.of("value")),
            Map.entry("merge", List.of("from")), Map.entry("apply", List.of("delta", "seq")),
            Map.entry("encode", List.of("delta", "seq")), Map.entry("decode", List.of("bytes")),
            Map.entry("put", List.of("value")));
    private static final Set<String> INTEGERS = Set.of("width", "size", "addresses", "queue");
    private static final Set<String> HEX_OPERANDS = Set.of("addr", "value", "delta", "seq");
    private static final Set<String> LISTS = Set.of("nodes", "isolate");

    private final String source;
    private final boolean lineEndsStatement;

    /**
     * @param source            how reports name the input ({@code spec/context.md:14}, {@code <stdin>})
     * @param lineEndsStatement true for files and stdin, where each line may be one statement; false
     *                          for a Markdown example, whose lines are wrapped prose
     */
    public SnippetParser(String source, boolean lineEndsStatement) {
        this.source = source;
        this.lineEndsStatement = lineEndsStatement;
    }

    /** Every op a statement may name. */
    public static Set<String> ops() {
        Set<String> ops = new TreeSet<>(Ops.all());
        ops.addAll(MultiNodeOps.ALL);
        return ops;
    }

    public Snippet parse(String text) throws SnippetException {
        List<SnippetStep> steps = new ArrayList<>();
        String kind = "wire";
        for (Statements.Statement st : Statements.split(source, text, lineEndsStatement)) {
            SnippetStep step = statement(st, kind);
            if (step.op().equals("init")) {
                kind = step.kind();
            }
            steps.add(step);
        }
        if (steps.isEmpty()) {
            throw new SnippetException(source + ": empty snippet: expected statements like 'ctx w=8; load 0x1ff; read'");
        }
        return new Snippet(source, steps);
    }

    private SnippetStep statement(Statements.Statement st, String kind) throws SnippetException {
        String where = source + (lineEndsStatement ? ":" + st.line() : "") + ": \"" + st.text() + "\": ";
        String[] sides = splitArrow(st.text());
        List<String> tokens = tokens(sides[0], where);
        if (tokens.isEmpty()) {
            throw new SnippetException(where + "expected an op before the arrow");
        }
        String first = tokens.get(0).toLowerCase(Locale.ROOT);
        ObjectNode step = JSON.objectNode();
        List<String> rest = new ArrayList<>(tokens.subList(1, tokens.size()));
        String stepKind = kind;
        if (KINDS.containsKey(first)) {
            stepKind = KINDS.get(first);
            step.put("op", "init").put("kind", stepKind);
        } else if (first.equals("init")) {
            step.put("op", "init");
        } else if (ops().contains(first)) {
            step.put("op", first);
        } else {
            throw new SnippetException(where + "unknown op \"" + tokens.get(0) + "\" (known: "
                    + String.join(", ", ops()) + ", or a kind: context/ctx, table, stream, cache)");
        }
        String op = step.get("op").asText();
        List<String> positional = POSITIONAL.getOrDefault(op, List.of());
        int next = 0;
        for (String token : rest) {
            if (token.startsWith("@")) {
                step.put("addr", address(token.substring(1), where));
            } else if (token.startsWith("{")) {
                ObjectNode message = message(token, where);
                message.fields().forEachRemaining(e -> step.set(e.getKey(), e.getValue()));
            } else if (token.contains("=")) {
                int eq = token.indexOf('=');
                String name = token.substring(0, eq).toLowerCase(Locale.ROOT);
                name = ALIASES.getOrDefault(name, name);
                step.set(name, named(name, token.substring(eq + 1), stepKind, where));
            } else if (op.equals("decode")) {
                String bytes = step.has("bytes") ? step.get("bytes").asText() : "";
                step.put("bytes", bytes + bytesToken(token, where));
            } else if (next < positional.size()) {
                String name = positional.get(next++);
                step.set(name, named(name, token, stepKind, where));
            } else {
                throw new SnippetException(where + op + " takes " + (positional.isEmpty() ? "no operand"
                        : positional.size() + " operand(s) in order (" + String.join(", ", positional) + ")")
                        + " besides @addr and name=value; \"" + token + "\" is one too many");
            }
        }
        if (op.equals("init")) {
            if (!step.has("kind")) {
                throw new SnippetException(where + "init needs kind=context|table|stream|cache (or write the kind: 'ctx w=8')");
            }
            stepKind = step.get("kind").asText();
        }
        if (sides[1] != null) {
            expectation(sides[1], op, stepKind, step, where);
        }
        return new SnippetStep(st.text(), st.line(), stepKind, step);
    }

    /** {@code [lhs, rhs]}: the statement cut at its arrow ({@code →} or {@code ->}); rhs null without one. */
    private static String[] splitArrow(String text) {
        int nesting = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '{' || c == '[')) {
                nesting++;
            } else if (!quoted && (c == '}' || c == ']')) {
                nesting--;
            } else if (!quoted && nesting == 0) {
                if (c == '→') {
                    return new String[] {text.substring(0, i), text.substring(i + 1).strip()};
                }
                if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '>') {
                    return new String[] {text.substring(0, i), text.substring(i + 2).strip()};
                }
            }
        }
        return new String[] {text, null};
    }

    /** Whitespace-separated tokens; a {@code {…}} group is one token; {@code OP@addr} is two. */
    private static List<String> tokens(String text, String where) throws SnippetException {
        List<String> out = new ArrayList<>();
        StringBuilder t = new StringBuilder();
        int nesting = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                nesting++;
            } else if (c == '}' || c == ']') {
                nesting--;
            }
            if (nesting == 0 && Character.isWhitespace(c)) {
                add(out, t);
            } else if (nesting == 0 && c == '@' && t.length() > 0 && t.indexOf("=") < 0) {
                add(out, t);
                t.append(c);
            } else {
                t.append(c);
            }
        }
        add(out, t);
        return out;
    }

    private static void add(List<String> out, StringBuilder t) {
        if (t.length() > 0) {
            out.add(t.toString());
            t.setLength(0);
        }
    }

    private static JsonNode named(String name, String value, String kind, String where) throws SnippetException {
        if (INTEGERS.contains(name)) {
            if (!DECIMAL.matcher(value).matches() || Long.parseLong(value) > Integer.MAX_VALUE) {
                throw new SnippetException(where + name + ": expected a decimal integer like 8, got \"" + value + "\"");
            }
            return JSON.numberNode(Integer.parseInt(value));
        }
        if (LISTS.contains(name)) {
            ArrayNode list = JSON.arrayNode();
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    list.add(item.strip());
                }
            }
            return list;
        }
        if (name.equals("dedup")) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new SnippetException(where + "dedup: expected true or false, got \"" + value + "\"");
            }
            return JSON.booleanNode(Boolean.parseBoolean(value));
        }
        if (name.equals("bytes")) {
            return JSON.textNode(bytesToken(value, where));
        }
        if (name.equals("from") && !kind.equals("cache")) {
            return JSON.textNode(address(value.startsWith("@") ? value.substring(1) : value, where));
        }
        if (HEX_OPERANDS.contains(name)) {
            return JSON.textNode(hex(name, value, where));
        }
        return JSON.textNode(value);
    }

    /** An address: {@code 0x…}, or a decimal index (so {@code @4} reads as the table's address 4). */
    private static String address(String text, String where) throws SnippetException {
        if (DECIMAL.matcher(text).matches()) {
            return "0x" + Long.toHexString(Long.parseLong(text));
        }
        return hex("addr", text, where);
    }

    private static String hex(String name, String text, String where) throws SnippetException {
        String t = text.replace("\"", "");
        if (!HEX.matcher(t).matches()) {
            throw new SnippetException(where + name + ": bad hex \"" + text
                    + "\" (expected 0x and 1 to 16 hex digits, like 0x1ff)");
        }
        return t.toLowerCase(Locale.ROOT);
    }

    private static String bytesToken(String text, String where) throws SnippetException {
        String t = text.equals("\"\"") ? "" : text.replace("\"", "");
        if (!HEX_DIGITS.matcher(t).matches()) {
            throw new SnippetException(where + "bytes: expected hex digits without 0x (\"\" for none), got \"" + text + "\"");
        }
        return t.toLowerCase(Locale.ROOT);
    }

    /** {@code {addr 0x7, delta 0x5, seq 0x1}} (also {@code addr=…} or {@code "addr":"…"}). */
    private static ObjectNode message(String token, String where) throws SnippetException {
        if (!token.endsWith("}")) {
            throw new SnippetException(where + "a message is written {addr 0x0, delta 0x1, seq 0x1}, got " + token);
        }
        ObjectNode m = JSON.objectNode();
        for (String part : token.substring(1, token.length() - 1).split(",")) {
            String p = part.replace("\"", "").replace(":", " ").replace("=", " ").strip();
            String[] kv = p.split("\\s+");
            if (kv.length != 2 || !List.of("addr", "delta", "seq").contains(kv[0])) {
                throw new SnippetException(where + "a message is written {addr 0x0, delta 0x1, seq 0x1}; cannot read \""
                        + part.strip() + "\"");
            }
            m.put(kv[0], hex(kv[0], kv[1], where));
        }
        return m;
    }

    private static void expectation(String rhs, String op, String kind, ObjectNode step, String where)
            throws SnippetException {
        String r = rhs.strip();
        if (r.isEmpty()) {
            throw new SnippetException(where + "nothing after the arrow: expected a value, an error code or a message");
        }
        if (CODE.matcher(r).matches()) {
            if (!ErrorCodes.isKnown(r)) {
                throw new SnippetException(where + "unknown error code " + r + " (spec/errors.md lists the codes)");
            }
            step.put("expect_error", r);
        } else if (r.equals("applied") || r.equals("filtered")) {
            step.put("expect", r);
        } else if (r.startsWith("{")) {
            step.set("expect", message(r, where));
        } else if (r.startsWith("[")) {
            if (!r.endsWith("]")) {
                throw new SnippetException(where + "a list of messages ends with ']'");
            }
            ArrayNode list = JSON.arrayNode();
            String inner = r.substring(1, r.length() - 1).strip();
            int at = 0;
            while (at < inner.length()) {
                int open = inner.indexOf('{', at);
                int close = inner.indexOf('}', at);
                if (open < 0 || close < open || !inner.substring(at, open).replace(",", "").isBlank()) {
                    throw new SnippetException(where + "a list of messages is written [{addr …, delta …, seq …}, …]");
                }
                list.add(message(inner.substring(open, close + 1), where));
                at = close + 1;
            }
            step.set("expect", list);
        } else if (op.equals("encode")) {
            step.put("expect", bytesToken(r.replaceAll("\\s+", ""), where));
        } else {
            step.put("expect", hex("result", r, where));
        }
    }
}
