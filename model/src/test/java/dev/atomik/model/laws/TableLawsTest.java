package dev.atomik.model.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atomik.model.Context;
import dev.atomik.model.ErrorCode;
import dev.atomik.model.Table;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Property tests of {@link Table} against spec/table.md: a table is N independent contexts, and an
 * out-of-range address is reported without touching any of them.
 */
class TableLawsTest {

    /** A table with its width, size and a history of in-range operations already applied. */
    record Scenario(int width, int size, List<TableOp> history) {
        Table build() {
            Table t = new Table(width, size);
            history.forEach(op -> op.applyTo(t));
            return t;
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(Arbitraries.integers().between(1, 64), Arbitraries.integers().between(1, 6),
                TableOp.raw().list().ofMaxSize(30))
                .as((w, n, ops) -> new Scenario(w, n, ops.stream().map(op -> op.within(n)).toList()));
    }

    /** A scenario and one operation with an address outside its table. */
    record BadCase(Scenario scenario, TableOp op) {
    }

    @Provide
    Arbitrary<BadCase> badCases() {
        return Combinators.combine(scenarios(), TableOp.raw(), TableOp.badAddressSeed(), Arbitraries.of(true, false))
                .as((s, op, seed, badSource) -> new BadCase(s, op.outside(s.size(), seed, badSource)));
    }

    /** Every address's observable state (READ, COUNT), read without changing anything. */
    static List<List<Long>> observe(Table t) {
        List<List<Long>> out = new ArrayList<>();
        for (long a = 0; a < t.size(); a++) {
            out.add(List.of(t.read(a), t.deltaCount(a)));
        }
        return out;
    }

    /**
     * VAL-WIDTH-1 (and ERR-ORDER-1): creating a table with a width outside 1..64 fails with BAD_WIDTH,
     * even when the size is bad too. A failure means an illegal width was accepted or the fault
     * order (width before size) is wrong.
     */
    @Property
    void required_VAL_WIDTH_1_table_width_outside_1_to_64_fails_with_bad_width(@ForAll int width,
            @ForAll @IntRange(min = -4, max = 4) int size) {
        if (width >= 1 && width <= 64) {
            return;
        }
        int code = Oracle.errorCodeOf(() -> new Table(width, size));
        assertEquals(ErrorCode.BAD_WIDTH, code, Oracle.codeMismatch(ErrorCode.BAD_WIDTH, code));
    }

    /**
     * TBL-SIZE-1: a legal width with N < 1 fails with BAD_SIZE; N ≥ 1 creates N contexts that all read
     * 0 with count 0 (CTX-INIT-1 per address). A failure means an empty table was created.
     */
    @Property
    void required_TBL_SIZE_1_size_below_one_fails_with_bad_size(@ForAll @IntRange(min = 1, max = 64) int width,
            @ForAll @IntRange(min = Integer.MIN_VALUE, max = 64) int size) {
        if (size < 1) {
            int code = Oracle.errorCodeOf(() -> new Table(width, size));
            assertEquals(ErrorCode.BAD_SIZE, code, Oracle.codeMismatch(ErrorCode.BAD_SIZE, code));
            return;
        }
        Table t = new Table(width, size);
        assertEquals(size, t.size());
        List<List<Long>> fresh = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            fresh.add(List.of(0L, 0L));
        }
        assertEquals(fresh, observe(t));
    }

