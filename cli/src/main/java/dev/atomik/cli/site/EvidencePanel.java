package dev.atomik.cli.site;

import dev.atomik.conformance.coverage.Waiver;
import dev.atomik.conformance.evidence.Contract;
import dev.atomik.conformance.evidence.Evidence;
import dev.atomik.conformance.evidence.Theorem;
import java.util.List;

/**
 * The evidence under one clause on its spec page: counts first (what a reader scans), then the
 * contracts with KeY's status, the traces, the theorems with their twins' status and the waiver,
 * each linked into its source file. KeY's status is "not run" without model/target/key-report.json:
 * nothing is claimed proved that this build did not prove.
 */
final class EvidencePanel {
    private final Evidence evidence;
    private final SourcePages sources;
    private final ResultsMatrix results;

    EvidencePanel(Evidence evidence, SourcePages sources, ResultsMatrix results) {
        this.evidence = evidence;
        this.sources = sources;
        this.results = results;
    }

    String html(String clause) {
        List<Contract> contracts = evidence.contracts(clause);
        List<String> traces = evidence.traces(clause);
        List<Theorem> theorems = evidence.theorems(clause);
        Waiver waiver = evidence.waiver(clause).orElse(null);
        StringBuilder b = new StringBuilder("<section class=\"evidence\" id=\"evidence-" + clause + "\" data-clause=\""
                + clause + "\">\n<p class=\"counts\">");
        b.append(count("contracts", contracts.size(), "JML contract")).append(" · ")
         .append(count("traces", traces.size(), "trace")).append(" · ")
         .append(count("theorems", theorems.size(), "Lean theorem")).append(" · ")
         .append("<span class=\"count waivers\" data-count=\"").append(waiver == null ? 0 : 1).append("\">")
         .append(waiver == null ? "no waiver" : "waiver: " + waiver.kind().label()).append("</span>")
         .append(" · <span class=\"key\">KeY: ").append(keySummary(contracts)).append("</span></p>\n");
        if (results != null) {
            b.append("<p class=\"results\"><a href=\"../results.html#clause-").append(clause).append("\">results</a>: ")
             .append(results.clauseLine(clause)).append("</p>\n");
        }
        b.append("<details><summary>evidence</summary>\n");
        if (!contracts.isEmpty()) {
            b.append("<h4>JML contracts</h4><ul>");
            for (Contract c : contracts) {
                b.append("<li>").append(link(c.file(), c.line(), c.className() + "." + c.method())).append(" <span class=\"key ")
                 .append(c.keyStatus().replace(' ', '-')).append("\">KeY ").append(Html.esc(c.keyStatus())).append("</span>");
                c.obligations().forEach(o -> b.append(" <small>").append(Html.esc(o.id())).append(' ')
                        .append(Html.esc(o.status())).append("</small>"));
                b.append("</li>");
            }
            b.append("</ul>\n");
        }
        if (!traces.isEmpty()) {
            b.append("<h4>Golden traces</h4><ul class=\"traces\">");
            traces.forEach(t -> b.append("<li>").append(link("conformance/traces/" + t + ".ndjson", 0, t)).append("</li>"));
            b.append("</ul>\n");
        }
        if (!theorems.isEmpty()) {
            b.append("<h4>Lean theorems</h4><ul>");
            for (Theorem t : theorems) {
                b.append("<li>").append(link("lean-proofs/" + t.file(), 0, t.name())).append(" — ").append(Html.esc(t.statement()))
                 .append(" <span class=\"twins\">twins ").append(Html.esc(t.status())).append(": ")
                 .append(Html.esc(String.join(", ", t.twins()))).append("</span></li>");
            }
            b.append("</ul>\n");
        }
        if (waiver != null) {
            b.append("<h4>Waiver</h4><p>").append(waiver.kind().label()).append(": ").append(Html.esc(waiver.reason()));
            for (String f : waiver.checkedBy()) {
                b.append(" ").append(link(f, 0, f));
            }
            b.append("</p>\n");
        }
        return b.append("</details></section>\n").toString();
    }

    private String keySummary(List<Contract> contracts) {
        if (contracts.isEmpty()) {
            return "no contract";
        }
        if (!evidence.keyRun()) {
            return "not run";
        }
        long closed = contracts.stream().filter(c -> c.keyStatus().equals("closed")).count();
        return closed + " of " + contracts.size() + " closed";
    }

    private static String count(String kind, int n, String noun) {
        return "<span class=\"count " + kind + "\" data-count=\"" + n + "\">" + n + " " + noun + (n == 1 ? "" : "s") + "</span>";
    }

    private String link(String repoPath, int line, String text) {
        String href = sources.link("../", repoPath, line);
        return href == null ? Html.esc(text) : "<a href=\"" + Html.esc(href) + "\">" + Html.esc(text) + "</a>";
    }
}
