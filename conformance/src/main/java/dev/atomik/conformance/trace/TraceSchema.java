package dev.atomik.conformance.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON Schema of a trace line ({@code atomik/trace.schema.json}), compiled once per JVM. Its
 * messages are rewritten into the short {@code field: reason} form the rest of the validator uses.
 */
public final class TraceSchema {
    public static final String RESOURCE = "/atomik/trace.schema.json";
    private static final Set<String> HEX_FIELDS = Set.of("addr", "value", "delta", "seq", "from");
    private static final Set<String> MULTI_NODE_HEX_FIELDS = Set.of("addr", "value", "seq");

    private final JsonSchema header;
    private final JsonSchema step;
    private final JsonSchema multiNodeStep;

    private TraceSchema(JsonNode root) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        this.header = factory.getSchema(entry(root, "header"));
        this.step = factory.getSchema(entry(root, "step"));
        this.multiNodeStep = factory.getSchema(entry(root, "multiNodeStep"));
    }

    /** The schema document with its root pointing at one of its {@code $defs}. */
    private static ObjectNode entry(JsonNode root, String def) {
        ObjectNode copy = root.deepCopy();
        copy.put("$id", root.path("$id").asText() + "/" + def);
        copy.put("$ref", "#/$defs/" + def);
        return copy;
    }

    private static final class Holder {
        static final TraceSchema INSTANCE = load();
    }

    /** The packaged schema, compiled on first use. */
    public static TraceSchema get() {
        return Holder.INSTANCE;
    }

    private static TraceSchema load() {
        try (InputStream in = TraceSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("trace schema " + RESOURCE + " missing from the classpath");
            }
            return new TraceSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems of a header line, as {@code field: reason}; empty when it matches. */
    public List<String> checkHeader(JsonNode line) {
        return validate(header, line, false);
    }

    /** Problems of a step line, as {@code field: reason}; empty when it matches. */
    public List<String> checkStep(JsonNode line) {
        return validate(step, line, false);
    }

    /** Problems of a step line of a multi-node (kind cache) trace, as {@code field: reason}; empty when it matches. */
    public List<String> checkMultiNodeStep(JsonNode line) {
        return validate(multiNodeStep, line, true);
    }

    /** A validator failure on some odd value is reported as a problem of the line, never thrown. */
    private static List<String> validate(JsonSchema schema, JsonNode line, boolean multiNode) {
        try {
            return describe(schema.validate(line), multiNode);
        } catch (RuntimeException e) {
            return List.of("the schema check could not evaluate this line (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check its numbers and strings");
        }
    }

    private static List<String> describe(Set<ValidationMessage> messages, boolean multiNode) {
        List<String> out = new ArrayList<>(messages.size());
        for (ValidationMessage m : messages) {
            String reason = describe(m, multiNode);
            if (!out.contains(reason)) {
                out.add(reason);
            }
        }
        return out;
    }

    private static String describe(ValidationMessage m, boolean multiNode) {
        String path = m.getInstanceLocation().toString();
        String field = path.startsWith("$.") ? path.substring(2) : path.equals("$") ? "" : path;
        String type = m.getType();
        boolean shape = "type".equals(type) || "pattern".equals(type);
        if (multiNode && shape && (field.equals("node") || field.equals("from") || field.equals("to")
                || field.startsWith("isolate[") || field.startsWith("nodes["))) {
            return field + ": expected a node name: one capital letter, A, B, C, ...";
        }
        if (shape && (multiNode ? MULTI_NODE_HEX_FIELDS : HEX_FIELDS).contains(field)) {
            return field + ": expected a hex string like \"0x0\" (VAL-HEX-1)";
        }
        if (shape && "bytes".equals(field)) {
            return "bytes: expected an even number of hex digits without 0x, like \"00ff\"";
        }
        if (("enum".equals(type) || "anyOf".equals(type)) && field.startsWith("requires.ops[")) {
            return field + ": unknown op " + m.getInstanceNode();
        }
        if ("enum".equals(type) && "expect_error".equals(field)) {
            return "expect_error: " + m.getInstanceNode() + " is not a code a trace may expect; expected one of "
                    + new java.util.TreeSet<>(ErrorCodes.EXPECTABLE) + " (TRACE-STEP-1)";
        }
        if ("enum".equals(type) && "op".equals(field)) {
            return "op: unknown op " + m.getInstanceNode() + "; expected one of "
                    + (multiNode ? new java.util.TreeSet<>(MultiNodeOps.ALL) : Ops.all());
        }
        if ("additionalProperties".equals(type)) {
            String where = field.isEmpty() ? "" : field + ": ";
            return where + "unknown field \"" + m.getProperty() + "\"";
        }
        String text = m.getMessage();
        if (text.startsWith(path + ": ")) {
            text = text.substring(path.length() + 2);
        }
        return field.isEmpty() ? text : field + ": " + text;
    }
}
