package dev.atomik.model.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atomik.model.Context;
import dev.atomik.model.ErrorCode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Property tests of a single {@link Context} against the context clauses (spec/context.md) and the
 * value clauses (spec/values.md). Widths are drawn from 1..64 and values from the whole 64-bit range,
 * so every law is also exercised with inputs wider than W (VAL-MASK-1).
 */
class ContextLawsTest {

    private static Context loaded(int width, long reference) {
        Context c = new Context(width);
        c.load(reference);
        return c;
    }

    /**
     * CTX-INIT-1: a fresh context of any legal width has R = 0, A = 0, C = 0 and reads 0.
     * A failure means the model starts from hidden state that replicas would have to agree on.
     */
    @Property
    void required_CTX_INIT_1_fresh_context_reads_zero(@ForAll @IntRange(min = 1, max = 64) int width) {
        assertEquals(List.of(0L, 0L, 0L, 0L), Oracle.observe(new Context(width)));
    }

    /**
     * VAL-WIDTH-1: creating a context with a width outside 1..64 fails with BAD_WIDTH.
     * A failure means an illegal width was accepted or reported with the wrong code.
     */
    @Property
    void required_VAL_WIDTH_1_context_width_outside_1_to_64_fails_with_bad_width(@ForAll int width) {
        if (width >= 1 && width <= 64) {
            assertEquals(width, new Context(width).width());
            return;
        }
        assertEquals(ErrorCode.BAD_WIDTH, Oracle.errorCodeOf(() -> new Context(width)));
    }

    /**
     * CTX-ALG-1 (commutativity): ACCUM a; ACCUM b leaves exactly the same R, A, C and READ as
     * ACCUM b; ACCUM a. A failure means the order of deltas is observable, so replicas would diverge.
     */
    @Property
    void required_CTX_ALG_1_accum_is_commutative(@ForAll @IntRange(min = 1, max = 64) int width,
            @ForAll long reference, @ForAll long a, @ForAll long b) {
        Context ab = loaded(width, reference);
        ab.accum(a);
        ab.accum(b);
        Context ba = loaded(width, reference);
        ba.accum(b);
        ba.accum(a);
        assertEquals(Oracle.observe(ab), Oracle.observe(ba));
    }

    /**
     * CTX-ALG-1 (associativity): folding a, b, c one by one reads the same as folding (a ⊕ b) then c
     * and as folding a then (b ⊕ c). A failure means grouping deltas (batching) changes the state.
     */
    @Property
    void required_CTX_ALG_1_accum_is_associative(@ForAll @IntRange(min = 1, max = 64) int width,
            @ForAll long reference, @ForAll long a, @ForAll long b, @ForAll long c) {
        Context oneByOne = loaded(width, reference);
        oneByOne.accum(a);
        oneByOne.accum(b);
        oneByOne.accum(c);
        Context leftGrouped = loaded(width, reference);
        leftGrouped.accum(a ^ b);
        leftGrouped.accum(c);
        Context rightGrouped = loaded(width, reference);
        rightGrouped.accum(a);
        rightGrouped.accum(b ^ c);
        assertEquals(oneByOne.read(), leftGrouped.read());
        assertEquals(oneByOne.read(), rightGrouped.read());
        assertEquals(oneByOne.accumulator(), leftGrouped.accumulator());
        assertEquals(oneByOne.accumulator(), rightGrouped.accumulator());
    }

    /**
     * CTX-ALG-1 (identity 0): ACCUM 0 leaves R, A and READ unchanged and counts one delta.
     * A failure means the zero delta is not neutral.
     */
    @Property
    void required_CTX_ALG_1_zero_delta_is_identity(@ForAll @IntRange(min = 1, max = 64) int width,
            @ForAll long reference, @ForAll long prior) {
        Context c = loaded(width, reference);
        c.accum(prior);
        long r = c.reference();
        long a = c.accumulator();
        long state = c.read();
        c.accum(0L);
        assertEquals(List.of(r, a, 2L, state), Oracle.observe(c));
    }

