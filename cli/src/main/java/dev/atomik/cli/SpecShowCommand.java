package dev.atomik.cli;

import dev.atomik.conformance.evidence.Contract;
import dev.atomik.conformance.evidence.Evidence;
import dev.atomik.conformance.evidence.Theorem;
import dev.atomik.conformance.coverage.Waiver;
import dev.atomik.spec.Clause;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code atomik spec show CLAUSE}: a clause's text, strength and intent, and its chain of evidence. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Print a clause's text, strength and intent, and its evidence: JML contracts and their KeY status, "
                + "golden traces, Lean theorems and their twins' status, and waivers.",
                "Example: atomik spec show CTX-SWAP-2"})
final class SpecShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CLAUSE", description = "a clause ID, e.g. CTX-SWAP-2")
    String id;

    @Override
    public Integer call() throws IOException {
        Evidence evidence = Evidence.read(RepoDir.find());
        String wanted = id.toUpperCase(Locale.ROOT);
        Clause clause = evidence.clause(wanted).orElseThrow(() -> new UsageException("unknown clause " + id
                + " (spec/CLAUSES.md lists them" + suggestion(evidence, wanted) + ")"));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        print(evidence, clause, out);
        return ExitCode.OK;
    }

    private static String suggestion(Evidence evidence, String wanted) {
        String stem = wanted.replaceAll("-[0-9]+$", "");
        List<String> near = evidence.index().all().stream().map(Clause::id).filter(c -> c.startsWith(stem)).toList();
        return near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?";
    }

    static void print(Evidence evidence, Clause clause, PrintStream out) {
        out.println(clause.id() + " · " + clause.strength() + "   (spec/" + clause.file() + ":" + clause.line() + ")");
        out.println();
        for (String line : clause.text().split("\n")) {
            out.println("  " + line);
        }
        out.println();
        List<Contract> contracts = evidence.contracts(clause.id());
        out.println("JML contracts (KeY" + (evidence.keyRun() ? ", " + Evidence.KEY_REPORT : ": not run, no "
                + Evidence.KEY_REPORT + "; nothing here is claimed proved") + "): " + contracts.size());
        for (Contract c : contracts) {
            StringBuilder s = new StringBuilder("  " + c.className() + "." + c.method() + "   " + c.file() + ":" + c.line()
                    + "   KeY " + c.keyStatus());
            if (!c.obligations().isEmpty()) {
                s.append(" (");
                for (int i = 0; i < c.obligations().size(); i++) {
                    Contract.Obligation o = c.obligations().get(i);
                    s.append(i == 0 ? "" : ", ").append(o.id()).append(' ').append(o.status());
                    if (o.expected().equals("known-open")) {
                        s.append(" [known-open]");
                    }
                }
                s.append(')');
            }
            out.println(s);
        }
        List<String> traces = evidence.traces(clause.id());
        out.println("Golden traces: " + traces.size());
        for (String t : traces) {
            out.println("  " + t + "   conformance/traces/" + t + ".ndjson");
        }
        List<Theorem> theorems = evidence.theorems(clause.id());
        out.println("Lean theorems (lean-proofs/README.md): " + theorems.size());
        for (Theorem t : theorems) {
            out.println("  " + t.name() + "   lean-proofs/" + t.file() + "   twins " + t.status() + ": "
                    + String.join(", ", t.twins()));
            out.println("    " + t.statement());
        }
        Waiver w = evidence.waiver(clause.id()).orElse(null);
        out.println("Waiver: " + (w == null ? "none" : w.kind().label() + " - " + w.reason()
                + (w.checkedBy().isEmpty() ? "" : " (checked by " + String.join(", ", w.checkedBy()) + ")")));
    }
}
