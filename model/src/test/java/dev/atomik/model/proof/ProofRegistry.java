package dev.atomik.model.proof;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the build expects of each obligation, after KeY's own {@code ProofCollections} (ANCHORS):
 * every obligation listed here is {@code provable}, i.e. must close within its step budget, and
 * so must every obligation NOT listed (a new contract, CacheNode's for example) under
 * {@link #DEFAULT_STEPS}. The registry exists to give the few costly proofs a larger budget, named
 * and justified, and to fail when an entry no longer matches a contract (renamed or deleted).
 * There is deliberately no {@code notprovable} entry: an open proof fails the build.
 */
final class ProofRegistry {
    /** Budget for an obligation not listed below; the measured field-level proofs need well under 5,000. */
    static final int DEFAULT_STEPS = 10_000;

    /** Obligations that need more than the default, with the measured reason. */
    static final Map<String, Integer> PROVABLE = new LinkedHashMap<>();

    static {
        // Quantified postconditions over the slot arrays plus the distinct-address invariant.
        provable("DeltaStream_accum_normal", 40_000);
        provable("DeltaStream_rollback_normal", 40_000);
        provable("DeltaStream_apply_normal", 40_000);
        provable("DeltaStream_load_normal", 40_000);
        provable("DeltaStream_swap_long_normal", 40_000);
        provable("DeltaStream_swap_long_long_normal", 40_000);
        provable("DeltaStream_swapTo_normal", 40_000);
        provable("DeltaStream_drain_normal", 40_000);
        // Sixteen byte equations, each a shift and a narrowing cast.
        provable("DeltaMessage_encode_normal", 20_000);
        provable("DeltaMessage_decode_normal", 20_000);
    }

    private ProofRegistry() {
    }

    private static void provable(String id, int maxSteps) {
        PROVABLE.put(id, maxSteps);
    }

    static int maxSteps(String id) {
        return PROVABLE.getOrDefault(id, DEFAULT_STEPS);
    }
}