    /**
     * CTX-ALG-1 (self-inverse): ACCUM d; ACCUM d leaves R, A and READ as before (C grows by 2).
     * A failure means a delta is not its own inverse, so rollback-by-reapplication is wrong.
     */
    @Property
    void required_CTX_ALG_1_every_delta_is_its_own_inverse(@ForAll @IntRange(min = 1, max = 64) int width,
            @ForAll long reference, @ForAll long prior, @ForAll long d) {
        Context c = loaded(width, reference);
        c.accum(prior);
        List<Long> before = Oracle.observe(c);
        c.accum(d);
        c.accum(d);
        assertEquals(List.of(before.get(0), before.get(1), 3L, before.get(3)), Oracle.observe(c));
    }

    @Provide
    Arbitrary<List<List<Long>>> deltasAndPermutation() {
        return Arbitraries.longs().list().ofMaxSize(24)
                .flatMap(deltas -> Arbitraries.shuffle(deltas).map(perm -> List.of(deltas, perm)));
    }

    /**
     * CTX-ALG-1 (order independence): LOAD r then ACCUM of a list of deltas reads r ⊕ (XOR of the
     * masked deltas), and ANY permutation of the same list gives the same R, A, C and READ.
     * A failure means the order of a multiset of deltas is observable.
     */
    @Property
    void required_CTX_ALG_1_any_permutation_of_deltas_reads_the_same(
            @ForAll @IntRange(min = 1, max = 64) int width, @ForAll long reference,
            @ForAll("deltasAndPermutation") List<List<Long>> deltasAndPermutation) {
        List<Long> deltas = deltasAndPermutation.get(0);
        List<Long> permuted = deltasAndPermutation.get(1);
        Context original = loaded(width, reference);
        deltas.forEach(original::accum);
        Context shuffled = loaded(width, reference);
        permuted.forEach(shuffled::accum);
        long expected = (reference & Oracle.mask(width)) ^ Oracle.xorAll(deltas, width);
        assertEquals(expected, original.read());
        assertEquals(Oracle.observe(original), Oracle.observe(shuffled));
    }

    /**
     * CTX-LOAD-1: after any history, LOAD v reads v masked and resets A and C to 0.
     * A failure means LOAD does not start a clean epoch from the loaded value.
     */
    @Property
    void required_CTX_LOAD_1_load_then_read_returns_value(@ForAll @IntRange(min = 1, max = 64) int width,
            @ForAll long oldReference, @ForAll @Size(max = 8) List<Long> history, @ForAll long value) {
        Context c = loaded(width, oldReference);
        history.forEach(c::accum);
        c.load(value);
        long v = value & Oracle.mask(width);
        assertEquals(List.of(v, 0L, 0L, v), Oracle.observe(c));
    }

    /**
     * CTX-ACCUM-1: ACCUM d sets A := A ⊕ d (masked), C := C + 1 and leaves R unchanged, so READ
     * returns R ⊕ A. A failure means a write is not folded into the accumulator as specified.
     */
    @Property
    void required_CTX_ACCUM_1_accum_then_read_returns_reference_xor_delta(
            @ForAll @IntRange(min = 1, max = 64) int width, @ForAll long reference, @ForAll long prior,
            @ForAll long d) {
        Context c = loaded(width, reference);
        c.accum(prior);
        long r = c.reference();
        long a = c.accumulator();
        c.accum(d);
        long expectedA = a ^ (d & Oracle.mask(width));
        assertEquals(List.of(r, expectedA, 2L, r ^ expectedA), Oracle.observe(c));
    }

    /**
     * CTX-READ-1: READ returns R ⊕ A and changes nothing; reading twice gives the same value.
     * A failure means READ has a side effect or does not reconstruct the state.
     */
    @Property
    void required_CTX_READ_1_read_returns_reference_xor_accumulator_and_changes_nothing(
            @ForAll @IntRange(min = 1, max = 64) int width, @ForAll long reference,
            @ForAll @Size(max = 8) List<Long> deltas) {
        Context c = loaded(width, reference);
        deltas.forEach(c::accum);
        List<Long> before = Oracle.observe(c);
        long first = c.read();
        long second = c.read();
        assertEquals(c.reference() ^ c.accumulator(), first);
        assertEquals(first, second);
        assertEquals(before, Oracle.observe(c));
    }

