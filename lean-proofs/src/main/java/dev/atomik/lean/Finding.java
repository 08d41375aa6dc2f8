package dev.atomik.lean;

/** A reason the cross-check fails, located at a file and line when there is one. */
public record Finding(Kind kind, String where, String message) {
    public enum Kind {
        FORBIDDEN_WORD, NOT_IMPORTED, BAD_IMPORT, NO_DOCSTRING, NO_CLAUSE, UNKNOWN_CLAUSE, DUPLICATE_THEOREM,
        NO_TWIN, NO_CHECKED_TWIN, TWIN_MISSING, TWIN_FAILED, HASH_MISMATCH, STALE_MAPPING, BAD_MAPPING,
        LAKE_FAILED, TOO_FEW_THEOREMS, STALE_README, KEY_REPORT_REJECTED
    }

    @Override
    public String toString() {
        return kind + " " + where + ": " + message;
    }
}
