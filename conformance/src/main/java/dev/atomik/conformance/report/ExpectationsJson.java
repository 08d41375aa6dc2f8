package dev.atomik.conformance.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.expectations.Comparison;
import dev.atomik.conformance.expectations.Expectation;
import dev.atomik.conformance.expectations.Judgement;
import dev.atomik.conformance.expectations.StatusNames;
import dev.atomik.conformance.runner.RunResult;
import java.util.List;

/**
 * The {@code expectations} object of the JSON report: the file, the three lists and the stale
 * entries. Every list element has the same members (absent facts {@code null}, as in the rest of
 * the report). {@code summary.exit_code} becomes the exit code with the file; the code the run would
 * have without it stays available as {@code expectations.exit_code_without}.
 */
final class ExpectationsJson {
    private ExpectationsJson() {
    }

    static void add(ObjectNode root, RunResult run, Comparison c) {
        ((ObjectNode) root.get("summary")).put("exit_code", c.exitCode());
        ObjectNode x = root.putObject("expectations");
        x.put("file", c.file().toString());
        x.put("exit_code_without", run.exitCode());
        judgements(x.putArray("expected"), c, c.expected());
        judgements(x.putArray("new_failures"), c, c.newFailures());
        judgements(x.putArray("unexpected_passes"), c, c.unexpectedPasses());
        ArrayNode stale = x.putArray("stale");
        for (Expectation e : c.stale()) {
            ObjectNode s = stale.addObject();
            s.put("pattern", e.pattern());
            s.put("expected_status", e.status());
            s.put("line", e.line());
        }
    }

    private static void judgements(ArrayNode list, Comparison c, List<Judgement> judged) {
        for (Judgement j : judged) {
            ObjectNode o = list.addObject();
            o.put("id", j.id());
            o.put("status", StatusNames.of(j.trace().status()));
            Expectation e = j.entry();
            o.put("expected_status", e == null ? null : e.status());
            o.put("pattern", e == null ? null : e.pattern());
            o.put("reason", e == null ? null : e.reason());
            o.put("link", e == null ? null : e.link());
            if (e == null) {
                o.putNull("line");
            } else {
                o.put("line", e.line());
            }
        }
    }
}
