package dev.atomik.conformance.expectations;

/**
 * One entry of an expectations file (DESIGN-12): what a trace, or a fuzz class, is expected to do.
 *
 * @param pattern a trace id, possibly with {@code *} globs ({@code stream/*}), or {@code fuzz:<CLASS>}
 * @param status  {@code fail}, {@code error}, {@code skip}, {@code not_exercised} or {@code pass} for a
 *                trace; {@code waive} for a fuzz class
 * @param link    the URL or issue reference, or null when the file gives {@code -}
 * @param reason  why, as written (never empty)
 * @param line    1-based line of the entry in its file, for messages that point back at it
 */
public record Expectation(String pattern, String status, String link, String reason, int line) {

    /** The file's {@code -} and an absent link are one thing: null. */
    public Expectation {
        if (ExpectationsFile.NO_LINK.equals(link)) {
            link = null;
        }
    }

    /** True for a {@code fuzz:<CLASS>} entry (a fuzzer waiver), false for a trace entry. */
    public boolean isFuzzClass() {
        return pattern.startsWith(ExpectationsFile.FUZZ_PREFIX);
    }

    /** The CLASS of a {@code fuzz:<CLASS>} entry. */
    public String fuzzClass() {
        if (!isFuzzClass()) {
            throw new IllegalStateException(pattern + " is not a fuzz entry");
        }
        return pattern.substring(ExpectationsFile.FUZZ_PREFIX.length());
    }
}
