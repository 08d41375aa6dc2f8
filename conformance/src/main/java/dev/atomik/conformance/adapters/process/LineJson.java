package dev.atomik.conformance.adapters.process;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads and writes the small JSON objects of the adapter protocol with Jackson's streaming API.
 * {@code ObjectMapper.readTree}/{@code writeTree} set up a databind context per call, which costs
 * more than a whole protocol line; at hundreds of thousands of lines per second that is the
 * difference between pipelining paying off or not.
 */
public final class LineJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LineJson() {
    }

    /** The factory every protocol reader and writer uses. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /**
     * Parses one line holding exactly one JSON value; returns it, or null when that value is not
     * an object.
     *
     * @throws IOException when the line is not JSON, or holds more than one value
     */
    public static ObjectNode readObject(byte[] bytes, int offset, int length) throws IOException {
        ObjectNode fast = FastLineParser.tryParse(bytes, offset, length);
        if (fast != null) {
            return fast;
        }
        try (JsonParser parser = FACTORY.createParser(bytes, offset, length)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                if (first == null) {
                    throw new IOException("no JSON value");
                }
                parser.skipChildren();
                if (parser.nextToken() != null) {
                    throw new IOException("more than one JSON value on the line");
                }
                return null;
            }
            ObjectNode object = readObjectBody(parser);
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON value on the line");
            }
            return object;
        }
    }

    /** The kind of the first value on a line that is not an object ("array", "number", ...), for messages. */
    public static String kindOf(byte[] bytes, int offset, int length) {
        try (JsonParser parser = FACTORY.createParser(bytes, offset, length)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return "nothing";
            }
            switch (token) {
                case START_ARRAY: return "an array";
                case VALUE_STRING: return "a string";
                case VALUE_NUMBER_INT: case VALUE_NUMBER_FLOAT: return "a number";
                case VALUE_TRUE: case VALUE_FALSE: return "a boolean";
                case VALUE_NULL: return "null";
                default: return "an object";
            }
        } catch (IOException e) {
            return "not JSON";
        }
    }

    private static ObjectNode readObjectBody(JsonParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            object.set(name, readValue(parser, parser.nextToken()));
        }
        return object;
    }

    private static JsonNode readValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING: return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT: return NODES.numberNode(parser.getIntValue());
                    case LONG: return NODES.numberNode(parser.getLongValue());
                    default: return NODES.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT: return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE: return NODES.booleanNode(true);
            case VALUE_FALSE: return NODES.booleanNode(false);
            case VALUE_NULL: return NODES.nullNode();
            case START_OBJECT: return readObjectBody(parser);
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, next));
                }
                return array;
            }
            default: throw new IOException("unexpected " + token);
        }
    }

    /** Writes the members of {@code object} (not its braces) with the generator's streaming calls. */
    public static void writeMembers(JsonGenerator out, ObjectNode object) throws IOException {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.writeFieldName(field.getKey());
            write(out, field.getValue());
        }
    }

    /** Writes any JSON value with the generator's streaming calls. */
    public static void write(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case STRING: out.writeString(node.textValue()); break;
            case BOOLEAN: out.writeBoolean(node.booleanValue()); break;
            case NULL: out.writeNull(); break;
            case NUMBER:
                if (node.isInt()) {
                    out.writeNumber(node.intValue());
                } else if (node.isLong()) {
                    out.writeNumber(node.longValue());
                } else if (node.isBigInteger()) {
                    out.writeNumber(node.bigIntegerValue());
                } else {
                    out.writeNumber(node.decimalValue());
                }
                break;
            case OBJECT:
                out.writeStartObject();
                writeMembers(out, (ObjectNode) node);
                out.writeEndObject();
                break;
            case ARRAY:
                out.writeStartArray();
                for (JsonNode item : node) {
                    write(out, item);
                }
                out.writeEndArray();
                break;
            default:
                throw new IOException("cannot write a " + node.getNodeType() + " node");
        }
    }
}
