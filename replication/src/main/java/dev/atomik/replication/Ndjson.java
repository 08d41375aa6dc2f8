package dev.atomik.replication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** NDJSON as trace-format.md fixes it: UTF-8, one compact JSON object per line, '\n' endings. */
public final class Ndjson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Ndjson() {
    }

    public static String write(List<? extends JsonNode> lines) {
        StringBuilder out = new StringBuilder();
        for (JsonNode line : lines) {
            try {
                out.append(MAPPER.writeValueAsString(line)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + line, e);
            }
        }
        return out.toString();
    }

    public static void write(Path file, List<? extends JsonNode> lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, write(lines).getBytes(StandardCharsets.UTF_8));
    }

    /** Parses every line; an error names the line and what was wrong, never a stack trace. */
    public static List<JsonNode> read(String text, String source) {
        List<JsonNode> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int last = lines.length;
        if (last > 0 && lines[last - 1].isEmpty()) {
            last--; // the final '\n'
        }
        for (int i = 0; i < last; i++) {
            try {
                JsonNode node = MAPPER.readTree(lines[i]);
                if (node == null || !node.isObject()) {
                    throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected one JSON object");
                }
                out.add(node);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": not JSON: " + e.getOriginalMessage());
            }
        }
        return out;
    }

    public static List<JsonNode> read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }
}
