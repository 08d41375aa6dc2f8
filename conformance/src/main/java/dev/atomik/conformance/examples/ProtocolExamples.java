package dev.atomik.conformance.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapter.CapabilitiesJson;
import dev.atomik.conformance.adapters.model.ModelAdapter;
import dev.atomik.conformance.adapters.process.ProcessAdapter;
import dev.atomik.conformance.adapters.process.ProtocolLines;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.CapabilityCheck;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.trace.Trace;
import dev.atomik.conformance.trace.TraceFormatException;
import dev.atomik.conformance.trace.TraceParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The examples of the protocol and the trace format, each judged by the code that judges the real
 * thing. Forms (spec/examples.md):
 * <pre>
 * hello JSON → accepted | HANDSHAKE["text"]
 * reply OP JSON → ok | BAD_REPLY["text"]
 * caps JSON on TRACE → runs | skip["text"]
 * validate line N JSON → valid | "text"          validate header JSON → valid | "text"
 * process exits at step N with status S on TRACE → error "text"
 * </pre>
 * A quoted text must appear in what the code reports.
 */
final class ProtocolExamples {
    static final Set<String> KINDS = Set.of("hello", "reply", "caps", "validate", "process");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ARROW = Pattern.compile("\\s*(?:→|->)\\s*");
    private static final Pattern PROCESS = Pattern.compile(
            "process exits at step (\\d+) with status (\\d+) on (\\S+)");

    private final Path root;
    private final TraceParser parser;

    ProtocolExamples(Path root, TraceParser parser) {
        this.root = root;
        this.parser = parser;
    }

    /** Null when the statement holds, else what the code said instead. */
    String check(String statement, String clause) {
        String[] sides = ARROW.split(statement, 2);
        if (sides.length < 2) {
            return "no '→ outcome' to check";
        }
        String lhs = sides[0].strip();
        Outcome want = Outcome.of(sides[1].strip());
        String kind = lhs.split("\\s+", 2)[0];
        String rest = lhs.substring(kind.length()).strip();
        switch (kind) {
            case "hello":
                return judge(want, ProtocolLines.helloProblem(rest), "accepted");
            case "reply": {
                String[] parts = rest.split("\\s+", 2);
                JsonNode reply = json(parts.length > 1 ? parts[1] : "");
                long id = reply == null ? 0 : reply.path("in_reply_to").asLong(0);
                return judge(want, ProtocolLines.replyProblem(parts.length > 1 ? parts[1] : "", id, parts[0]), "ok");
            }
            case "caps":
                return caps(rest, want);
            case "validate":
                return validate(rest, clause, want);
            case "process":
                return process(lhs, want);
            default:
                return "unknown example form " + kind;
        }
    }

    /** What an example says happens: a word (accepted, BAD_REPLY, skip …) and an optional quoted text. */
    record Outcome(String word, String text) {
        static Outcome of(String rhs) {
            String word = rhs;
            String text = null;
            int quote = rhs.indexOf('"');
            if (quote >= 0 && rhs.endsWith("\"") && rhs.length() > quote + 1) {
                word = rhs.substring(0, quote).replace(":", "").strip();
                text = rhs.substring(quote + 1, rhs.length() - 1).replace("\\\"", "\"");
            }
            return new Outcome(word, text);
        }
    }

    /** Compares a problem (null = fine) with the outcome; {@code fine} is the word for no problem. */
    private static String judge(Outcome want, String problem, String fine) {
        if (problem == null) {
            return want.word().equals(fine) ? null : "the runner accepts it (" + fine + "), the example says " + want.word();
        }
        if (want.word().equals(fine)) {
            return "the runner reports " + problem + ", the example says " + fine;
        }
        if (!want.word().isEmpty() && !problem.startsWith(want.word())) {
            return "the runner reports " + problem + ", the example says " + want.word();
        }
        if (want.text() != null && !problem.contains(want.text())) {
            return "the runner reports \"" + problem + "\", which does not contain \"" + want.text() + "\"";
        }
        return null;
    }

    private String caps(String rest, Outcome want) {
        int on = rest.lastIndexOf(" on ");
        if (on < 0) {
            return "expected: caps {…} on TRACE-ID → runs | skip";
        }
        JsonNode patch = json(rest.substring(0, on));
        if (!(patch instanceof ObjectNode)) {
            return "the capabilities are not a JSON object";
        }
        ObjectNode caps = ModelAdapter.capabilities().toJsonV1();
        patch.fields().forEachRemaining(e -> caps.set(e.getKey(), e.getValue()));
        Capabilities parsed;
        try {
            parsed = CapabilitiesJson.parse(caps, 1);
        } catch (IllegalArgumentException e) {
            return judge(want, "HANDSHAKE: " + e.getMessage(), "runs");
        }
        Trace trace = golden(rest.substring(on + 4).strip());
        if (trace == null) {
            return "no golden trace " + rest.substring(on + 4).strip() + " under conformance/traces";
        }
        String missing = CapabilityCheck.missing(trace, parsed);
        return judge(want, missing == null ? null : "skip: " + missing, "runs");
    }

