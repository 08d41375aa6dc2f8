package dev.atomik.conformance.adapters.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The process adapter's own judgement of a single protocol line, for the spec-example checker: a
 * hello as the handshake reads it (PROTO-HELLO-1) and a reply as the reply reader checks its shape
 * (PROTO-REPLY-1). The same code the adapter runs, without a process.
 */
public final class ProtocolLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProtocolLines() {
    }

    /** Null when {@code line} is an acceptable hello, else the HANDSHAKE fault the adapter would report. */
    public static String helloProblem(String line) {
        ObjectNode json = object(line);
        if (json == null) {
            return "HANDSHAKE: first line is not a hello: not one JSON object";
        }
        try {
            ProcessAdapter.parseHello(json);
            return null;
        } catch (IllegalArgumentException e) {
            return "HANDSHAKE: " + e.getMessage();
        }
    }

    /**
     * Null when {@code line} is a well-formed reply to request {@code id} of {@code op}, else the
     * BAD_REPLY fault the adapter would report.
     */
    public static String replyProblem(String line, long id, String op) {
        ObjectNode json = object(line);
        if (json == null) {
            return "FRAMING: not one JSON object";
        }
        try {
            ReplyShape.check(json, id, op);
            return null;
        } catch (IllegalArgumentException e) {
            return "BAD_REPLY: " + e.getMessage();
        }
    }

    private static ObjectNode object(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node instanceof ObjectNode o ? o : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
