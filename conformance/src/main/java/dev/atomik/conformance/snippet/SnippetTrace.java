package dev.atomik.conformance.snippet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.trace.Trace;
import dev.atomik.conformance.trace.TraceFormatException;
import dev.atomik.conformance.trace.TraceParser;
import dev.atomik.conformance.trace.TraceProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one segment of a snippet into a golden-format trace (header plus one line per statement)
 * and validates it with the trace parser, so a snippet obeys exactly the rules a trace file does;
 * a problem is reported against the statement it comes from.
 */
public final class SnippetTrace {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnippetTrace() {
    }

    /** The NDJSON text of the trace {@code area/name} checking {@code clauses}. */
    public static String ndjson(String id, String description, List<String> clauses, List<SnippetStep> steps) {
        String kind = "wire";
        Set<Integer> widths = new TreeSet<>();
        Set<String> ops = new TreeSet<>();
        int contexts = 1;
        int nodes = 1;
        for (SnippetStep s : steps) {
            ObjectNode step = s.step();
            ops.add(s.op());
            if (!s.op().equals("init")) {
                continue;
            }
            kind = step.path("kind").asText(kind);
            int width = step.path("width").asInt(-1);
            boolean fails = step.has("expect_error");
            // TRACE-HEADER-1: every legal width an init uses, even one failing for another reason (BAD_SIZE).
            if (width >= 1 && width <= 64) {
                widths.add(width);
            }
            if (kind.equals("table") && !fails && step.path("size").asInt(0) > contexts) {
                contexts = step.path("size").asInt();
            }
            if (kind.equals("cache")) {
                nodes = Math.max(nodes, step.path("nodes").size());
            }
        }
        ObjectNode header = JSON.createObjectNode();
        header.put("atomik_trace", 1).put("spec", "1.0").put("id", id).put("description", description);
        ArrayNode c = header.putArray("clauses");
        clauses.forEach(c::add);
        ObjectNode requires = header.putObject("requires");
        requires.put("kind", kind);
        ArrayNode w = requires.putArray("widths");
        widths.forEach(w::add);
        requires.put("contexts", contexts);
        ArrayNode o = requires.putArray("ops");
        ops.forEach(o::add);
        requires.put("nodes", nodes);
        header.putObject("origin").put("kind", "handwritten");
        StringBuilder out = new StringBuilder(header.toString()).append('\n');
        steps.forEach(s -> out.append(s.step().toString()).append('\n'));
        return out.toString();
    }

    /**
     * Parses the segment as a trace.
     *
     * @throws SnippetException naming the statement a problem is on (line 1 is the header, line
     *                          n + 1 the n-th statement)
     */
    public static Trace parse(TraceParser parser, String id, String description, List<String> clauses,
                              List<SnippetStep> steps, String source) throws SnippetException {
        String text = ndjson(id, description, clauses, steps);
        Path file = Path.of(id + ".ndjson");
        try {
            return parser.parse(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (TraceFormatException e) {
            TraceProblem p = e.problems().get(0);
            int index = p.line() - 2;
            String where = index >= 0 && index < steps.size()
                    ? source + (steps.get(index).line() > 0 ? ":" + steps.get(index).line() : "") + ": \""
                            + steps.get(index).text() + "\": "
                    : source + ": ";
            String more = e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more)" : "";
            throw new SnippetException(where + p.reason() + more);
        }
    }
}