    private Trace golden(String id) {
        Path file = root.resolve("conformance/traces").resolve(id + ".ndjson");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return parser.parse(file);
        } catch (TraceFormatException e) {
            return null;
        }
    }

    /** {@code line N JSON} replaces line N of a small valid table trace; {@code header JSON} patches its header. */
    private String validate(String rest, String clause, Outcome want) {
        Matcher line = Pattern.compile("line (\\d+) (.*)").matcher(rest);
        boolean header = rest.startsWith("header ");
        if (!header && !line.matches()) {
            return "expected: validate line N {…} or validate header {…}";
        }
        JsonNode given = json(header ? rest.substring("header ".length()) : line.group(2));
        if (!(given instanceof ObjectNode)) {
            return "the line is not a JSON object";
        }
        int n = header ? 1 : Integer.parseInt(line.group(1));
        if (!header && n < 3) {
            return "a replaced step is on line 3 or later (line 1 is the header, line 2 the init)";
        }
        List<String> steps = new java.util.ArrayList<>();
        steps.add("{\"op\":\"init\",\"kind\":\"table\",\"width\":64,\"size\":4}");
        for (int i = 3; i < (header ? 3 : n); i++) {
            steps.add("{\"op\":\"read\",\"addr\":\"0x0\"}");
        }
        Set<String> ops = new TreeSet<>(List.of("init"));
        if (steps.size() > 1) {
            ops.add("read");
        }
        if (!header) {
            steps.add(given.toString());
            if (given.path("op").isTextual()) {
                ops.add(given.get("op").asText());
            }
        }
        ObjectNode h = JSON.createObjectNode();
        h.put("atomik_trace", 1).put("spec", "1.0").put("id", "examples/validate").put("description", "an example");
        h.putArray("clauses").add(clause);
        ObjectNode req = h.putObject("requires");
        req.put("kind", "table");
        req.putArray("widths").add(64);
        req.put("contexts", 4);
        ArrayNode o = req.putArray("ops");
        ops.forEach(o::add);
        req.put("nodes", 1);
        h.putObject("origin").put("kind", "handwritten");
        if (header) {
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                h.set(e.getKey(), e.getValue());
            }
        }
        String text = h + "\n" + String.join("\n", steps) + "\n";
        try {
            parser.parse(Path.of("examples/validate.ndjson"), text.getBytes(StandardCharsets.UTF_8));
            return judge(want, null, "valid");
        } catch (TraceFormatException e) {
            String all = String.join("; ", e.problems().stream().map(p -> "line " + p.line() + ": " + p.reason()).toList());
            if (want.word().equals("valid")) {
                return "the trace parser reports " + all + ", the example says valid";
            }
            return want.text() == null || all.contains(want.text()) ? null
                    : "the trace parser reports \"" + all + "\", which does not contain \"" + want.text() + "\"";
        }
    }

    /**
     * A process that answers {@code ok} to the reset and every step before step N, then exits with
     * status S: run on the golden trace by the real process adapter and runner.
     */
    private String process(String lhs, Outcome want) {
        Matcher m = PROCESS.matcher(lhs);
        if (!m.matches()) {
            return "expected: process exits at step N with status S on TRACE-ID → error \"text\"";
        }
        int step = Integer.parseInt(m.group(1));
        Trace trace = golden(m.group(3));
        if (trace == null) {
            return "no golden trace " + m.group(3) + " under conformance/traces";
        }
        String hello = "{\"type\":\"hello\",\"protocol\":1,\"name\":\"exits-at-step\",\"version\":\"0\",\"capabilities\":"
                + ModelAdapter.capabilities().toJsonV1() + "}";
        String script = "printf '%s\\n' '" + hello + "'; read -r _; n=0; while IFS= read -r line; do "
                + "if [ \"$n\" -eq " + step + " ]; then exit " + m.group(2) + "; fi; "
                + "id=${line#*\\\"id\\\":}; id=${id%%[,\\}]*}; printf '{\"in_reply_to\":%s,\"ok\":true}\\n' \"$id\"; "
                + "n=$((n+1)); done";
        Duration timeout = Duration.ofSeconds(5);
        try (AdapterSession session = new AdapterSession("process", () -> ProcessAdapter.start(
                List.of("sh", "-c", script), root, true, timeout), timeout)) {
            TraceResult r = new Runner().runTrace(new LoadedTrace(trace.file(), trace.id(), trace, List.of()), session);
            String got = r.status().name().toLowerCase() + " " + r.reason();
            if (!want.word().equals(r.status().name().toLowerCase())) {
                return "the runner ends the trace " + got + ", the example says " + want.word();
            }
            return want.text() == null || got.contains(want.text()) ? null
                    : "the runner reports \"" + got + "\", which does not contain \"" + want.text() + "\"";
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
