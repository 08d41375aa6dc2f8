package dev.atomik.conformance.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.spec.ClauseIndex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads one trace file: NDJSON framing, then the JSON Schema of each line, then the semantic rules
 * TRACE-HEADER-1 and TRACE-STEP-1 (spec/trace-format.md). Every problem is collected with its line, so
 * one run of {@code atomik conformance validate} lists them all. Thread-safe.
 */
public final class TraceParser {
    private final Predicate<String> knownClause;
    private final TraceSchema schema;
    private final ObjectMapper mapper;

    /** @param knownClause true for every clause ID that exists in the spec */
    public TraceParser(Predicate<String> knownClause) {
        this.knownClause = knownClause;
        this.schema = TraceSchema.get();
        this.mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // 1e309 as a double is Infinity, which the schema validator cannot compare (found by
                // ParserRobustnessTest); as a BigDecimal it is just a number the schema rejects.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** A parser checking clause IDs against the repository's spec (or the packaged copy). */
    public static TraceParser withSpec() {
        ClauseIndex index = ClauseIndex.load();
        return new TraceParser(index::contains);
    }

    public Trace parse(Path file) throws TraceFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TraceFormatException(file, List.of(new TraceProblem(file, 1, "cannot read: " + e)));
        }
        return parse(file, bytes);
    }

    public Trace parse(Path file, byte[] bytes) throws TraceFormatException {
        Problems problems = new Problems(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(1, "not UTF-8 text");
            throw problems.failure();
        }
        if (!file.getFileName().toString().endsWith(".ndjson")) {
            problems.add(1, "a trace file's name ends in .ndjson");
        }
        List<String> lines = splitLines(text);
        if (lines.isEmpty()) {
            problems.add(1, "empty file: line 1 must be the trace header");
            throw problems.failure();
        }
        TraceHeader header = readHeader(file, lines.get(0), problems);
        String kind = header == null ? null : header.requires().kind();
        StepRules rules = new StepRules(kind, problems);
        MultiNodeRules multiNode = "cache".equals(kind) ? new MultiNodeRules(problems) : null;
        List<Step> steps = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            int line = i + 1;
            ObjectNode node = readObject(lines.get(i), line, problems);
            if (node == null) {
                continue;
            }
            if (multiNode != null) {
                List<String> schemaProblems = schema.checkMultiNodeStep(node);
                schemaProblems.forEach(p -> problems.add(line, p));
                if (schemaProblems.isEmpty()) {
                    steps.add(multiNode.check(node, steps.size() + 1, line));
                } else if (MultiNodeOps.ALL.contains(node.path("op").asText())) {
                    multiNode.noteOp(node.get("op").asText());
                }
                continue;
            }
            List<String> schemaProblems = schema.checkStep(node);
            schemaProblems.forEach(p -> problems.add(line, p));
            if (!schemaProblems.isEmpty() && Ops.all().contains(node.path("op").asText())) {
                rules.noteOp(node.get("op").asText()); // so requires.ops is not also reported
            }
            if (schemaProblems.isEmpty()) {
                steps.add(rules.check(node, steps.size() + 1, line));
            }
        }
        if (lines.size() == 1) {
            problems.add(1, "a trace has at least one step after the header");
        }
        if (header != null && multiNode != null) {
            multiNode.checkHeaderAgainstSteps(header.requires());
        } else if (header != null) {
            rules.checkHeaderAgainstSteps(header.requires());
        }
        if (!problems.isEmpty()) {
            throw problems.failure();
        }
        if (multiNode != null) {
            return new Trace(file, header, steps, MultiNodeOps.protocolOps(multiNode.usedOps()));
        }
        return new Trace(file, header, steps, Ops.protocolOps(rules.usedOps(), rules.checkOps()));
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private ObjectNode readObject(String text, int line, Problems problems) {
        if (text.indexOf('\r') >= 0) {
            problems.add(line, "carriage return: lines end with \\n only");
            return null;
        }
        if (text.isBlank()) {
            problems.add(line, "blank line (a trace has no blank lines)");
            return null;
        }
        if (text.startsWith("//")) {
            problems.add(line, "comment line (not allowed; explanations go in description or note)");
            return null;
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
            problems.add(line, "expected one JSON object, found " + node.getNodeType().toString().toLowerCase());
        } catch (JsonProcessingException e) {
            problems.add(line, "not one JSON object: " + e.getOriginalMessage());
        }
        return null;
    }

    private TraceHeader readHeader(Path file, String text, Problems problems) {
        ObjectNode node = readObject(text, 1, problems);
        if (node == null) {
            return null;
        }
        List<String> schemaProblems = schema.checkHeader(node);
        if (!schemaProblems.isEmpty()) {
            schemaProblems.forEach(p -> problems.add(1, "header: " + p));
            return null;
        }
        String id = node.get("id").asText();
        String expectedSuffix = "/" + id + ".ndjson";
        String path = file.toString().replace('\\', '/');
        if (!path.endsWith(expectedSuffix) && !path.equals(id + ".ndjson")) {
            problems.add(1, "id \"" + id + "\" does not match the file path (expected the file at <traces>"
                    + expectedSuffix + ")");
        }
        List<String> clauses = new ArrayList<>();
        for (JsonNode c : node.get("clauses")) {
            clauses.add(c.asText());
            if (!knownClause.test(c.asText())) {
                problems.add(1, "unknown clause " + c.asText());
            }
        }
        JsonNode req = node.get("requires");
        List<Integer> widths = new ArrayList<>();
        req.get("widths").forEach(w -> widths.add(w.asInt()));
        Set<String> ops = new LinkedHashSet<>();
        req.get("ops").forEach(o -> ops.add(o.asText()));
        Requirements requires = new Requirements(req.get("kind").asText(), widths, req.get("contexts").asLong(),
                ops, req.get("nodes").asInt(), req.path("wide_words").asBoolean(false));
        return new TraceHeader(node.get("atomik_trace").asInt(), node.get("spec").asText(), id,
                node.get("description").asText(), clauses, requires, node.get("origin"));
    }

    /** Collects problems of one file. */
    static final class Problems {
        private final Path file;
        private final List<TraceProblem> list = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        Problems(Path file) {
            this.file = file;
        }

        void add(int line, String reason) {
            if (seen.add(line + ":" + reason)) {
                list.add(new TraceProblem(file, line, reason));
            }
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        int size() {
            return list.size();
        }

        TraceFormatException failure() {
            list.sort((a, b) -> Integer.compare(a.line(), b.line()));
            return new TraceFormatException(file, list);
        }
    }
}