    /**
     * CTX-SWAP-1: SWAP returns S = R ⊕ A, then R = S, A = 0, C = 0, so READ after SWAP returns S.
     * A failure means SWAP loses or alters the state it hands out.
     */
    @Property
    void required_CTX_SWAP_1_swap_returns_state_and_restarts_from_it(
            @ForAll @IntRange(min = 1, max = 64) int width, @ForAll long reference,
            @ForAll @Size(max = 8) List<Long> deltas) {
        Context c = loaded(width, reference);
        deltas.forEach(c::accum);
        long expected = (reference & Oracle.mask(width)) ^ Oracle.xorAll(deltas, width);
        assertEquals(expected, c.swap());
        assertEquals(List.of(expected, 0L, 0L, expected), Oracle.observe(c));
    }

    /**
     * CTX-SWAP-2: SWAP v returns the old state S, then R = v (masked), A = 0, C = 0.
     * A failure means the atomic read-old/start-new swap returns or installs the wrong value.
     */
    @Property
    void required_CTX_SWAP_2_swap_value_returns_state_and_loads_value(
            @ForAll @IntRange(min = 1, max = 64) int width, @ForAll long reference,
            @ForAll @Size(max = 8) List<Long> deltas, @ForAll long value) {
        Context c = loaded(width, reference);
        deltas.forEach(c::accum);
        long expected = (reference & Oracle.mask(width)) ^ Oracle.xorAll(deltas, width);
        assertEquals(expected, c.swap(value));
        long v = value & Oracle.mask(width);
        assertEquals(List.of(v, 0L, 0L, v), Oracle.observe(c));
    }

    /**
     * CTX-ROLLBACK-1: ACCUM d; ROLLBACK d restores R, A and READ (C counts both), and ROLLBACK d alone
     * has exactly the effect of ACCUM d. A failure means rollback is not the self-inverse delta.
     */
    @Property
    void required_CTX_ROLLBACK_1_rollback_undoes_accum(@ForAll @IntRange(min = 1, max = 64) int width,
            @ForAll long reference, @ForAll long prior, @ForAll long d) {
        Context c = loaded(width, reference);
        c.accum(prior);
        List<Long> before = Oracle.observe(c);
        c.accum(d);
        c.rollback(d);
        assertEquals(List.of(before.get(0), before.get(1), before.get(2) + 2, before.get(3)), Oracle.observe(c));

        Context viaRollback = loaded(width, reference);
        viaRollback.rollback(d);
        Context viaAccum = loaded(width, reference);
        viaAccum.accum(d);
        assertEquals(Oracle.observe(viaAccum), Oracle.observe(viaRollback));
    }

    /**
     * CTX-MERGE-1: MERGE src into dst sets A_dst ⊕= A_src and C_dst += C_src, leaves R_dst and the
     * whole source unchanged. A failure means partial accumulations do not combine.
     */
    @Property
    void required_CTX_MERGE_1_merge_folds_source_accumulator_into_destination(
            @ForAll @IntRange(min = 1, max = 64) int width, @ForAll long dstRef, @ForAll long srcRef,
            @ForAll @Size(max = 6) List<Long> dstDeltas, @ForAll @Size(max = 6) List<Long> srcDeltas) {
        Context dst = loaded(width, dstRef);
        dstDeltas.forEach(dst::accum);
        Context src = loaded(width, srcRef);
        srcDeltas.forEach(src::accum);
        List<Long> srcBefore = Oracle.observe(src);
        long r = dst.reference();
        long a = Oracle.xorAll(dstDeltas, width) ^ Oracle.xorAll(srcDeltas, width);
        dst.merge(src);
        assertEquals(List.of(r, a, (long) dstDeltas.size() + srcDeltas.size(), r ^ a), Oracle.observe(dst));
        assertEquals(srcBefore, Oracle.observe(src));
    }

    /**
     * CTX-MERGE-1 (self-merge): merging a context into itself clears A (x ⊕ x = 0) and doubles C;
     * R is unchanged. A failure means the aliasing case reads the source after writing it.
     */
    @Property
    void required_CTX_MERGE_1_self_merge_clears_accumulator_and_doubles_count(
            @ForAll @IntRange(min = 1, max = 64) int width, @ForAll long reference,
            @ForAll @Size(max = 8) List<Long> deltas) {
        Context c = loaded(width, reference);
        deltas.forEach(c::accum);
        long r = c.reference();
        c.merge(c);
        assertEquals(List.of(r, 0L, 2L * deltas.size(), r), Oracle.observe(c));
    }

