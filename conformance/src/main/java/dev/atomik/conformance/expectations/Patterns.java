package dev.atomik.conformance.expectations;

import java.util.List;
import java.util.Optional;

/**
 * Which entry of an expectations file speaks for a trace id. A pattern is an exact id or a glob in
 * which {@code *} matches any run of characters, slashes included ({@code stream/*},
 * {@code *-w64}, {@code *}). The most specific match wins: an exact id beats every glob, and among
 * globs the one with more literal characters (characters other than {@code *}) wins; an equal tie
 * goes to the entry written first. This lets a file say {@code stream/* fail} and then name the one
 * stream trace that behaves differently, in any order, and the outcome never depends on where a
 * line sits except for a genuine tie.
 */
public final class Patterns {
    private static final char STAR = '*';

    private Patterns() {
    }

    public static boolean isGlob(String pattern) {
        return pattern.indexOf(STAR) >= 0;
    }

    /** Whether {@code pattern} matches the whole of {@code id}. */
    public static boolean matches(String pattern, String id) {
        return matches(pattern, 0, id, 0);
    }

    // Iterative glob match with single backtrack point: linear enough for trace ids and never recursive.
    private static boolean matches(String p, int pi, String s, int si) {
        int star = -1;
        int resume = 0;
        while (si < s.length()) {
            if (pi < p.length() && p.charAt(pi) == STAR) {
                star = pi++;
                resume = si;
            } else if (pi < p.length() && p.charAt(pi) == s.charAt(si)) {
                pi++;
                si++;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == STAR) {
            pi++;
        }
        return pi == p.length();
    }

    /** The entry that speaks for {@code id}, by the rule in the class comment. */
    public static Optional<Expectation> winner(List<Expectation> entries, String id) {
        Expectation best = null;
        for (Expectation e : entries) {
            if (matches(e.pattern(), id) && (best == null || specificity(e) > specificity(best))) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Exact ids rank above every glob; globs rank by their number of literal characters. */
    private static int specificity(Expectation e) {
        if (!isGlob(e.pattern())) {
            return Integer.MAX_VALUE;
        }
        int literal = 0;
        for (char c : e.pattern().toCharArray()) {
            if (c != STAR) {
                literal++;
            }
        }
        return literal;
    }
}
