package dev.atomik.model.proof;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Splits the obligations over worker JVMs so that the slowest worker finishes as early as possible:
 * longest budget first, each to the worker with the least budget so far (the classic LPT rule).
 * Budgets, not measured seconds, are the weights, so the split is the same on every machine.
 */
final class ProofShards {
    private ProofShards() {
    }

    static List<List<Obligation>> split(List<Obligation> obligations, int workers, ToIntFunction<String> budget) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        List<List<Obligation>> shards = new ArrayList<>();
        long[] load = new long[workers];
        for (int w = 0; w < workers; w++) {
            shards.add(new ArrayList<>());
        }
        List<Obligation> heaviestFirst = new ArrayList<>(obligations);
        heaviestFirst.sort(Comparator.comparingInt((Obligation o) -> budget.applyAsInt(o.id())).reversed()
                .thenComparing(Obligation::id));
        for (Obligation o : heaviestFirst) {
            int lightest = 0;
            for (int w = 1; w < workers; w++) {
                if (load[w] < load[lightest]) {
                    lightest = w;
                }
            }
            shards.get(lightest).add(o);
            load[lightest] += budget.applyAsInt(o.id());
        }
        return shards;
    }
}
