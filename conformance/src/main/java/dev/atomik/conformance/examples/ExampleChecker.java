package dev.atomik.conformance.examples;

import dev.atomik.conformance.adapters.model.ModelAdapter;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.snippet.Snippet;
import dev.atomik.conformance.snippet.SnippetException;
import dev.atomik.conformance.snippet.SnippetParser;
import dev.atomik.conformance.snippet.SnippetRun;
import dev.atomik.conformance.snippet.Statements;
import dev.atomik.conformance.trace.TraceParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Checks the spec's examples (spec/examples.md): an example of steps runs on the reference model
 * through the runner's own request/judge code; an example of the protocol or the trace format is
 * judged by the code that judges those (handshake, reply shape, capability check, trace parser, a
 * crashing process under the real process adapter). Each failure names the file, the line and what
 * the model or the runner gave instead.
 */
public final class ExampleChecker implements AutoCloseable {
    private final TraceParser parser;
    private final AdapterSession model;
    private final ProtocolExamples protocol;

    /**
     * @param repoRoot     the checkout (its golden traces are what {@code caps … on TRACE} examples name)
     * @param knownClause  true for every clause ID of the spec being checked
     */
    public ExampleChecker(Path repoRoot, Predicate<String> knownClause) {
        this.parser = new TraceParser(knownClause);
        this.model = new AdapterSession("model", ModelAdapter::new, Duration.ofSeconds(5));
        this.protocol = new ProtocolExamples(repoRoot, parser);
    }

    public List<ExampleFailure> check(List<SpecExample> examples) {
        List<ExampleFailure> out = new ArrayList<>();
        for (SpecExample e : examples) {
            String problem = check(e);
            if (problem != null) {
                out.add(new ExampleFailure(e, problem));
            }
        }
        return out;
    }

    /** Null when the example holds, else why not (one line). */
    public String check(SpecExample e) {
        if (e.clause() == null) {
            return "an example outside a clause (it would check nothing)";
        }
        String first = e.text().split("\\s+", 2)[0];
        try {
            if (ProtocolExamples.KINDS.contains(first)) {
                for (Statements.Statement st : Statements.split(e.where(), e.text(), false)) {
                    String problem = protocol.check(st.text(), e.clause());
                    if (problem != null) {
                        return "\"" + st.text() + "\": " + problem;
                    }
                }
                return null;
            }
            return steps(e);
        } catch (SnippetException x) {
            return x.getMessage().startsWith(e.where()) ? x.getMessage().substring(e.where().length() + 2) : x.getMessage();
        }
    }

    private String steps(SpecExample e) throws SnippetException {
        Snippet snippet = new SnippetParser(e.where(), false).parse(e.text());
        if (snippet.steps().stream().noneMatch(s -> s.step().has("expect") || s.step().has("expect_error"))) {
            return "states no result: an example needs at least one '→ result' to check";
        }
        String id = "examples/" + e.clause().toLowerCase(Locale.ROOT) + "-line-" + e.line();
        SnippetRun.Result r = new SnippetRun(parser, model).run(snippet, id, List.of(e.clause()));
        if (r.fault() != null) {
            return "the model adapter failed: " + r.fault();
        }
        SnippetRun.StepResult bad = r.firstDisagreement();
        if (bad == null) {
            return null;
        }
        return "\"" + bad.step().text() + "\": the model gave " + (bad.actual() == null ? "nothing" : bad.actual())
                + ", the example says " + bad.expected() + (bad.note() == null ? "" : " (" + bad.note() + ")");
    }

    @Override
    public void close() {
        model.close();
    }
}
