package dev.atomik.conformance.adapters.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * A fast path for the plain lines that make up almost all protocol traffic: one object of ASCII
 * strings without escapes, integers, booleans, null, nested objects and arrays. Anything else (an
 * escape, a non-ASCII byte, a fraction, a duplicate key, bad syntax) returns null and the caller
 * parses the line with Jackson, which then also produces the exact error message. The fast path
 * therefore only ever accepts lines Jackson would accept, and builds the same tree.
 *
 * <p>Why: a Jackson parser costs more to set up than these lines cost to read, and both ends of a
 * pipelined exchange read hundreds of thousands of lines per second.
 */
final class FastLineParser {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Nesting deeper than this is left to Jackson (protocol lines nest two levels at most). */
    private static final int MAX_DEPTH = 8;

    /** Member names of the protocol, reused instead of allocating a String per name per line. */
    private static final String[] NAMES = {"in_reply_to", "id", "op", "value", "ok", "message", "messages", "bytes",
        "error", "addr", "delta", "seq", "from", "kind", "width", "size", "type"};
    private static final byte[][] NAME_BYTES = new byte[NAMES.length][];

    static {
        for (int k = 0; k < NAMES.length; k++) {
            NAME_BYTES[k] = NAMES[k].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final byte[] b;
    private final int end;
    private int i;

    private FastLineParser(byte[] bytes, int offset, int length) {
        this.b = bytes;
        this.i = offset;
        this.end = offset + length;
    }

    /** The line's object, or null when the line is outside the fast subset. */
    static ObjectNode tryParse(byte[] bytes, int offset, int length) {
        FastLineParser p = new FastLineParser(bytes, offset, length);
        p.skipBlanks();
        if (!p.at('{')) {
            return null;
        }
        ObjectNode object = p.object(0);
        if (object == null) {
            return null;
        }
        p.skipBlanks();
        return p.i == p.end ? object : null;
    }

    private boolean at(char c) {
        return i < end && b[i] == c;
    }

    private void skipBlanks() {
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) {
            i++;
        }
    }

    /** Parses an object whose '{' is at i. */
    private ObjectNode object(int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        i++;
        LinkedHashMap<String, JsonNode> members = new LinkedHashMap<>(8);
        skipBlanks();
        if (at('}')) {
            i++;
            return new ObjectNode(NODES, members);
        }
        while (true) {
            skipBlanks();
            String name = name();
            if (name == null) {
                return null;
            }
            skipBlanks();
            if (!at(':')) {
                return null;
            }
            i++;
            skipBlanks();
            JsonNode value = value(depth);
            if (value == null || members.put(name, value) != null) {
                return null; // bad value, or a duplicate name (Jackson's strict detection rejects it too)
            }
            skipBlanks();
            if (at(',')) {
                i++;
            } else if (at('}')) {
                i++;
                return new ObjectNode(NODES, members);
            } else {
                return null;
            }
        }
    }

    private ArrayNode array(int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        i++;
        ArrayNode array = NODES.arrayNode();
        skipBlanks();
        if (at(']')) {
            i++;
            return array;
        }
        while (true) {
            skipBlanks();
            JsonNode value = value(depth);
            if (value == null) {
                return null;
            }
            array.add(value);
            skipBlanks();
            if (at(',')) {
                i++;
            } else if (at(']')) {
                i++;
                return array;
            } else {
                return null;
            }
        }
    }

    private JsonNode value(int depth) {
        if (i >= end) {
            return null;
        }
        byte c = b[i];
        switch (c) {
            case '"': {
                String text = string();
                return text == null ? null : NODES.textNode(text);
            }
            case '{': return object(depth + 1);
            case '[': return array(depth + 1);
            case 't': return literal("true") ? NODES.booleanNode(true) : null;
            case 'f': return literal("false") ? NODES.booleanNode(false) : null;
            case 'n': return literal("null") ? NODES.nullNode() : null;
            default: return c == '-' || (c >= '0' && c <= '9') ? integer() : null;
        }
    }

    private boolean literal(String word) {
        if (end - i < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        i += word.length();
        return true;
    }

    /** A member name: a known protocol name without allocation, else as {@link #string()}. */
    private String name() {
        if (!at('"')) {
            return null;
        }
        int start = i + 1;
        int close = start;
        while (close < end && b[close] != '"' && b[close] != '\\') {
            close++;
        }
        if (close < end && b[close] == '"') {
            int length = close - start;
            for (int k = 0; k < NAMES.length; k++) {
                byte[] known = NAME_BYTES[k];
                if (known.length == length && java.util.Arrays.equals(b, start, close, known, 0, length)) {
                    i = close + 1;
                    return NAMES[k];
                }
            }
        }
        return string();
    }

    /** A string of printable ASCII without escapes; null otherwise (Jackson handles the rest). */
    private String string() {
        if (!at('"')) {
            return null;
        }
        int start = ++i;
        while (i < end) {
            byte c = b[i];
            if (c == '"') {
                String text = new String(b, start, i - start, StandardCharsets.ISO_8859_1);
                i++;
                return text;
            }
            if (c == '\\' || c < 0x20) { // an escape, a control byte, or (negative) a non-ASCII byte
                return null;
            }
            i++;
        }
        return null;
    }

    /** An integer of at most 18 digits (always fits a long); fractions and exponents go to Jackson. */
    private JsonNode integer() {
        boolean negative = at('-');
        if (negative) {
            i++;
        }
        int start = i;
        long value = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            value = value * 10 + (b[i] - '0');
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > 18 || (digits > 1 && b[start] == '0')) {
            return null;
        }
        if (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) {
            return null;
        }
        long signed = negative ? -value : value;
        return signed == (int) signed ? NODES.numberNode((int) signed) : NODES.numberNode(signed);
    }
}
