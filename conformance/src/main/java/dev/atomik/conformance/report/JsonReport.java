package dev.atomik.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.expectations.Comparison;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.RunSummary;
import dev.atomik.conformance.runner.StepNote;
import dev.atomik.conformance.runner.TraceResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable report ({@code --json FILE}): {@code summary}, one entry per trace in
 * {@code traces}, and {@code clauses} mapping every clause the run's traces cite to those traces'
 * ids (look their statuses up in {@code traces}). Fields that do not apply are {@code null}, never
 * absent, so consumers need no existence checks. Per trace, {@code not_observed} lists the check
 * fields the implementation cannot show, {@code harness_steps} the deciding steps the harness
 * answered, and {@code divergences} every disagreeing step (all of them with --all-steps).
 * {@code stopped} says why a run ended early ({@code handshake}, {@code adapter_dead}) and how many
 * traces it did not run, or is null.
 */
public final class JsonReport {
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static ObjectNode toJson(RunResult run) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("report", "atomik-conformance");
        root.put("version", VERSION);
        ObjectNode adapter = root.putObject("adapter");
        adapter.put("spec", run.adapter());
        if (run.hello() != null) {
            adapter.put("name", run.hello().name());
            adapter.put("version", run.hello().version());
            adapter.set("capabilities", run.hello().capabilities().toJson());
        } else {
            adapter.putNull("name");
            adapter.putNull("version");
            adapter.putNull("capabilities");
        }
        if (!run.shutdownNotes().isEmpty()) {
            // Shutdown trouble (spec/adapter-protocol.md, Shutdown): once per kind, with how often.
            var notes = root.putArray("notes");
            run.shutdownNotes().forEach(n -> notes.addObject()
                    .put("kind", n.note().kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("detail", n.note().detail()).put("times", n.times()));
        }
        RunSummary s = run.summary();
        ObjectNode summary = root.putObject("summary");
        summary.put("passed", s.passed());
        summary.put("failed", s.failed());
        summary.put("skipped", s.skipped());
        summary.put("errors", s.errors());
        summary.put("not_exercised", s.notExercised());
        summary.put("steps", s.steps());
        summary.put("requests_reached_implementation", s.reached());
        summary.put("requests_answered_by_harness", s.harness());
        summary.put("fields_not_observed", s.notObserved());
        summary.put("traces", s.total());
        summary.put("malformed", run.malformed());
        summary.put("seconds", run.nanos() / 1e9);
        summary.put("exit_code", run.exitCode());
        if (run.stop() == null) {
            root.putNull("stopped");
        } else {
            ObjectNode stopped = root.putObject("stopped");
            stopped.put("cause", run.stop().cause().name().toLowerCase(java.util.Locale.ROOT));
            stopped.put("detail", run.stop().detail());
            stopped.put("traces_not_run", run.stop().notRun());
        }
        ArrayNode traces = root.putArray("traces");
        Map<String, List<String>> clauses = new TreeMap<>();
        for (TraceResult r : run.traces()) {
            ObjectNode t = traces.addObject();
            t.put("id", r.id());
            t.put("status", r.status().key());
            if (r.failedStep() == null) {
                t.putNull("failed_step");
            } else {
                t.put("failed_step", r.failedStep());
            }
            t.put("op", r.op());
            t.put("expected", r.expected());
            t.put("actual", r.actual());
            ArrayNode cited = t.putArray("clauses");
            r.clauses().forEach(cited::add);
            t.put("reason", r.reason());
            t.put("steps", r.stepsExecuted());
            t.put("requests_reached_implementation", r.account().reached());
            t.put("requests_answered_by_harness", r.account().harness());
            t.set("not_observed", notes(r.account().notObserved()));
            t.set("harness_steps", notes(r.account().harnessSteps()));
            t.set("divergences", notes(r.account().divergences()));
            ArrayNode uncredited = t.putArray("uncredited_clauses");
            r.account().uncredited().forEach(uncredited::add);
            t.put("file", r.file().toString());
            for (String clause : r.clauses()) {
                clauses.computeIfAbsent(clause, k -> new ArrayList<>()).add(r.id());
            }
        }
        ObjectNode byClause = root.putObject("clauses");
        clauses.forEach((clause, ids) -> {
            ArrayNode list = byClause.putArray(clause);
            ids.forEach(list::add);
        });
        return root;
    }

    private static ArrayNode notes(List<StepNote> notes) {
        ArrayNode out = MAPPER.createArrayNode();
        for (StepNote n : notes) {
            ObjectNode o = out.addObject();
            o.put("step", n.step());
            o.put("label", n.label());
            o.put("expected", n.expected());
            o.put("actual", n.actual());
            o.put("reason", n.reason());
            o.put("after_first_divergence", n.afterFirstDivergence());
        }
        return out;
    }

    public static void write(RunResult run, Path file) throws IOException {
        write(toJson(run), file);
    }

    /** The report with the {@code expectations} object of a run judged against an expectations file. */
    public static void write(RunResult run, Comparison expectations, Path file) throws IOException {
        write(toJson(run, expectations), file);
    }

    /** {@link #toJson(RunResult)} plus the {@code expectations} object; {@code summary.exit_code} as with the file. */
    public static ObjectNode toJson(RunResult run, Comparison expectations) {
        ObjectNode root = toJson(run);
        ExpectationsJson.add(root, run, expectations);
        return root;
    }

    private static void write(ObjectNode root, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MAPPER.writeValue(file.toFile(), root);
    }
}
