package dev.atomik.lean.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atomik.model.ErrorCode;
import dev.atomik.model.Table;
import dev.atomik.model.Width;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Twins of TableIndependence: a table of 1 … 16 contexts. */
class TableTwins {

    private static long[] snapshot(Table t, int size) {
        long[] out = new long[2 * size];
        for (int i = 0; i < size; i++) {
            out[2 * i] = t.read(i);
            out[2 * i + 1] = t.deltaCount(i);
        }
        return out;
    }

    /** TBL-INDEP-1, TBL-OPS-1: ACCUM at a acts on a as on a single context and changes no other address. */
    @Property
    void accumTouchesOnlyItsAddress(@ForAll @IntRange(min = 1, max = 16) int size, @ForAll @IntRange(min = 0, max = 15) int a0,
                                    @ForAll @IntRange(min = 1, max = 64) int w, @ForAll long v, @ForAll long d) {
        int a = a0 % size;
        Table t = new Table(w, size);
        for (int i = 0; i < size; i++) {
            t.load(i, v + i);
        }
        long[] before = snapshot(t, size);
        t.accum(a, d);
        long[] after = snapshot(t, size);
        for (int i = 0; i < size; i++) {
            if (i != a) {
                assertEquals(before[2 * i], after[2 * i], "state at " + i);
                assertEquals(before[2 * i + 1], after[2 * i + 1], "count at " + i);
            }
        }
        assertEquals(before[2 * a] ^ (d & Width.maskOf(w)), after[2 * a]);
        assertEquals(before[2 * a + 1] + 1, after[2 * a + 1]);
    }

    /** TBL-ADDR-1, ERR-ATOMIC-1: ACCUM outside 0 … N−1 fails with ADDRESS_OUT_OF_RANGE and changes nothing. */
    @Property
    void outOfRangeFailsAndChangesNothing(@ForAll @IntRange(min = 1, max = 16) int size, @ForAll long address, @ForAll long d) {
        if (address >= 0 && address < size) {
            address = size + (address % 3);
        }
        Table t = new Table(64, size);
        for (int i = 0; i < size; i++) {
            t.accum(i, i * 31L + 7);
        }
        long[] before = snapshot(t, size);
        long bad = address;
        assertEquals(ErrorCode.ADDRESS_OUT_OF_RANGE, Gen.errorCode(() -> t.accum(bad, d)));
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(snapshot(t, size)));
    }

    /**
     * TBL-OPS-1: no operation changes the size: after any sequence of LOAD, ACCUM, ROLLBACK, SWAP and MERGE
     * every address 0 … N−1 is still in range and N is still out of range.
     */
    @Property
    void operationsKeepTheSize(@ForAll @IntRange(min = 1, max = 16) int size,
                               @ForAll @net.jqwik.api.constraints.Size(max = 20) java.util.List<@IntRange(min = 0, max = 4) Integer> ops,
                               @ForAll long v) {
        Table t = new Table(64, size);
        int step = 0;
        for (int op : ops) {
            int a = step % size;
            int b = (step * 7 + 3) % size;
            switch (op) {
                case 0 -> t.load(a, v + step);
                case 1 -> t.accum(a, v ^ step);
                case 2 -> t.rollback(a, v);
                case 3 -> t.swap(a, v - step);
                default -> t.merge(a, b);
            }
            step++;
            for (int i = 0; i < size; i++) {
                assertEquals(i, t.index(i), "address " + i + " still in range after op " + op);
            }
            assertEquals(ErrorCode.ADDRESS_OUT_OF_RANGE, Gen.errorCode(() -> t.index(size)), "size unchanged after op " + op);
        }
    }
}
