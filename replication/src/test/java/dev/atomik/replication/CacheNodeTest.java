package dev.atomik.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.atomik.model.AtomikError;
import dev.atomik.model.CacheNode;
import dev.atomik.model.DeltaMessage;
import dev.atomik.model.DeltaStream;
import dev.atomik.model.ErrorCode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The model's cache node, executed (its contracts are proved by KeY in the model module). */
class CacheNodeTest {

    /** REP-CACHE-1: put reads the old state, LOADs locally and issues (k, old ^ v, next seq). */
    @Test
    void required_REP_CACHE_1_put_issues_old_xor_new_with_next_seq() {
        CacheNode a = new CacheNode(0, 64);
        a.load(0, 0xCAFEBABEL);
        DeltaMessage m1 = a.put(0, 0xDEADBEEFL);
        assertEquals(new DeltaMessage(0, 0xCAFEBABEL ^ 0xDEADBEEFL, 1), m1);
        assertEquals(0x14530451L, m1.delta, "0xcafebabe ^ 0xdeadbeef");
        assertEquals(0xDEADBEEFL, a.get(0));
        DeltaMessage m2 = a.put(7, 0x5L);
        assertEquals(new DeltaMessage(7, 0x5L, 2), m2, "a key never touched reads 0, so the delta is the value");
        assertEquals(2, a.lastSeq());
    }

    /** REP-CACHE-1, STR-APPLY-1, NG-DUP-1: receive is APPLY, twice cancels. */
    @Test
    void required_NG_DUP_1_receive_twice_cancels() {
        CacheNode b = new CacheNode(1, 64);
        b.load(0, 0xCAFEBABEL);
        DeltaMessage m = new DeltaMessage(0, 0x14530451L, 1);
        b.receive(m);
        assertEquals(0xDEADBEEFL, b.get(0));
        b.receive(m);
        assertEquals(0xCAFEBABEL, b.get(0));
        assertEquals(0, b.lastSeq(), "receiving issues no seq");
    }

    /** NG-SWAP-1: SWAP returns the old state, issues no seq, and later deltas still apply. */
    @Test
    void required_NG_SWAP_1_swap_is_local() {
        CacheNode a = new CacheNode(0, 64);
        a.load(0, 0x3L);
        assertEquals(0x3L, a.swap(0, 0x5L));
        assertEquals(0, a.lastSeq());
        a.receive(new DeltaMessage(0, 0x4L, 1));
        assertEquals(0x1L, a.get(0));
    }

    /** STR-SPARSE-1, STR-CAP-1, VAL-MASK-1: errors change nothing, values are masked. */
    @Test
    void required_STR_CAP_1_errors_and_masking() {
        CacheNode n = new CacheNode(0, 8, 1);
        assertEquals(ErrorCode.ADDRESS_OUT_OF_RANGE, assertThrows(AtomikError.class, () -> n.get(1L << 32)).code);
        assertEquals(ErrorCode.ADDRESS_OUT_OF_RANGE, assertThrows(AtomikError.class, () -> n.put(-1, 1)).code);
        DeltaMessage m = n.put(0, 0x1FFL);
        assertEquals(0xFFL, m.delta);
        assertEquals(ErrorCode.CAPACITY_EXCEEDED, assertThrows(AtomikError.class, () -> n.put(1, 1)).code);
        assertEquals(ErrorCode.CAPACITY_EXCEEDED,
                assertThrows(AtomikError.class, () -> n.receive(new DeltaMessage(1, 1, 1))).code);
        assertEquals(1, n.lastSeq(), "a failed put issues no seq (ERR-ATOMIC-1)");
        assertEquals(1, n.size());
        assertEquals(ErrorCode.BAD_WIDTH, assertThrows(AtomikError.class, () -> new CacheNode(0, 65)).code);
        assertEquals(0L, new CacheNode(0, 64).get(0xFFFFFFFFL));
    }

    /**
     * CacheNode keeps its own slots instead of wrapping a DeltaStream; this ties the two together:
     * the same LOADs and APPLYs give the same READs (REP-CACHE-1, STR-APPLY-1, STR-LOAD-1).
     */
    @Property(tries = 200)
    void required_REP_CACHE_1_node_agrees_with_stream(
            @ForAll @Size(max = 40) long[] values, @ForAll @IntRange(min = 1, max = 64) int width) {
        CacheNode node = new CacheNode(0, width, 64);
        DeltaStream stream = new DeltaStream(width, 64, 64);
        for (int i = 0; i < values.length; i++) {
            long key = Math.floorMod(values[i], 5);
            if (i % 3 == 0) {
                node.load(key, values[i]);
                stream.load(key, values[i]);
            } else {
                DeltaMessage m = new DeltaMessage(key, values[i], 1);
                node.receive(m);
                stream.apply(m);
            }
            assertEquals(stream.read(key), node.get(key), "key " + key + " after step " + i);
        }
    }
}
