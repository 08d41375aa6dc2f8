package dev.atomik.model.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The number of obligations is not a floor but exactly the number of spec cases the source
 * declares (one KeY obligation per JML spec case, ANCHORS), method by method: a spec case that KeY
 * does not see (a misspelt keyword, a case lost in a merge, an annotation KeY skips) and an
 * obligation the source does not declare both fail the build, naming the method.
 */
final class SpecCaseCount {
    private SpecCaseCount() {
    }

    /** Per signature, where the source's count and KeY's differ; empty when they agree everywhere. */
    static List<String> differences(Map<String, Integer> declared, List<Obligation> obligations) {
        Map<String, Integer> found = new TreeMap<>();
        for (Obligation o : obligations) {
            found.merge(o.signature(), 1, Integer::sum);
        }
        TreeSet<String> signatures = new TreeSet<>(declared.keySet());
        signatures.addAll(found.keySet());
        List<String> out = new ArrayList<>();
        for (String s : signatures) {
            int d = declared.getOrDefault(s, 0);
            int f = found.getOrDefault(s, 0);
            if (d != f) {
                out.add(s + ": the source declares " + d + " spec case(s), KeY has " + f + " obligation(s)");
            }
        }
        return out;
    }

    static int total(Map<String, Integer> declared) {
        return declared.values().stream().mapToInt(Integer::intValue).sum();
    }
}
