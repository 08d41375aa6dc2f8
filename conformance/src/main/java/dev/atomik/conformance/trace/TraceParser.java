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
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
        // Our own limits, so a fault names them (JsonFaults) instead of Jackson's defaults.
        this.mapper.getFactory().setStreamReadConstraints(JsonFaults.constraints());
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
            header = readHeader(file, first, lines.newlineEnded(), problems);
            if (header == null) {
                problems.deriveStepsFromHeader(); // without a kind, step complaints may be the header's fault
            }
            String kind = header == null ? null : header.requires().kind();
            rules = new StepRules(kind, problems);
            multiNode = "cache".equals(kind) ? new MultiNodeRules(problems) : null;
            while (true) {
                String text;
                try {
                    text = lines.next();
                } catch (LineReader.NotUtf8 | LineReader.LineTooLong e) {
                    problems.markUnchecked(unreadable(e, problems)); // the reader stands at the next line
                    continue;
                }
                if (text == null) {
                    break;
                }
                line = lines.number();
                Step step = readStep(text, line, count + 1, !lines.newlineEnded(), rules, multiNode, problems);
                if (step == null) {
                    problems.markUnchecked(line);
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
        } catch (LineReader.NotUtf8 | LineReader.LineTooLong e) {
            unreadable(e, problems); // the header line: nothing after it can be checked against it
            throw problems.failure();
        } catch (IOException e) {
            problems.add(line, "cannot read: " + e.getMessage());
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

    /** Records why a line could not be read as text; returns its number. */
    private static int unreadable(IOException e, Problems problems) {
        if (e instanceof LineReader.NotUtf8 bad) {
            problems.add(bad.line, bad.column, String.format("not UTF-8 text: byte 0x%02x at byte offset %d of the "
                    + "file does not decode (a trace is UTF-8)", bad.badByte, bad.fileOffset));
            return bad.line;
        }
        LineReader.LineTooLong tooLong = (LineReader.LineTooLong) e;
        problems.add(tooLong.line, "a line of " + tooLong.length + " bytes: a trace line is one step, at most "
                + tooLong.limit + " bytes");
        return tooLong.line;
    }

    /** One step line through the schema and the rules of its kind; null when it has problems of its own. */
    private Step readStep(String text, int line, int number, boolean truncated, StepRules rules,
                          MultiNodeRules multiNode, Problems problems) {
        ObjectNode node = readObject(text, line, truncated, problems);
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

    private ObjectNode readObject(String text, int line, boolean truncated, Problems problems) {
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
                String outOfRange = outOfRange(object, "");
                if (outOfRange != null) {
                    problems.add(line, outOfRange);
                    return null;
                }
                return object;
            }
            problems.add(line, "expected one JSON object, found " + node.getNodeType().toString().toLowerCase());
        } catch (JsonProcessingException e) {
            JsonFaults.Fault fault = JsonFaults.describe(text, e, truncated);
            problems.add(line, fault.column(), fault.reason());
        }
        return null;
    }

    /**
     * The first number outside the int range, named by its field: every number of a trace (widths,
     * sizes, counts) is small, and a huge one (1e999999999) must not reach the schema or the rules,
     * which would read it as some other int or spend minutes expanding it. {@code origin} is free-form.
     */
    private static String outOfRange(JsonNode node, String where) {
        if (node.isNumber()) {
            return node.canConvertToInt() ? null : (where.isEmpty() ? "" : where + ": ") + abbreviated(node.toString())
                    + " is out of range: expected a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (where.isEmpty() && field.getKey().equals("origin")) {
                continue;
            }
            String found = outOfRange(field.getValue(), where.isEmpty() ? field.getKey() : where + "." + field.getKey());
            if (found != null) {
                return found;
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            String found = outOfRange(node.get(i), where + "[" + i + "]");
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String abbreviated(String number) {
        return number.length() <= 40 ? number : number.substring(0, 20) + "..." + " (" + number.length() + " characters)";
    }

    private TraceHeader readHeader(Path file, String text, boolean newlineEnded, Problems problems) {
        ObjectNode node = readObject(text, 1, !newlineEnded, problems);
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
     * end) are always kept. A complaint that can be the consequence of an earlier fault is recorded
     * with that fault as its cause ({@link TraceProblem#cause()}): a step line that could not be
     * checked at all makes what depends on the steps before it (the header's comparison with the
     * steps, "before any init") derived, and a header without a kind makes every step complaint
     * derived. {@link #failure()} lists root causes first.
     */
    static final class Problems {
        private final Path file;
        private final List<TraceProblem> list = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private int omitted;
        private int firstOmittedLine;
        private int lastLine;
        private TraceProblem firstOfLastLine;
        private TraceProblem firstUnchecked;
        private TraceProblem headerFault;

        Problems(Path file) {
            this.file = file;
        }

        /** A root cause (or, on a step line of a trace whose header has no kind, derived from it). */
        void add(int line, String reason) {
            add(line, 0, reason);
        }

        void add(int line, int column, String reason) {
            record(new TraceProblem(file, line, column, reason, line > 1 ? headerFault : null));
        }

        /**
         * A complaint that depends on the steps read so far (or, for line 1, on all of them): derived
         * from the first step line that could not be checked, when there is one.
         */
        void addDependent(int line, String reason) {
            TraceProblem cause = firstUnchecked != null && firstUnchecked.line() != line ? firstUnchecked
                    : line > 1 ? headerFault : null;
            record(new TraceProblem(file, line, 0, reason, cause));
        }

        /** The step on {@code line} had problems of its own before the step rules could look at it. */
        void markUnchecked(int line) {
            if (firstUnchecked == null && lastLine == line && firstOfLastLine != null) {
                firstUnchecked = firstOfLastLine;
            }
        }

        /** The header could not be read: what the steps are checked against is unknown. */
        void deriveStepsFromHeader() {
            if (headerFault == null && lastLine == 1) {
                headerFault = firstOfLastLine;
            }
        }

        private void record(TraceProblem problem) {
            int line = problem.line();
            if (line != 1 && list.size() >= LISTED_PROBLEMS) {
                if (omitted++ == 0) {
                    firstOmittedLine = line;
                }
                return;
            }
            if (seen.add(line + ":" + problem.reason())) {
                list.add(problem);
                if (line != lastLine) {
                    lastLine = line;
                    firstOfLastLine = problem;
                }
            }
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        /** Problems found so far, listed or not (the rules compare it before and after a step). */
        int size() {
            return list.size() + omitted;
        }

        /** Root causes in line order, each followed by the problems that follow from it. */
        TraceFormatException failure() {
            List<TraceProblem> roots = new ArrayList<>();
            Map<TraceProblem, List<TraceProblem>> derived = new IdentityHashMap<>();
            for (TraceProblem p : list) {
                if (p.isRootCause()) {
                    roots.add(p);
                }
            }
            Set<TraceProblem> listedRoots = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            listedRoots.addAll(roots);
            List<TraceProblem> orphans = new ArrayList<>();
            for (TraceProblem p : list) {
                if (!p.isRootCause()) {
                    if (listedRoots.contains(p.cause())) {
                        derived.computeIfAbsent(p.cause(), k -> new ArrayList<>()).add(p);
                    } else {
                        orphans.add(p);
                    }
                }
            }
            Comparator<TraceProblem> byLine = Comparator.comparingInt(TraceProblem::line);
            roots.sort(byLine);
            List<TraceProblem> sorted = new ArrayList<>();
            for (TraceProblem root : roots) {
                sorted.add(root);
                List<TraceProblem> following = derived.get(root);
                if (following != null) {
                    following.sort(byLine);
                    sorted.addAll(following);
                }
            }
            orphans.sort(byLine);
            sorted.addAll(orphans);
            if (omitted > 0) {
                sorted.add(new TraceProblem(file, firstOmittedLine, omitted + " more problem"
                        + (omitted == 1 ? "" : "s") + " from this line on, not listed (the first "
                        + LISTED_PROBLEMS + " are)"));
            }
            return new TraceFormatException(file, sorted);
        }
    }
}
