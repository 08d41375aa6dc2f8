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
        // Budgets are rule applications (what KeY's step limit counts), about 1.5x what was measured
        // on 2026-11-25 (key2: `R ... rules` in the scratch runs, KeY 2.12.3, settings of KeyProver).
        // Constructors: placeholder arrays, the class invariant and the frame (assignable \nothing)
        // on the exceptional exit as well; Table 16.6k, DeltaStream 11.9k-24.7k, CacheNode 9.7k-10.3k.
        provable("Table_Table_exceptional", 25_000);
        provable("Table_merge_exceptional", 20_000);
        provable("Table_merge_normal", 15_000);
        provable("DeltaStream_DeltaStream_int_exceptional", 30_000);
        provable("DeltaStream_DeltaStream_int_normal", 25_000);
        provable("DeltaStream_DeltaStream_int_int_int_exceptional_1", 30_000);
        provable("DeltaStream_DeltaStream_int_int_int_exceptional_2", 40_000);
        provable("DeltaStream_DeltaStream_int_int_int_normal", 20_000);
        // ADDRESS_OUT_OF_RANGE of accum, behind the queue and slot arrays in the invariant: 32k.
        provable("DeltaStream_accum_exceptional_1", 50_000);
        provable("CacheNode_CacheNode_exceptional_1", 15_000);
        provable("CacheNode_CacheNode_exceptional_2", 15_000);
        // Exceptional cases behind a find() over the distinct-key invariant: 10.1k-13.7k.
        provable("CacheNode_load_exceptional_2", 15_000);
        provable("CacheNode_swap_exceptional_2", 15_000);
        provable("CacheNode_receive_exceptional", 15_000);
        provable("CacheNode_put_exceptional_3", 20_000);
        // The slot of a key, unique by the distinct-key invariant: 11.2k.
        provable("CacheNode_slotFor_normal", 20_000);
        // Quantified postconditions over the slot arrays plus the distinct-address invariant
        // (budget set by engineer key, not yet measured by key2).
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
        // NOT closing as of 2026-11-25 (open after 41k-49k rule applications, see
        // spec/trust-ledger.md section 9): CacheNode_put_normal, CacheNode_load_normal,
        // CacheNode_swap_normal, CacheNode_receive_normal, DeltaMessage_getU32_normal,
        // DeltaStream_accum_exceptional_2. They run under the default budget and fail the build
        // until their contracts or bodies are reworked; they are not skipped.
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
