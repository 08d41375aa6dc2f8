package dev.atomik.conformance.expectations;

/**
 * One line of an expectations file: a known difference of the implementation under test, tracked
 * instead of blocking (conformance/INTERPRETING.md §9).
 *
 * @param pattern a trace id ({@code context/swap-value}), a glob with {@code *} ({@code stream/*}),
 *                or {@code fuzz:<op>/<difference>} for a fuzzer waiver
 * @param status  the status expected, as written: {@code fail}, {@code error}, {@code skip},
 *                {@code not_exercised}, {@code pass}, or {@code waive} for a fuzzer waiver
 * @param link    an URL or issue reference, or {@code -} when there is none
 * @param reason  why, free text (never empty)
 * @param line    1-based line in the file, so reports can point at it
 */
public record Expectation(String pattern, String status, String link, String reason, int line) {
}