    /**
     * CTX-COUNT-1: C is the number of ACCUM and ROLLBACK operations since the last LOAD or SWAP,
     * whatever their values (including deltas that cancel). A failure means the count is reset or
     * advanced by the wrong operations.
     */
    @Property
    void required_CTX_COUNT_1_count_is_number_of_deltas_since_last_load_or_swap(
            @ForAll @IntRange(min = 1, max = 64) int width, @ForAll @Size(max = 8) List<Long> before,
            @ForAll @IntRange(min = 0, max = 2) int reset, @ForAll @Size(max = 8) List<Long> after) {
        Context c = new Context(width);
        before.forEach(c::accum);
        assertEquals(before.size(), c.deltaCount());
        if (reset == 0) {
            c.load(0L);
        } else if (reset == 1) {
            c.swap();
        } else {
            c.swap(1L);
        }
        assertEquals(0L, c.deltaCount());
        for (int i = 0; i < after.size(); i++) {
            if (i % 2 == 0) {
                c.accum(after.get(i));
            } else {
                c.rollback(after.get(i));
            }
        }
        c.read();
        assertEquals(after.size(), c.deltaCount());
    }

    /**
     * VAL-MASK-1: at a random width 1..64, LOAD, ACCUM and SWAP v use only the low W bits of their
     * input: a value and the same value with arbitrary high garbage above bit W behave identically.
     * A failure means bits above W leak into the state.
     */
    @Property
    void required_VAL_MASK_1_inputs_are_masked_to_width(@ForAll @IntRange(min = 1, max = 64) int width,
            @ForAll long value, @ForAll long delta, @ForAll long swapValue, @ForAll long garbage) {
        long high = garbage & ~Oracle.mask(width);
        Context clean = new Context(width);
        Context dirty = new Context(width);
        clean.load(value & Oracle.mask(width));
        dirty.load(value | high);
        clean.accum(delta & Oracle.mask(width));
        dirty.accum(delta ^ high);
        assertEquals(Oracle.observe(clean), Oracle.observe(dirty));
        clean.swap(swapValue & Oracle.mask(width));
        dirty.swap(swapValue | high);
        assertEquals(Oracle.observe(clean), Oracle.observe(dirty));
    }

    /**
     * VAL-MASK-2: at a random width 1..64, every READ and SWAP result (and R and A themselves) lies
     * within W bits whatever the inputs. A failure means a result leaves the width.
     */
    @Property
    void required_VAL_MASK_2_results_lie_within_width(@ForAll @IntRange(min = 1, max = 64) int width,
            @ForAll long value, @ForAll long delta, @ForAll long swapValue) {
        long m = Oracle.mask(width);
        Context c = new Context(width);
        c.load(value);
        c.accum(delta);
        long read = c.read();
        long swapped = c.swap(swapValue);
        long swappedAgain = c.swap();
        for (long result : new long[] {read, swapped, swappedAgain, c.reference(), c.accumulator()}) {
            assertEquals(result & m, result, "result 0x" + Long.toHexString(result) + " exceeds W=" + width);
        }
    }

    @Provide
    Arbitrary<int[]> twoDifferentWidths() {
        return Combinators.combine(Arbitraries.integers().between(1, 64), Arbitraries.integers().between(1, 64))
                .filter((a, b) -> !a.equals(b))
                .as((a, b) -> new int[] {a, b});
    }

    /**
     * ERR-ATOMIC-1: MERGE of contexts of different widths fails with BAD_WIDTH and changes neither
     * context. A failure means a rejected merge left partial state behind.
     */
    @Property
    void required_ERR_ATOMIC_1_failed_merge_changes_neither_context(@ForAll("twoDifferentWidths") int[] widths,
            @ForAll long dstRef, @ForAll long dstDelta, @ForAll long srcRef, @ForAll long srcDelta) {
        Context dst = loaded(widths[0], dstRef);
        dst.accum(dstDelta);
        Context src = loaded(widths[1], srcRef);
        src.accum(srcDelta);
        List<Long> dstBefore = Oracle.observe(dst);
        List<Long> srcBefore = Oracle.observe(src);
        int code = Oracle.errorCodeOf(() -> dst.merge(src));
        assertEquals(ErrorCode.BAD_WIDTH, code, Oracle.codeMismatch(ErrorCode.BAD_WIDTH, code));
        assertEquals(dstBefore, Oracle.observe(dst));
        assertEquals(srcBefore, Oracle.observe(src));
    }
}
