package dev.atomik.conformance.expectations;

/** What a trace's status means once the expectations file has had its say. */
public enum Verdict {
    /** The trace ended with the non-pass status its entry expects: known, tracked, not blocking. */
    EXPECTED("expected"),
    /** It failed or errored with no entry, or with an entry expecting another status: blocks the run. */
    NEW_FAILURE("new failure"),
    /** An entry expects a non-pass status but the trace passed: the file is out of date (blocks). */
    UNEXPECTED_PASS("unexpected pass"),
    /** No entry (or a {@code pass} entry) and it passed. */
    PASSED("as expected pass"),
    /**
     * Neither passed nor counted as a failure (a capability skip), and no entry expects exactly that:
     * such a trace can neither confirm nor refute an entry, so it counts as nothing, as without a file.
     */
    UNJUDGED("unjudged");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