    /**
     * TBL-OPS-1: any sequence of in-range operations on a table returns the same values and leaves the
     * same READ and COUNT at every address as the same sequence on an array of N separate contexts.
     * A failure means some address does not behave as a context (the first differing step is shown).
     */
    @Property
    void required_TBL_OPS_1_each_address_behaves_as_a_context(@ForAll("scenarios") Scenario s) {
        Table table = new Table(s.width(), s.size());
        Context[] contexts = new Context[s.size()];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = new Context(s.width());
        }
        for (int step = 0; step < s.history().size(); step++) {
            TableOp op = s.history().get(step);
            assertEquals(op.applyTo(contexts), op.applyTo(table), "step " + step + ": " + op);
            for (int a = 0; a < contexts.length; a++) {
                assertEquals(contexts[a].read(), table.read(a), "READ@" + a + " after step " + step + ": " + op);
                assertEquals(contexts[a].deltaCount(), table.deltaCount(a), "COUNT@" + a + " after step " + step);
            }
        }
    }

    /**
     * TBL-INDEP-1: after any history, one more operation at address a (for MERGE: destination a)
     * leaves READ and COUNT of every other address unchanged. A failure means addresses alias.
     */
    @Property
    void required_TBL_INDEP_1_operation_changes_no_other_address(@ForAll("scenarios") Scenario s,
            @ForAll("rawOps") TableOp rawOp) {
        Table t = s.build();
        TableOp op = rawOp.within(s.size());
        List<List<Long>> before = observe(t);
        op.applyTo(t);
        List<List<Long>> after = observe(t);
        for (int a = 0; a < s.size(); a++) {
            if (a != op.address()) {
                assertEquals(before.get(a), after.get(a), "address " + a + " changed by " + op);
            }
        }
    }

    @Provide
    Arbitrary<TableOp> rawOps() {
        return TableOp.raw();
    }

    /**
     * TBL-ADDR-1: every operation (LOAD, ACCUM, ROLLBACK, READ, SWAP, SWAP v, MERGE either side, COUNT)
     * with an address outside 0..N−1, including negative ones, fails with ADDRESS_OUT_OF_RANGE.
     * A failure means an address was wrapped, clamped or reported with the wrong code.
     */
    @Property
    void required_TBL_ADDR_1_out_of_range_address_fails_with_address_out_of_range(
            @ForAll("badCases") BadCase bad) {
        Scenario s = bad.scenario();
        TableOp op = bad.op();
        Table t = s.build();
        int code = Oracle.errorCodeOf(() -> op.applyTo(t));
        assertEquals(ErrorCode.ADDRESS_OUT_OF_RANGE, code, op + ": " + Oracle.codeMismatch(ErrorCode.ADDRESS_OUT_OF_RANGE, code));
    }

    /**
     * ERR-ATOMIC-1 (table): an operation that fails with ADDRESS_OUT_OF_RANGE leaves READ and COUNT of
     * every address as they were, and the table keeps working as its twin that never saw the failed
     * operation. A failure means a rejected operation wrote partial state.
     */
    @Property
    void required_ERR_ATOMIC_1_failed_table_operation_changes_nothing(
            @ForAll("badCases") BadCase bad, @ForAll long probe) {
        Scenario s = bad.scenario();
        TableOp op = bad.op();
        Table failed = s.build();
        Table twin = s.build();
        Oracle.errorCodeOf(() -> op.applyTo(failed));
        assertEquals(observe(twin), observe(failed), "state changed by failed " + op);
        for (long a = 0; a < s.size(); a++) {
            failed.accum(a, probe);
            twin.accum(a, probe);
        }
        assertEquals(observe(twin), observe(failed), "later behaviour changed by failed " + op);
    }

    /**
     * CTX-MERGE-1 (table): MERGE d←s (d ≠ s) sets A_d ⊕= A_s and C_d += C_s, so READ@d becomes
     * READ@d ⊕ (READ@s ⊕ R_s), and leaves s unchanged. R_s is recovered by SWAP on a copy.
     * A failure means the table merge does not fold the source's accumulator.
     */
    @Property
    void required_CTX_MERGE_1_table_merge_folds_source_into_destination(@ForAll("scenarios") Scenario s,
            @ForAll @IntRange(min = 0, max = 5) int dst, @ForAll @IntRange(min = 0, max = 5) int src) {
        int d = dst % s.size();
        int sAddr = src % s.size();
        Assume.that(d != sAddr);
        Table t = s.build();
        // The source accumulator is READ ⊕ R, and R is what READ returns right after LOAD/SWAP; a
        // history replay with a SWAP of the source's reference tells it without a getter.
        long srcAccumulator = accumulatorOf(s, sAddr);
        long dstRead = t.read(d);
        long expectedCount = t.deltaCount(d) + t.deltaCount(sAddr);
        List<Long> srcBefore = List.of(t.read(sAddr), t.deltaCount(sAddr));
        t.merge(d, sAddr);
        assertEquals(dstRead ^ srcAccumulator, t.read(d));
        assertEquals(expectedCount, t.deltaCount(d));
        assertEquals(srcBefore, List.of(t.read(sAddr), t.deltaCount(sAddr)));
    }

    /**
     * CTX-MERGE-1 (table self-merge): MERGE a←a clears A_a (READ@a becomes R_a) and doubles C_a.
     * A failure means the aliasing case of the table merge is wrong.
     */
    @Property
    void required_CTX_MERGE_1_table_self_merge_clears_accumulator_and_doubles_count(
            @ForAll("scenarios") Scenario s, @ForAll @IntRange(min = 0, max = 5) int addr) {
        int a = addr % s.size();
        Table t = s.build();
        long reference = t.read(a) ^ accumulatorOf(s, a);
        long count = t.deltaCount(a);
        t.merge(a, a);
        assertEquals(reference, t.read(a));
        assertEquals(2 * count, t.deltaCount(a));
    }

    /** The accumulator at an address after the scenario's history, replayed on separate contexts. */
    private static long accumulatorOf(Scenario s, int address) {
        Context[] contexts = new Context[s.size()];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = new Context(s.width());
        }
        s.history().forEach(op -> op.applyTo(contexts));
        return contexts[address].accumulator();
    }
}
