package dev.atomik.conformance.coverage;

import java.util.List;

/**
 * Why a clause is not (fully) checked by golden traces, from {@code conformance/waivers.json}.
 *
 * @param clause the clause ID
 * @param kind   {@code tests}: checked by unit tests instead of traces (at least one test source must
 *               cite the clause); {@code partial}: traces cover it except a part no trace can reach
 * @param reason    one sentence, shown in COVERAGE.md
 * @param checkedBy test sources (repository-relative paths) that check the clause instead
 */
public record Waiver(String clause, Kind kind, String reason, List<String> checkedBy) {

    public Waiver {
        checkedBy = List.copyOf(checkedBy);
    }

    /** How a waived clause is checked instead. */
    public enum Kind {
        TESTS, PARTIAL;

        public String label() {
            return name().toLowerCase();
        }
    }
}
