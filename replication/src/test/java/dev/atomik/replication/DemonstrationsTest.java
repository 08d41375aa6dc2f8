package dev.atomik.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scripted demonstrations of spec/replication.md and spec/non-guarantees.md. */
class DemonstrationsTest {
    private static final long R = 0xCAFEBABEL;
    private static final long X = 0xDEADBEEFL;

    /** NG-ORDER-1, REP-CONV-1: B and C see A's two deltas in opposite orders and agree. */
    @Test
    void optional_NG_ORDER_1_opposite_orders_converge() {
        ConvergenceReport r = Scenarios.oppositeOrders().convergence();
        assertTrue(r.converged(), r.toString());
        assertEquals(0x2222L, r.agreedValue(0));
    }

    /** NG-DUP-1: without de-duplication a duplicated copy cancels the write at B. */
    @Test
    void required_NG_DUP_1_duplicate_without_dedup_breaks_convergence() {
        Cluster c = Scenarios.duplicate(false);
        ConvergenceReport r = c.convergence();
        assertFalse(r.converged(), r.toString());
        assertEquals(R, c.peek(1, 0), "B applied the delta twice: back to the reference");
        assertEquals(X, c.peek(0, 0));
        assertEquals(X, c.peek(2, 0));
        assertEquals(List.of("B"), r.nodesDifferingFromA());
    }

    /** REP-DEDUP-1: filtering by (sender, seq) repairs the duplicate. */
    @Test
    void required_REP_DEDUP_1_dedup_filters_the_second_copy() {
        ConvergenceReport r = Scenarios.duplicate(true).convergence();
        assertTrue(r.converged(), r.toString());
        assertEquals(X, r.agreedValue(0));
    }

    /** REP-REPAIR-1: a drop leaves C apart until A re-sends seq 1, or C loads a snapshot. */
    @Test
    void recommended_REP_REPAIR_1_drop_then_resend_or_snapshot() {
        for (boolean bySnapshot : new boolean[] {false, true}) {
            Cluster c = new Cluster(3, 64, true);
            for (int n = 0; n < 3; n++) {
                c.load(n, 0, R);
            }
            c.putAndBroadcast(0, 0, X);
            c.drop(0, 2, 1);
            c.deliver(0, 1, 1);
            ConvergenceReport before = c.convergence();
            assertFalse(before.converged(), "a lost message is not healed by the algebra");
            assertEquals(List.of("C"), before.nodesDifferingFromA());
            if (bySnapshot) {
                c.snapshot(1, 2);
            } else {
                assertEquals(List.of(new Copy(0, 2, 1)), Repair.resendMissing(c));
            }
            ConvergenceReport after = c.convergence();
            assertTrue(after.converged(), after.toString());
            assertEquals(X, after.agreedValue(0));
        }
        assertTrue(Scenarios.dropThenRepair(false).convergence().converged());
        assertTrue(Scenarios.dropThenRepair(true).convergence().converged());
    }

    /** REP-REPAIR-1, NG-DUP-1: re-sending what did arrive breaks convergence unless filtered. */
    @Test
    void recommended_REP_REPAIR_1_blind_resend_needs_dedup() {
        Cluster without = Scenarios.blindResend(false);
        assertFalse(without.convergence().converged());
        assertEquals(R, without.peek(1, 0), "B got seq 1 twice");
        assertEquals(X, without.peek(2, 0), "C got it once, late");
        ConvergenceReport with = Scenarios.blindResend(true).convergence();
        assertTrue(with.converged(), with.toString());
        assertEquals(X, with.agreedValue(0));
    }

    /** A snapshot is refused when it could lose a write or double-apply a copy in flight. */
    @Test
    void recommended_REP_REPAIR_1_snapshot_refuses_unsafe_states() {
        Cluster c = new Cluster(3, 64, true);
        c.putAndBroadcast(0, 0, X);
        assertThrows(IllegalStateException.class, () -> c.snapshot(1, 2), "copy A→C in flight");
        c.deliver(0, 2, 1);
        assertThrows(IllegalStateException.class, () -> c.snapshot(1, 2), "B lacks A seq 1");
    }

    /** NG-CONC-1: concurrent puts converge to R ^ X ^ Y, which neither writer wrote. */
    @Test
    void required_NG_CONC_1_concurrent_puts_converge_to_r_xor_x_xor_y() {
        ConvergenceReport small = Scenarios.concurrent(0x0FL, 0x01L, 0x02L).convergence();
        assertTrue(small.converged(), small.toString());
        assertEquals(0x0CL, small.agreedValue(0), "the spec's example");
        long y = 0x12345678L;
        ConvergenceReport big = Scenarios.concurrent(R, X, y).convergence();
        assertTrue(big.converged());
        assertEquals(R ^ X ^ y, big.agreedValue(0));
        assertTrue(big.agreedValue(0) != X && big.agreedValue(0) != y, "no winner");
    }

    /** NG-SWAP-1: SWAP sends nothing and does not win: A reads 0x5 ^ delta, B and C read B's 0x7. */
    @Test
    void required_NG_SWAP_1_swap_is_not_last_writer_wins() {
        Cluster c = Scenarios.swapIsLocal();
        assertEquals(0x5L ^ (0x3L ^ 0x7L), c.peek(0, 0));
        assertEquals(0x7L, c.peek(1, 0));
        assertEquals(0x7L, c.peek(2, 0));
        assertFalse(c.convergence().converged());
        assertEquals(0, c.node(0).lastSeq(), "SWAP issued no message");
    }

    /** Link operations refuse impossible moves with a message naming the copy. */
    @Test
    void link_operations_refuse_copies_not_in_flight() {
        Cluster c = new Cluster(3, 64, true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.deliver(0, 1, 1));
        assertTrue(e.getMessage().contains("A→B seq 1"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> c.send(0, 1, 1), "A never issued seq 1");
        c.putAndBroadcast(0, 0, 1);
        c.partition(java.util.Set.of(1));
        assertThrows(IllegalStateException.class, () -> c.deliver(0, 1, 1), "cut by the partition");
        c.heal();
        assertTrue(c.deliver(0, 1, 1));
    }
}
