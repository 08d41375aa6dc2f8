package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.trace.Hex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Shrinks a failing step list to a small one that still fails, in two alternating passes until
 * neither changes anything:
 * <ol>
 *   <li>delta debugging (Zeller and Hildebrandt's ddmin): split the steps into n chunks, keep one
 *   chunk or drop one chunk whenever the rest still fails, refine n up to single steps; the result
 *   is 1-minimal (removing any one step makes it pass);</li>
 *   <li>operand simplification: each hex operand toward 0 (0, 1, top bit cleared, halved), sizes
 *   and bounds toward 1, bytes toward zeros of the same length, SWAP's optional value dropped,
 *   non-canonical hex spelled canonically, and one address renamed to a smaller one in every step
 *   at once.</li>
 * </ol>
 * Every candidate is judged by the caller's predicate, which re-runs it against both sides from a
 * reset. The first {@code pinned} steps (the sequence's first init) are never removed, only
 * simplified. A budget bounds the number of candidates tried.
 */
final class Shrinker {
    private static final List<String> HEX_FIELDS = List.of("addr", "from", "value", "delta", "seq");
    private static final List<String> ADDRESS_FIELDS = List.of("addr", "from");
    private static final List<String> SIZE_FIELDS = List.of("size", "addresses", "queue");

    private final Predicate<List<ObjectNode>> fails;
    private final int pinned;
    private final int budget;
    private int tests;

    /**
     * @param fails  true when the steps (run from a reset on both sides) still disagree
     * @param pinned leading steps that are never removed
     * @param budget most candidates to try
     */
    Shrinker(Predicate<List<ObjectNode>> fails, int pinned, int budget) {
        this.fails = fails;
        this.pinned = pinned;
        this.budget = budget;
    }

    /** Candidates tried so far. */
    int tests() {
        return tests;
    }

    /** The smallest failing list found; {@code steps} itself must fail. */
    List<ObjectNode> shrink(List<ObjectNode> steps) {
        List<ObjectNode> current = new ArrayList<>(steps);
        for (int round = 0; round < 8; round++) {
            int before = current.size();
            current = ddmin(current);
            boolean simplified = renameAddresses(current) | simplify(current);
            if (!simplified && current.size() == before) {
                break;
            }
        }
        return current;
    }

    private boolean test(List<ObjectNode> candidate) {
        if (tests >= budget) {
            return false;
        }
        tests++;
        try {
            return fails.test(candidate);
        } catch (RuntimeException invalid) {
            return false; // a candidate the model cannot run (e.g. nothing created) is not a failure
        }
    }

    // ---- ddmin over the unpinned steps ----

    private List<ObjectNode> ddmin(List<ObjectNode> steps) {
        List<ObjectNode> head = new ArrayList<>(steps.subList(0, Math.min(pinned, steps.size())));
        List<ObjectNode> c = new ArrayList<>(steps.subList(head.size(), steps.size()));
        int n = 2;
        while (c.size() >= 2 && tests < budget) {
            List<List<ObjectNode>> chunks = split(c, n);
            boolean reduced = false;
            for (List<ObjectNode> chunk : chunks) {
                if (test(concat(head, chunk))) {
                    c = chunk;
                    n = 2;
                    reduced = true;
                    break;
                }
            }
            if (!reduced && n > 2) {
                for (int i = 0; i < chunks.size(); i++) {
                    List<ObjectNode> complement = complement(chunks, i);
                    if (test(concat(head, complement))) {
                        c = complement;
                        n = Math.max(n - 1, 2);
                        reduced = true;
                        break;
                    }
                }
            }
            // With n == 2 the complements are the chunks themselves, already tried above.
            if (!reduced) {
                if (n >= c.size()) {
                    break;
                }
                n = Math.min(2 * n, c.size());
            }
        }
        if (c.size() == 1 && test(head)) {
            c = List.of(); // even the last step is not needed (a fault in the pinned init)
        }
        return concat(head, c);
    }

    private static List<List<ObjectNode>> split(List<ObjectNode> c, int n) {
        List<List<ObjectNode>> out = new ArrayList<>(n);
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (c.size() - start) / (n - i);
            out.add(new ArrayList<>(c.subList(start, end)));
            start = end;
        }
        return out;
    }

    private static List<ObjectNode> complement(List<List<ObjectNode>> chunks, int skip) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (i != skip) {
                out.addAll(chunks.get(i));
            }
        }
        return out;
    }

    private static List<ObjectNode> concat(List<ObjectNode> a, List<ObjectNode> b) {
        List<ObjectNode> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    // ---- operand simplification ----

    /**
     * Simplifies operands in place; true when anything changed. Each step is simplified until none
     * of its candidates still fails; every accepted candidate is strictly simpler (a smaller number,
     * an operand fewer, a canonical spelling), so this ends.
     */
    private boolean simplify(List<ObjectNode> steps) {
        boolean changed = false;
        for (int i = 0; i < steps.size(); i++) {
            boolean accepted = true;
            while (accepted && tests < budget) {
                accepted = false;
                for (ObjectNode candidate : candidates(steps.get(i))) {
                    List<ObjectNode> trial = new ArrayList<>(steps);
                    trial.set(i, candidate);
                    if (test(trial)) {
                        steps.set(i, candidate);
                        changed = true;
                        accepted = true;
                        break;
                    }
                }
            }
        }
        return changed;
    }

    /**
     * Moves one address to a smaller one in every step at once (LOAD@8 then SWAP@8 becomes LOAD@0
     * then SWAP@0, which no single-step change can reach); true when anything changed.
     */
    private boolean renameAddresses(List<ObjectNode> steps) {
        boolean changed = false;
        Set<Long> used = new java.util.TreeSet<>(Long::compareUnsigned);
        for (ObjectNode step : steps) {
            for (String field : ADDRESS_FIELDS) {
                JsonNode node = step.get(field);
                if (node != null && node.isTextual() && Hex.isValue(node.textValue())) {
                    used.add(Hex.parse(node.textValue()));
                }
            }
        }
        for (long from : used) {
            for (long to : smaller(from)) {
                if (used.contains(to)) {
                    continue; // merging two addresses changes what the steps mean; leave that to ddmin
                }
                List<ObjectNode> trial = new ArrayList<>(steps.size());
                for (ObjectNode step : steps) {
                    trial.add(renamed(step, from, to));
                }
                if (test(trial)) {
                    for (int i = 0; i < steps.size(); i++) {
                        steps.set(i, trial.get(i));
                    }
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    private static ObjectNode renamed(ObjectNode step, long from, long to) {
        ObjectNode out = step;
        for (String field : ADDRESS_FIELDS) {
            JsonNode node = step.get(field);
            if (node != null && node.isTextual() && Hex.isValue(node.textValue()) && Hex.parse(node.textValue()) == from) {
                if (out == step) {
                    out = step.deepCopy();
                }
                out.put(field, Hex.format(to));
            }
        }
        return out;
    }

    /** Simpler versions of one step, simplest first. */
    static List<ObjectNode> candidates(ObjectNode step) {
        List<ObjectNode> out = new ArrayList<>();
        if (step.path("op").asText().equals("swap") && step.has("value")) {
            ObjectNode c = step.deepCopy();
            c.remove("value");
            out.add(c);
        }
        for (String field : HEX_FIELDS) {
            JsonNode node = step.get(field);
            if (node == null || !node.isTextual() || !Hex.isValue(node.textValue())) {
                continue;
            }
            String text = node.textValue();
            long v = Hex.parse(text);
            if (!text.equals(Hex.format(v))) {
                out.add(with(step, field, Hex.format(v)));
            }
            for (long smaller : smaller(v)) {
                out.add(with(step, field, Hex.format(smaller)));
            }
        }
        for (String field : SIZE_FIELDS) {
            JsonNode node = step.get(field);
            if (node == null || !node.canConvertToLong() || node.asLong() <= 1) {
                continue;
            }
            long n = node.asLong();
            for (long smaller : new LinkedHashSet<>(List.of(1L, n / 2, n - 1))) {
                if (smaller >= 1 && smaller < n) {
                    ObjectNode c = step.deepCopy();
                    c.put(field, smaller);
                    out.add(c);
                }
            }
        }
        JsonNode bytes = step.get("bytes");
        if (bytes != null && bytes.isTextual()) {
            String text = bytes.textValue();
            String zeros = "0".repeat(text.length());
            if (!text.equals(zeros)) {
                out.add(with(step, "bytes", zeros));
            }
            // then one byte at a time toward zero (the length itself is meaningful and kept)
            for (int i = 0; i + 2 <= text.length(); i += 2) {
                if (!text.startsWith("00", i)) {
                    out.add(with(step, "bytes", text.substring(0, i) + "00" + text.substring(i + 2)));
                }
            }
        }
        return out;
    }

    /**
     * Unsigned values below v, simplest first: 0, 1, v's top bit alone, v without its top bit, v
     * without its lowest bit, v halved, v − 1.
     */
    private static Set<Long> smaller(long v) {
        Set<Long> out = new LinkedHashSet<>();
        long top = Long.highestOneBit(v);
        long[] tries = {0, 1, top, v & ~top, v & (v - 1), v >>> 1, v - 1};
        for (long t : tries) {
            if (Long.compareUnsigned(t, v) < 0) {
                out.add(t);
            }
        }
        return out;
    }

    private static ObjectNode with(ObjectNode step, String field, String value) {
        ObjectNode c = step.deepCopy();
        c.put(field, value);
        return c;
    }
}
