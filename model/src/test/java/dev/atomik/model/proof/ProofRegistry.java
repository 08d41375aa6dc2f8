package dev.atomik.model.proof;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the build expects of each obligation, after KeY's own {@code ProofCollections} (ANCHORS):
 * every obligation listed here is {@code provable}, i.e. must close within its step budget, and
 * so must every obligation NOT listed (a new contract, CacheNode's for example) under
 * {@link #DEFAULT_STEPS}. The registry exists to give the few costly proofs a larger budget, named
 * and justified, and to fail when an entry no longer matches a contract (renamed or deleted).
 *
 * <p>{@link #KNOWN_OPEN} is KeY's {@code notprovable}: obligations that do not close yet, each with
 * the reason. They are still attempted on every build (with {@link #KNOWN_OPEN_STEPS}, to keep CI
 * inside its time limit), reported as {@code open} with {@code "expected": "known-open"} in
 * key-report.json, shown by JUnit as aborted (not passed) and listed in spec/trust-ledger.md; they
 * never count as proved. One that closes passes and says to move it to {@link #PROVABLE}. Any
 * obligation that is not known-open must close, or the build fails.
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
        // DeltaStream operations measured closed on 2026-11-25 (lead, load 2): the rest of the
        // class is not yet proved, see UNPROVED_CLASS below.
        provable("DeltaStream_addressCapacity_normal", DEFAULT_STEPS);
        // Sixteen byte equations, each a shift and a narrowing cast.
        provable("DeltaMessage_encode_normal", 20_000);
        provable("DeltaMessage_decode_normal", 20_000);
        // NOT closing as of 2026-11-25 (open after 41k-49k rule applications, see
        // spec/trust-ledger.md section 9): CacheNode_put_normal, CacheNode_load_normal,
        // CacheNode_swap_normal, CacheNode_receive_normal, DeltaMessage_getU32_normal,
        // DeltaStream_accum_exceptional_2. They run under the default budget and fail the build
        // until their contracts or bodies are reworked; they are not skipped.
    }

    /** Budget of an attempt at a known-open obligation. */
    static final int KNOWN_OPEN_STEPS = 3_000;

    /** Obligations known not to close, with the reason (see spec/trust-ledger.md, open proofs). */
    static final Map<String, String> KNOWN_OPEN = new LinkedHashMap<>();

    static {
        // Measured by key2 on 2026-11-25: open after ~42,000 nodes with a 40,000-step budget.
        knownOpen("CacheNode_put_normal", "slot-array frame of put (LOAD plus issuing a seq) not closed at 42k nodes");
        knownOpen("CacheNode_load_normal", "slot-array frame of load not closed at 42k nodes");
        knownOpen("CacheNode_swap_normal", "slot-array frame of swap not closed at 42k nodes");
        knownOpen("CacheNode_receive_normal", "slot-array frame of receive not closed at 42k nodes");
        knownOpen("DeltaMessage_getU32_normal", "the 'result is 0 iff all four bytes are 0' clause; open at 40k nodes");
    }

    private ProofRegistry() {
    }

    private static void knownOpen(String id, String reason) {
        KNOWN_OPEN.put(id, reason);
    }

    /**
     * A class whose obligations are not yet proved, except those listed in {@link #PROVABLE}: on
     * 2026-11-25 most DeltaStream operations stayed open (accum, allocate, apply, … after 10k-42k
     * nodes) and the rest were not measured before the session ended. They are attempted like
     * {@link #KNOWN_OPEN} ones and never counted as proved.
     */
    static final String UNPROVED_CLASS = "DeltaStream_";

    static boolean isKnownOpen(String id) {
        return KNOWN_OPEN.containsKey(id) || (id.startsWith(UNPROVED_CLASS) && !PROVABLE.containsKey(id));
    }

    private static void provable(String id, int maxSteps) {
        PROVABLE.put(id, maxSteps);
    }

    static int maxSteps(String id) {
        if (isKnownOpen(id)) {
            return KNOWN_OPEN_STEPS;
        }
        return PROVABLE.getOrDefault(id, DEFAULT_STEPS);
    }
}
