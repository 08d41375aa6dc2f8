package dev.atomik.lean;

/** What the harness found when it checked one twin in this build. */
public record TwinStatus(Twin twin, State state, String detail) {
    public enum State {
        /** Checked in this build and it held. */
        PASS,
        /** Checked in this build and it did not hold. */
        FAIL,
        /** Named in the mapping but does not exist. */
        MISSING,
        /** Exists but this build cannot check it (KeY report absent); never counts as checked. */
        NOT_CHECKED,
        /** A golden trace that exists; supplementary, run by the conformance module, not here. */
        PRESENT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    public boolean checkedAndPassed() {
        return state == State.PASS;
    }
}
