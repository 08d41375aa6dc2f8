package dev.atomik.conformance.pit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One PIT run (one mutator group) judged against the accepted list: per-class counts, the unpinned
 * mutants nobody accepted, and the accepted entries that no longer match an unpinned mutant (stale:
 * the mutant is killed now, or the code moved; either way the list must be edited). {@code gaps} are
 * the unpinned mutants listed as {@code pinnable}: known, but a trace could kill them.
 */
record PitVerdict(String group, Map<String, Counts> perClass, List<Mutant> unlisted, List<Mutant> gaps,
                  List<AcceptedMutants.Entry> stale) {

    /** Counts for one class; {@code accepted} are the survived or uncovered ones the list explains. */
    record Counts(int total, int killed, int survived, int uncovered, int other, int accepted) {
        Counts plus(Counts o) {
            return new Counts(total + o.total, killed + o.killed, survived + o.survived, uncovered + o.uncovered,
                    other + o.other, accepted + o.accepted);
        }
    }

    static PitVerdict judge(String group, List<Mutant> mutants, AcceptedMutants accepted) {
        Map<String, Counts> perClass = new TreeMap<>();
        List<Mutant> unlisted = new ArrayList<>();
        List<Mutant> gaps = new ArrayList<>();
        List<AcceptedMutants.Entry> used = new ArrayList<>();
        for (Mutant m : mutants) {
            if (m.status() == Mutant.Status.NON_VIABLE) {
                continue; // rejected by the verifier: not a program, so not counted (as PIT does)
            }
            boolean listed = false;
            if (m.status().unpinned()) {
                AcceptedMutants.Entry e = accepted.find(group, m);
                if (e == null) {
                    unlisted.add(m);
                } else {
                    listed = true;
                    used.add(e);
                    if (e.kind().equals("pinnable")) {
                        gaps.add(m);
                    }
                }
            }
            Counts c = new Counts(1, m.status().killed() ? 1 : 0, m.status() == Mutant.Status.SURVIVED ? 1 : 0,
                    m.status() == Mutant.Status.NO_COVERAGE ? 1 : 0,
                    m.status().killed() || m.status() == Mutant.Status.SURVIVED
                            || m.status() == Mutant.Status.NO_COVERAGE ? 0 : 1,
                    listed ? 1 : 0);
            perClass.merge(m.simpleClass(), c, Counts::plus);
        }
        List<AcceptedMutants.Entry> stale = accepted.entries().stream()
                .filter(e -> e.group().equals("*") || e.group().equals(group))
                .filter(e -> !used.contains(e)).toList();
        return new PitVerdict(group, perClass, unlisted, gaps, stale);
    }

    Counts total() {
        return perClass.values().stream().reduce(new Counts(0, 0, 0, 0, 0, 0), Counts::plus);
    }

    boolean passes() {
        return unlisted.isEmpty() && stale.isEmpty();
    }

    /** The table printed after each run. */
    List<String> table() {
        List<String> out = new ArrayList<>();
        String format = "%-14s %6s %6s %8s %9s %6s %8s";
        out.add(String.format(format, "class", "total", "killed", "survived", "uncovered", "other", "listed"));
        perClass.forEach((name, c) -> out.add(row(format, name, c)));
        out.add(row(format, "all", total()));
        Counts t = total();
        out.add(String.format("%s: %d of %d killed (%d%%), %d survived, %d uncovered; listed: %d equivalent or "
                + "unreachable, %d pinnable gaps", group, t.killed(), t.total(),
                t.total() == 0 ? 0 : Math.round(100.0 * t.killed() / t.total()), t.survived(), t.uncovered(),
                t.accepted() - gaps.size(), gaps.size()));
        return out;
    }

    private static String row(String format, String name, Counts c) {
        return String.format(format, name, c.total(), c.killed(), c.survived(), c.uncovered(), c.other(), c.accepted());
    }
}
