package dev.atomik.conformance.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.spec.ClauseIndex;
import java.io.IOException;
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
 * one run of {@code atomik conformance validate} lists them all. The file is read line by line, so
 * its size costs time, not memory. Thread-safe.
 */
public final class TraceParser {
    /** Traces with at most this many steps keep them in memory (the golden ones have a few hundred). */
    public static final int IN_MEMORY_STEPS = 10_000;
    /** How many problems of one file are listed; the rest are counted. */
    static final int LISTED_PROBLEMS = 1_000;

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
        return parse(file, TraceBytes.of(file));
    }

    public Trace parse(Path file, byte[] bytes) throws TraceFormatException {
        return parse(file, TraceBytes.of(bytes));
    }

    /**
     * Validates the trace in one pass over its lines, holding one line at a time. Its steps are kept
     * only when there are at most {@link #IN_MEMORY_STEPS}; a bigger trace is read again from
     * {@code bytes} whenever its steps are needed.
     *
     * @param file  the trace's name: problems are reported against it and its id must match it
     */
    public Trace parse(Path file, TraceBytes bytes) throws TraceFormatException {
        Problems problems = new Problems(file);
        if (!file.getFileName().toString().endsWith(".ndjson")) {
            problems.add(1, "a trace file's name ends in .ndjson");
        }
        TraceHeader header;
        StepRules rules;
        MultiNodeRules multiNode;
        List<Step> kept = new ArrayList<>();
        int count = 0;
        int line = 1;
        try (LineReader lines = new LineReader(bytes.open())) {
            String first = lines.next();
            if (first == null) {
                problems.add(1, "empty file: line 1 must be the trace header");
                throw problems.failure();
            }
            header = readHeader(file, first, problems);
            String kind = header == null ? null : header.requires().kind();
            rules = new StepRules(kind, problems);
            multiNode = "cache".equals(kind) ? new MultiNodeRules(problems) : null;
            for (String text = lines.next(); text != null; text = lines.next()) {
                line = lines.number();
                Step step = readStep(text, line, count + 1, rules, multiNode, problems);
                if (step == null) {
                    continue;
                }
                count++;
                if (kept != null) {
                    kept.add(step);
                    if (kept.size() > IN_MEMORY_STEPS) {
                        kept = null; // too big to hold: read it again step by step when it runs
                    }
                }
            }
            if (lines.number() == 1) {
                problems.add(1, "a trace has at least one step after the header");
            }
        } catch (LineReader.NotUtf8 e) {
            problems.add(e.line, "not UTF-8 text");
            throw problems.failure();
        } catch (IOException e) {
            problems.add(line, "cannot read: " + e);
            throw problems.failure();
        }
        if (header != null && multiNode != null) {
            multiNode.checkHeaderAgainstSteps(header.requires());
        } else if (header != null) {
            rules.checkHeaderAgainstSteps(header.requires());
        }
        if (!problems.isEmpty()) {
            throw problems.failure();
        }
        Set<String> protocolOps = multiNode != null ? MultiNodeOps.protocolOps(multiNode.usedOps())
                : Ops.protocolOps(rules.usedOps(), rules.checkOps());
        return kept != null ? Trace.inMemory(file, header, kept, protocolOps)
                : Trace.streamed(file, header, count, protocolOps, new StepFile(file, bytes, mapper, count));
    }

    /** One step line through the schema and the rules of its kind; null when it has problems of its own. */
    private Step readStep(String text, int line, int number, StepRules rules, MultiNodeRules multiNode,
                          Problems problems) {
        ObjectNode node = readObject(text, line, problems);
        if (node == null) {
            return null;
        }
        if (multiNode != null) {
            List<String> schemaProblems = schema.checkMultiNodeStep(node);
            schemaProblems.forEach(p -> problems.add(line, p));
            if (schemaProblems.isEmpty()) {
                return multiNode.check(node, number, line);
            }
            if (MultiNodeOps.ALL.contains(node.path("op").asText())) {
                multiNode.noteOp(node.get("op").asText());
            }
            return null;
        }
        List<String> schemaProblems = schema.checkStep(node);
        schemaProblems.forEach(p -> problems.add(line, p));
        if (schemaProblems.isEmpty()) {
            return rules.check(node, number, line);
        }
        if (Ops.all().contains(node.path("op").asText())) {
            rules.noteOp(node.get("op").asText()); // so requires.ops is not also reported
        }
        return null;
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

    /**
     * Collects problems of one file. Only the first {@link #LISTED_PROBLEMS} step problems are kept (a
     * million-line file of bad lines must not fill the heap with its complaints); the rest are counted
     * and summarised in one last problem. Line 1 problems (the header, compared with the steps at the
     * end) are always kept.
     */
    static final class Problems {
        private final Path file;
        private final List<TraceProblem> list = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private int omitted;
        private int firstOmittedLine;

        Problems(Path file) {
            this.file = file;
        }

        void add(int line, String reason) {
            if (line != 1 && list.size() >= LISTED_PROBLEMS) {
                if (omitted++ == 0) {
                    firstOmittedLine = line;
                }
                return;
            }
            if (seen.add(line + ":" + reason)) {
                list.add(new TraceProblem(file, line, reason));
            }
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        /** Problems found so far, listed or not (the rules compare it before and after a step). */
        int size() {
            return list.size() + omitted;
        }

        TraceFormatException failure() {
            List<TraceProblem> sorted = new ArrayList<>(list);
            sorted.sort((a, b) -> Integer.compare(a.line(), b.line()));
            if (omitted > 0) {
                sorted.add(new TraceProblem(file, firstOmittedLine, omitted + " more problem"
                        + (omitted == 1 ? "" : "s") + " from this line on, not listed (the first "
                        + LISTED_PROBLEMS + " are)"));
            }
            return new TraceFormatException(file, sorted);
        }
    }
}
