package dev.atomik.conformance.coverage;

import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.TraceNeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * conformance/CAPABILITIES.md: which trace needs which capability, generated from
 * {@link TraceNeeds}, the same derivation the runner's capability check uses, so the table says
 * exactly what decides a skip.
 */
public final class CapabilityTable {

    private CapabilityTable() {
    }

    public static String toMarkdown(List<LoadedTrace> traces) {
        StringBuilder md = new StringBuilder();
        md.append("# Which trace needs which capability\n\n")
          .append("Generated from the traces by `dev.atomik.conformance.coverage.CapabilityTable` (the same derivation\n")
          .append("the runner's skip decision uses, `runner/TraceNeeds`); do not edit. Regenerate with\n")
          .append("`mvn -pl conformance test -Dtest=CapabilityTableTest -Datomik.regenerate=true`.\n\n")
          .append("How to read a row (conformance/INTERPRETING.md §2): the trace runs when its kind is declared with\n")
          .append("every **required op**, its widths are declared, and the **other needs** hold. **Observed** fields are\n")
          .append("compared when the kind `observe`s them and reported *not observed* otherwise — except the\n")
          .append("**subject** field, without which the trace is skipped. `encode`/`decode` are looked up in kind `wire`.\n\n")
          .append("| trace | kind | widths | required ops | observed | subject | other needs |\n")
          .append("|---|---|---|---|---|---|---|\n");
        for (LoadedTrace t : traces) {
            if (t.isMalformed()) {
                continue;
            }
            TraceNeeds n = TraceNeeds.of(t.trace());
            Set<String> required = n.kind().equals("cache") ? new TreeSet<>(t.trace().protocolOps()) : n.requiredOps();
            md.append("| `").append(t.id()).append("` | ").append(n.kind()).append(" | ")
              .append(n.widths().isEmpty() ? "—" : join(n.widths())).append(" | ")
              .append(String.join(", ", required)).append(" | ")
              .append(n.checkFields().isEmpty() ? "—" : String.join(", ", n.checkFields())).append(" | ")
              .append(n.subjectFields().isEmpty() ? "—" : subject(n)).append(" | ")
              .append(other(n)).append(" |\n");
        }
        return md.toString();
    }

    private static String subject(TraceNeeds n) {
        List<String> s = new ArrayList<>();
        n.subjectFields().forEach((field, clause) -> s.add(field + " (" + clause + ")"));
        return String.join(", ", s);
    }

    private static String other(TraceNeeds n) {
        List<String> o = new ArrayList<>();
        if (n.kind().equals("table")) {
            o.add("contexts ≥ " + n.contexts());
        }
        if (n.nodes() > 1) {
            o.add("nodes ≥ " + n.nodes());
        }
        if (n.cacheCapacity()) {
            o.add("kinds.cache.capacity (sets a key capacity)");
        }
        if (n.capacity()) {
            o.add("bounded stream" + (n.streamAddresses() > 0 ? ", addresses ≥ " + n.streamAddresses() : "")
                    + (n.streamQueue() > 0 ? ", queue ≥ " + n.streamQueue() : ""));
        }
        if (!n.rejectedWidths().isEmpty()) {
            o.add("widths.max < " + n.rejectedWidths().iterator().next() + " (expects it rejected)");
        }
        if (n.wideWords()) {
            o.add("widths.max > 64");
        }
        return o.isEmpty() ? "—" : String.join("; ", o);
    }

    private static String join(Set<Integer> widths) {
        List<String> out = new ArrayList<>();
        widths.forEach(w -> out.add(Integer.toString(w)));
        return String.join(", ", out);
    }
}
