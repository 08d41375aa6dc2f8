package dev.atomik.conformance.snippet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.Runner;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.StepByStep;
import dev.atomik.conformance.runner.TraceResult;
import dev.atomik.conformance.trace.Hex;
import dev.atomik.conformance.trace.Trace;
import dev.atomik.conformance.trace.TraceParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a snippet on an adapter (the reference model, for spec examples and {@code spec eval}) and
 * keeps each statement's result beside what it expected and the clause that decides it.
 */
public final class SnippetRun {

    /**
     * One statement's outcome.
     *
     * @param step     the statement
     * @param expected what it expects ({@code success} without an arrow)
     * @param actual   what the adapter answered, or null when it was not reached or not shown
     * @param agrees   true when the answer is what the statement expects
     * @param clause   the clause that decides the result
     * @param note     why it disagrees beyond the value, or why nothing is shown; or null
     */
    public record StepResult(SnippetStep step, String expected, String actual, boolean agrees, String clause,
                             String note) {
    }

    /** Every statement's outcome; {@code fault} when the adapter failed (no step results then). */
    public record Result(List<StepResult> steps, String fault) {
        /** True when every statement with an arrow got what it states ({@code spec eval}'s verdict). */
        public boolean statedResultsHold() {
            return fault == null && steps.stream().allMatch(s -> s.agrees() || s.expected().equals("success"));
        }

        public boolean agrees() {
            return fault == null && steps.stream().allMatch(StepResult::agrees);
        }

        /** The first statement that disagrees, or null. */
        public StepResult firstDisagreement() {
            return steps.stream().filter(s -> !s.agrees()).findFirst().orElse(null);
        }
    }

    private final TraceParser parser;
    private final AdapterSession session;

    public SnippetRun(TraceParser parser, AdapterSession session) {
        this.parser = parser;
        this.session = session;
    }

    /**
     * @param idPrefix  the trace id's stem for each segment ({@code examples/ctx-load-1})
     * @param clauses   the clauses the snippet checks (its clause, for a spec example); null to cite
     *                  the clauses that decide its steps
     */
    public Result run(Snippet snippet, String idPrefix, List<String> clauses) throws SnippetException {
        List<StepResult> out = new ArrayList<>();
        List<List<SnippetStep>> segments = snippet.segments();
        for (int i = 0; i < segments.size(); i++) {
            List<SnippetStep> seg = segments.get(i);
            String kind = seg.stream().filter(s -> s.op().equals("init")).map(SnippetStep::kind).findFirst().orElse("wire");
            List<String> cited = clauses != null ? clauses : deciding(kind, seg);
            String id = idPrefix + (segments.size() > 1 ? "-" + (i + 1) : "");
            Trace trace = SnippetTrace.parse(parser, id, "snippet " + snippet.source(), cited, seg, snippet.source());
            if (kind.equals("cache")) {
                out.addAll(multiNode(trace, seg, kind));
                continue;
            }
            StepByStep.Result r = StepByStep.run(trace, session);
            if (r.fault() != null) {
                return locateFault(snippet, id, cited, seg, kind, out, r.fault());
            }
            for (StepByStep.Outcome o : r.outcomes()) {
                SnippetStep s = seg.get(o.step().number() - 1);
                out.add(new StepResult(s, o.expected(), o.actual(), o.agrees(), clause(kind, s, o.actual()), o.reason()));
            }
        }
        return new Result(out, null);
    }

    /**
     * The adapter failed on the batch (the model refuses a request no conforming trace sends, such
     * as a read after a failed init): run ever longer prefixes to show every step that did run and
     * name the one that could not.
     */
    private Result locateFault(Snippet snippet, String id, List<String> cited, List<SnippetStep> seg, String kind,
                               List<StepResult> out, String fault) throws SnippetException {
        List<StepByStep.Outcome> done = List.of();
        for (int k = 1; k < seg.size(); k++) {
            Trace prefix = SnippetTrace.parse(parser, id, "snippet " + snippet.source(), cited, seg.subList(0, k),
                    snippet.source());
            StepByStep.Result r = StepByStep.run(prefix, session);
            if (r.fault() != null) {
                break;
            }
            done = r.outcomes();
        }
        for (StepByStep.Outcome o : done) {
            SnippetStep s = seg.get(o.step().number() - 1);
            out.add(new StepResult(s, o.expected(), o.actual(), o.agrees(), clause(kind, s, o.actual()), o.reason()));
        }
        SnippetStep failed = seg.get(Math.min(done.size(), seg.size() - 1));
        String why = fault.contains("Exception: ") ? fault.substring(fault.indexOf("Exception: ") + "Exception: ".length()) : fault;
        String where = snippet.source() + (failed.line() > 0 ? ":" + failed.line() : "") + ": \"" + failed.text() + "\": ";
        return new Result(out, where + "the adapter cannot run this step: " + why);
    }

    /** A multi-node trace runs through the runner (which holds the network); it reports one verdict. */
    private List<StepResult> multiNode(Trace trace, List<SnippetStep> seg, String kind) {
        TraceResult r = new Runner().runTrace(new LoadedTrace(trace.file(), trace.id(), trace, List.of()), session);
        List<StepResult> out = new ArrayList<>();
        for (SnippetStep s : seg) {
            int number = out.size() + 1;
            String expected = expected(s);
            boolean failedHere = r.failedStep() != null && r.failedStep() == number;
            boolean after = r.failedStep() != null && number > r.failedStep();
            if (failedHere) {
                out.add(new StepResult(s, expected, r.actual(), false, clause(kind, s, r.actual()), r.reason()));
            } else if (r.status() != Status.PASS && r.failedStep() == null && number == 1) {
                out.add(new StepResult(s, expected, null, false, clause(kind, s, null), r.status() + ": " + r.reason()));
            } else {
                out.add(new StepResult(s, expected, after ? null : expected, !after || r.status() == Status.PASS,
                        clause(kind, s, null), after ? "not reached" : "as expected (multi-node steps show no value of their own)"));
            }
        }
        return out;
    }

    private static String expected(SnippetStep s) {
        if (s.step().has("expect_error")) {
            return "error " + s.step().get("expect_error").asText();
        }
        JsonNode e = s.step().get("expect");
        if (e == null) {
            return "success";
        }
        return render(e);
    }

    /** As reports render results: hex normalised, a message as {addr …, delta …, seq …}. */
    private static String render(JsonNode e) {
        if (e.isTextual()) {
            return e.asText().startsWith("0x") ? Hex.normalise(e.asText()) : e.asText();
        }
        if (e.isObject() && e.has("addr") && e.has("delta") && e.has("seq")) {
            return "{addr " + render(e.get("addr")) + ", delta " + render(e.get("delta")) + ", seq " + render(e.get("seq")) + "}";
        }
        if (e.isArray()) {
            List<String> items = new ArrayList<>();
            e.forEach(i -> items.add(render(i)));
            return "[" + String.join(", ", items) + "]";
        }
        return e.toString();
    }

    private static String clause(String kind, SnippetStep s, String actual) {
        String error = actual != null && actual.startsWith("error ") ? actual.substring(6) : null;
        return DecidingClause.of(kind, s.op(), s.step().has("value") || s.step().has("delta"),
                s.step().has("value"), error);
    }

    private static List<String> deciding(String kind, List<SnippetStep> seg) {
        List<String> ids = new ArrayList<>();
        for (SnippetStep s : seg) {
            String c = DecidingClause.of(kind, s.op(), false, s.step().has("value"),
                    s.step().path("expect_error").asText(null));
            String id = c.split(" ")[0];
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }
}
