package dev.atomik.cli.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON run report ({@code atomik conformance run --json}, conformance/INTERPRETING.md), reduced
 * to what the results matrix shows: who ran (name and version from its hello) and how each trace ended.
 */
record RunReport(Path file, String name, String version, String adapter, Map<String, TraceCell> traces) {

    /** How one trace ended for this implementation, and the first divergence when it failed. */
    record TraceCell(String id, String status, String reason, Integer step, String op, String expected, String actual,
                     List<String> clauses) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException naming the file and what was expected, for anything but a run report */
    static RunReport read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read a JSON run report: " + firstLine(e.getMessage()));
        }
        if (root == null || !"atomik-conformance".equals(root.path("report").asText())) {
            throw new IllegalArgumentException(file + ": not a conformance run report (expected \"report\": "
                    + "\"atomik-conformance\", as written by atomik conformance run --json)");
        }
        if (!root.path("traces").isArray()) {
            throw new IllegalArgumentException(file + ": run report without a \"traces\" list");
        }
        JsonNode adapter = root.path("adapter");
        Map<String, TraceCell> traces = new LinkedHashMap<>();
        for (JsonNode t : root.path("traces")) {
            List<String> clauses = new ArrayList<>();
            t.path("clauses").forEach(c -> clauses.add(c.asText()));
            String id = t.path("id").asText(null);
            if (id == null) {
                throw new IllegalArgumentException(file + ": a trace entry without an \"id\"");
            }
            traces.put(id, new TraceCell(id, t.path("status").asText("error"), t.path("reason").asText(null),
                    t.hasNonNull("failed_step") ? t.get("failed_step").asInt() : null, t.path("op").asText(null),
                    t.path("expected").asText(null), t.path("actual").asText(null), clauses));
        }
        return new RunReport(file, adapter.path("name").asText(adapter.path("spec").asText("?")),
                adapter.path("version").asText("?"), adapter.path("spec").asText(""), traces);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.split("\n", 2)[0];
    }
}
