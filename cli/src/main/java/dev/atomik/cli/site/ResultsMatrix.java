package dev.atomik.cli.site;

import dev.atomik.conformance.evidence.Evidence;
import dev.atomik.spec.Clause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The results page, after wpt.fyi: one column per implementation, one row per trace grouped by area
 * with per-area totals, each cell pass / fail / skip / error / not exercised (a trace the report does
 * not list is "not run"); then one summary row per clause. A failing cell opens, with no script, on
 * the step, the expected and the actual result; every cell's reason is its hover text.
 */
final class ResultsMatrix {
    private final List<RunReport> reports;
    private final Evidence evidence;
    private final SourcePages sources;

    ResultsMatrix(List<RunReport> reports, Evidence evidence, SourcePages sources) {
        this.reports = reports;
        this.evidence = evidence;
        this.sources = sources;
    }

    String html() {
        StringBuilder b = new StringBuilder("<h1>Results</h1>\n<p>One column per implementation (name and version from its "
                + "hello), one row per golden trace. Click a failing cell for the step, expected and actual result; hover "
                + "a cell for its reason. Below the traces: one summary row per clause.</p>\n");
        b.append("<table class=\"matrix\" id=\"matrix\">\n<thead><tr><th>trace</th>");
        for (int i = 0; i < reports.size(); i++) {
            RunReport r = reports.get(i);
            b.append("<th class=\"impl\" data-impl=\"").append(i).append("\"><span class=\"name\">").append(Html.esc(r.name()))
             .append("</span> <span class=\"version\">").append(Html.esc(r.version())).append("</span><br><small>")
             .append(Html.esc(r.file().getFileName().toString())).append("</small></th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        Map<String, List<String>> byArea = new TreeMap<>();
        for (String id : traceIds()) {
            byArea.computeIfAbsent(area(id), k -> new ArrayList<>()).add(id);
        }
        for (Map.Entry<String, List<String>> area : byArea.entrySet()) {
            b.append("<tr class=\"area\" data-area=\"").append(Html.esc(area.getKey())).append("\"><th>")
             .append(Html.esc(area.getKey())).append(" <small>(").append(area.getValue().size()).append(")</small></th>");
            for (RunReport r : reports) {
                long pass = area.getValue().stream().filter(id -> status(r, id).equals("pass")).count();
                long ran = area.getValue().stream().filter(id -> r.traces().containsKey(id)).count();
                b.append("<td class=\"total\">").append(pass).append(" / ").append(ran).append("</td>");
            }
            b.append("</tr>\n");
            for (String id : area.getValue()) {
                b.append(traceRow(id));
            }
        }
        b.append("</tbody></table>\n");
        b.append(clauseTable());
        return b.toString();
    }

    private String traceRow(String id) {
        StringBuilder b = new StringBuilder("<tr class=\"trace\" data-trace=\"" + Html.esc(id) + "\"><th>");
        String link = sources.link("", "conformance/traces/" + id + ".ndjson", 0);
        b.append(link == null ? Html.esc(id) : "<a href=\"" + link + "\">" + Html.esc(id) + "</a>").append("</th>");
        for (int i = 0; i < reports.size(); i++) {
            RunReport.TraceCell c = reports.get(i).traces().get(id);
            b.append(cell(i, c));
        }
        return b.append("</tr>\n").toString();
    }

    private static String cell(int impl, RunReport.TraceCell c) {
        if (c == null) {
            return "<td class=\"cell absent\" data-impl=\"" + impl + "\" data-status=\"absent\" title=\"not in this report\">—</td>";
        }
        String status = c.status();
        String label = status.replace('_', ' ');
        String title = c.reason() != null ? c.reason() : label;
        StringBuilder b = new StringBuilder("<td class=\"cell " + Html.esc(status) + "\" data-impl=\"" + impl
                + "\" data-status=\"" + Html.esc(status) + "\" title=\"" + Html.esc(title) + "\">");
        if ((status.equals("fail") || status.equals("error")) && (c.step() != null || c.reason() != null)) {
            b.append("<details><summary>").append(label).append("</summary><div class=\"diff\">");
            if (c.step() != null) {
                b.append("step ").append(c.step()).append(" <code>").append(Html.esc(c.op())).append("</code><br>");
            }
            if (c.expected() != null) {
                b.append("expected <code class=\"expected\">").append(Html.esc(c.expected())).append("</code><br>");
            }
            if (c.actual() != null) {
                b.append("actual <code class=\"actual\">").append(Html.esc(c.actual())).append("</code><br>");
            }
            if (c.reason() != null) {
                b.append("<span class=\"reason\">").append(Html.esc(c.reason())).append("</span>");
            }
            b.append("</div></details>");
        } else {
            b.append(label);
        }
        return b.append("</td>").toString();
    }

    private String clauseTable() {
        StringBuilder b = new StringBuilder("<h2 id=\"clauses\">By clause</h2>\n<p>Per clause, the traces citing it in each "
                + "report: passed / failed / skipped. A clause passes for an implementation when a trace citing it passed "
                + "and none failed.</p>\n<table class=\"matrix clauses\" id=\"clause-matrix\">\n<thead><tr><th>clause</th>");
        for (RunReport r : reports) {
            b.append("<th class=\"impl\">").append(Html.esc(r.name())).append(" <span class=\"version\">")
             .append(Html.esc(r.version())).append("</span></th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (Clause clause : evidence.index().all()) {
            b.append("<tr class=\"clause-summary\" id=\"clause-").append(clause.id()).append("\" data-clause=\"")
             .append(clause.id()).append("\"><th><a href=\"spec/").append(page(clause.file())).append("#").append(clause.id())
             .append("\">").append(clause.id()).append("</a> <small>").append(clause.strength()).append("</small></th>");
            for (int i = 0; i < reports.size(); i++) {
                b.append(clauseCell(i, reports.get(i), clause.id()));
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    private static String clauseCell(int impl, RunReport r, String clause) {
        int pass = 0;
        int fail = 0;
        int skip = 0;
        int other = 0;
        for (RunReport.TraceCell c : r.traces().values()) {
            if (!c.clauses().contains(clause)) {
                continue;
            }
            switch (c.status()) {
                case "pass" -> pass++;
                case "fail", "error" -> fail++;
                case "skip" -> skip++;
                default -> other++;
            }
        }
        String status = fail > 0 ? "fail" : pass > 0 ? "pass" : skip > 0 ? "skip" : "not_exercised";
        String text = pass + " / " + fail + " / " + skip;
        String title = pass + " passed, " + fail + " failed or errored, " + skip + " skipped, " + other + " not exercised";
        return "<td class=\"cell " + status + "\" data-impl=\"" + impl + "\" data-status=\"" + status + "\" title=\""
                + title + "\">" + text + "</td>";
    }

    /** For the spec pages: one line per implementation on how the clause's traces ended. */
    String clauseLine(String clause) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < reports.size(); i++) {
            RunReport r = reports.get(i);
            b.append(i == 0 ? "" : " · ").append(Html.esc(r.name())).append(' ').append(Html.esc(r.version())).append(": ")
             .append(clauseCell(i, r, clause).replaceAll("^<td", "<span").replaceAll("</td>$", "</span>"));
        }
        return b.toString();
    }

    static String page(String specFile) {
        return specFile.replaceAll("\\.md$", ".html");
    }

    private TreeSet<String> traceIds() {
        TreeSet<String> ids = new TreeSet<>();
        reports.forEach(r -> ids.addAll(r.traces().keySet()));
        return ids;
    }

    private static String area(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    private static String status(RunReport r, String id) {
        RunReport.TraceCell c = r.traces().get(id);
        return c == null ? "absent" : c.status();
    }
}
