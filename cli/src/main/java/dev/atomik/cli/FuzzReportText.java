package dev.atomik.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.fuzz.FuzzClass;
import dev.atomik.conformance.fuzz.FuzzReport;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The fuzz report for people (console) and for tools ({@code --json}). */
final class FuzzReportText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FuzzReportText() {
    }

    static String names(Collection<FuzzClass> classes) {
        return classes.stream().map(FuzzClass::toString).collect(Collectors.joining(", "));
    }

    static void print(FuzzReport r, PrintStream o) throws JsonProcessingException {
        if (r.implementation() != null) {
            o.println("implementation: " + r.implementation());
        }
        r.notes().forEach(n -> o.println("note: " + n));
        if (r.harnessError() != null) {
            o.println("harness error: " + r.harnessError());
            return;
        }
        for (FuzzReport.Found found : r.found()) {
            printClass(found, r.adapter(), r.seed(), o);
        }
        o.printf(Locale.ROOT, "steps: %,d in %,d sequences, %.2f s, %,.0f steps/s", r.steps(), r.sequences(),
                r.nanos() / 1e9, r.stepsPerSecond());
        if (r.cpuNanos() > 0) {
            o.printf(Locale.ROOT, " (%.2f CPU-s for both sides, %,.0f steps per CPU-second)", r.cpuNanos() / 1e9,
                    r.stepsPerCpuSecond());
        }
        o.println();
        o.println("ops covered: " + tally(r.ops()));
        o.println("model errors reached: " + (r.errors().isEmpty() ? "none" : tally(r.errors())));
        if (!r.waived().isEmpty()) {
            o.println("waived: " + tally(r.waived()));
        }
        String seed = "seed 0x" + Long.toHexString(r.seed());
        if (r.found().isEmpty()) {
            o.printf(Locale.ROOT, "no %sdisagreement in %,d steps (%s)%n", r.waivedTotal() > 0 ? "unwaived " : "",
                    r.steps(), seed);
            return;
        }
        o.printf(Locale.ROOT, "classes found: %s (%d in %,d steps, %s%s)%n", names(r.found().stream()
                        .map(FuzzReport.Found::fuzzClass).toList()), r.found().size(), r.steps(), seed,
                r.classLimit() > 1 && r.found().size() >= r.classLimit()
                        ? "; stopped at the limit of " + r.classLimit() + " classes" : "");
    }

    private static void printClass(FuzzReport.Found found, String adapter, long seed, PrintStream o)
            throws JsonProcessingException {
        FuzzReport.Finding f = found.finding();
        o.printf(Locale.ROOT, "class %s: seen %,d time%s, first in sequence %d of seed 0x%s%n", found.fuzzClass(),
                found.count(), found.count() == 1 ? "" : "s", found.firstSequence(), Long.toHexString(seed));
        o.printf(Locale.ROOT, "  shrunk %d steps to %d (%d besides the first init) in %d tries, %.2f s%n",
                f.originalSteps(), f.shrunk().size(), f.shrunk().size() - f.pinned(), f.shrinkTests(),
                f.shrinkNanos() / 1e9);
        for (ObjectNode step : f.shrunk()) {
            o.println("    " + JSON.writeValueAsString(step));
        }
        o.println("  disagreement: " + f.shrunkReason());
        if (f.file() != null) {
            o.println("  minimal failing trace: " + f.file());
            o.println("  replayed by the runner against " + adapter + ": " + f.replay());
            o.println("  replay it: ./atomik conformance run --adapter '" + adapter + "' --traces " + f.file());
        } else {
            o.println("  disagreement found, no trace: " + f.replay());
        }
    }

    private static String tally(Map<String, Long> counts) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(counts).forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ")
                .append(k).append(' ').append(String.format(Locale.ROOT, "%,d", v)));
        return s.toString();
    }

    static ObjectNode toJson(FuzzReport r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("adapter", r.adapter());
        n.put("implementation", r.implementation());
        n.put("seed", "0x" + Long.toHexString(r.seed()));
        n.put("steps", r.steps());
        n.put("sequences", r.sequences());
        n.put("seconds", r.nanos() / 1e9);
        n.put("steps_per_second", Math.round(r.stepsPerSecond()));
        n.put("cpu_seconds", r.cpuNanos() / 1e9);
        n.put("steps_per_cpu_second", Math.round(r.stepsPerCpuSecond()));
        n.set("ops", JSON.valueToTree(r.ops()));
        n.set("model_errors", JSON.valueToTree(r.errors()));
        n.put("exit", r.exitCode());
        if (r.harnessError() != null) {
            n.put("harness_error", r.harnessError());
        }
        n.put("class_limit", r.classLimit());
        ArrayNode classes = n.putArray("classes");
        for (FuzzReport.Found found : r.found()) {
            ObjectNode c = classes.addObject();
            c.put("class", found.fuzzClass().toString());
            c.put("count", found.count());
            c.put("first_sequence", found.firstSequence());
            finding(c, found.finding());
        }
        n.set("waived", JSON.valueToTree(new TreeMap<>(r.waived())));
        if (r.finding() != null) {
            // the first class, as before --keep-going existed, for tools that read only this
            finding(n.putObject("finding"), r.finding());
        }
        return n;
    }

    private static void finding(ObjectNode f, FuzzReport.Finding finding) {
        f.put("sequence", finding.sequence());
        f.put("reason", finding.reason());
        f.put("original_steps", finding.originalSteps());
        f.put("shrunk_steps", finding.shrunk().size());
        f.put("shrunk_reason", finding.shrunkReason());
        f.put("trace", finding.file() == null ? null : finding.file().toString());
        f.put("trace_id", finding.traceId());
        f.put("replay", finding.replay());
    }
}
