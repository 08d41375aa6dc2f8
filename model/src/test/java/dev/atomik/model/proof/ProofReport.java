package dev.atomik.model.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the KeY results three ways: a console table, {@code key-report.json} (read by the Lean
 * cross-check; field names are a contract: class, method, contract, clauses, status, nodes,
 * seconds, then total and closed) and {@code key-proof-times.csv} (ANCHORS: proof times to a CSV).
 */
final class ProofReport {
    private ProofReport() {
    }

    static String table(List<ProofResult> results, double loadSeconds) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-48s %-7s %8s %8s %8s  %s%n", "obligation", "status", "nodes", "rules", "seconds", "clauses"));
        double total = loadSeconds;
        int closed = 0;
        for (ProofResult r : results) {
            sb.append(String.format(Locale.ROOT, "%-48s %-7s %8d %8d %8.1f  %s%s%n", r.obligation().id(), r.status(),
                    r.nodes(), r.ruleApps(), r.seconds(), String.join(" ", r.clauses()),
                    r.detail().isEmpty() ? "" : "  [" + r.detail() + "]"));
            total += r.seconds();
            closed += r.closed() ? 1 : 0;
        }
        sb.append(String.format(Locale.ROOT, "%d of %d obligations closed; load %.1f s, total %.1f s%n",
                closed, results.size(), loadSeconds, total));
        return sb.toString();
    }

    /**
     * What the report is about, so that a reader can reject a stale or partial one: the folder of
     * model sources KeY loaded and their {@link SourceHash}, every obligation KeY found (whether or
     * not this run proved it), the spec cases the source declares, and whether the run was partial.
     */
    record Coverage(String sourceFolder, String sourceHash, List<String> obligations, int specCases, boolean partial) {
    }

    static String json(List<ProofResult> results, double loadSeconds, Map<String, String> choices, List<String> inherited,
            Coverage coverage) {
        return json(results, loadSeconds, choices, KeyProver.effectiveStrategy(), inherited, coverage);
    }

    static String json(List<ProofResult> results, double loadSeconds, Map<String, String> choices, Map<String, String> strategy,
            List<String> inherited, Coverage coverage) {
        StringBuilder sb = new StringBuilder("{\n  \"tool\": \"KeY 2.12.3\",\n");
        sb.append("  \"sourceFolder\": ").append(str(coverage.sourceFolder())).append(",\n");
        sb.append("  \"sourceHash\": ").append(str(coverage.sourceHash())).append(",\n");
        sb.append("  \"partial\": ").append(coverage.partial()).append(",\n");
        sb.append("  \"specCases\": ").append(coverage.specCases()).append(",\n");
        sb.append("  \"obligations\": [");
        for (int i = 0; i < coverage.obligations().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(str(coverage.obligations().get(i)));
        }
        sb.append("],\n");
        sb.append("  \"integerSemantics\": ").append(str(choices.getOrDefault("intRules", "?"))).append(",\n");
        sb.append("  \"tacletOptions\": {");
        String sep = "";
        for (Map.Entry<String, String> e : new TreeMap<>(choices).entrySet()) {
            sb.append(sep).append(str(e.getKey())).append(": ").append(str(e.getValue()));
            sep = ", ";
        }
        sb.append("},\n  \"strategy\": {");
        sep = "";
        for (Map.Entry<String, String> e : new TreeMap<>(strategy).entrySet()) {
            sb.append(sep).append(str(e.getKey())).append(": ").append(str(e.getValue()));
            sep = ", ";
        }
        sb.append("},\n  \"loadSeconds\": ").append(num(loadSeconds)).append(",\n  \"contracts\": [\n");
        int closed = 0;
        double seconds = loadSeconds;
        for (int i = 0; i < results.size(); i++) {
            ProofResult r = results.get(i);
            Obligation o = r.obligation();
            sb.append("    {\"class\": ").append(str(o.className()))
              .append(", \"method\": ").append(str(o.methodName()))
              .append(", \"signature\": ").append(str(o.signature()))
              .append(", \"contract\": ").append(str(o.id()))
              .append(", \"kind\": ").append(str(o.kind()))
              .append(", \"keyContract\": ").append(str(o.keyName()))
              .append(", \"clauses\": [");
            for (int c = 0; c < r.clauses().size(); c++) {
                sb.append(c == 0 ? "" : ", ").append(str(r.clauses().get(c)));
            }
            sb.append("], \"status\": ").append(str(r.status()))
              .append(", \"nodes\": ").append(r.nodes())
              .append(", \"ruleApps\": ").append(r.ruleApps())
              .append(", \"openGoals\": ").append(r.openGoals())
              .append(", \"maxSteps\": ").append(r.maxSteps())
              .append(", \"expected\": ").append(str(ProofRegistry.isKnownOpen(o.id()) ? "known-open" : "provable"))
              .append(", \"seconds\": ").append(num(r.seconds()))
              .append(", \"detail\": ").append(str(r.detail()))
              .append(i + 1 < results.size() ? "},\n" : "}\n");
            closed += r.closed() ? 1 : 0;
            seconds += r.seconds();
        }
        sb.append("  ],\n  \"notProvedInheritedFromJdk\": [");
        for (int i = 0; i < inherited.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(str(inherited.get(i)));
        }
        sb.append("],\n  \"total\": ").append(results.size())
          .append(",\n  \"closed\": ").append(closed)
          .append(",\n  \"seconds\": ").append(num(seconds)).append("\n}\n");
        return sb.toString();
    }

    static String csv(List<ProofResult> results) {
        StringBuilder sb = new StringBuilder("obligation,class,method,status,nodes,rule_apps,open_goals,max_steps,seconds\n");
        for (ProofResult r : results) {
            Obligation o = r.obligation();
            sb.append(String.join(",", o.id(), o.className(), o.methodName(), r.status(), String.valueOf(r.nodes()),
                    String.valueOf(r.ruleApps()), String.valueOf(r.openGoals()), String.valueOf(r.maxSteps()),
                    num(r.seconds()))).append('\n');
        }
        return sb.toString();
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
