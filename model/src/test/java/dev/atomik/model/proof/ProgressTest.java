package dev.atomik.model.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void theLineSaysClosedOfAllAndEstimatesByBudget() {
        // A quarter of the budget done in 60 s: about 240 s in all.
        assertEquals("KeY progress: 10 of 40 closed (11 done; 60 s elapsed, estimate 240 s in all)",
                Progress.line(10, 11, 40, 25_000, 100_000, 60.0));
    }

    @Test
    void beforeTheFirstResultThereIsNoEstimate() {
        assertEquals("KeY progress: 0 of 40 closed (0 done; 5 s elapsed, no estimate yet)",
                Progress.line(0, 0, 40, 0, 100_000, 5.0));
    }
}
