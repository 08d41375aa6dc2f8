package dev.atomik.conformance.expectations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The glob rule: {@code *} matches any run of characters; exact beats glob, more literal characters beat fewer, then file order. */
class ExpectationsMatchingTest {
    private static Expectation entry(String pattern, int line) {
        return new Expectation(pattern, "fail", "-", "r" + line, line);
    }

    @Test
    void starMatchesAnyRunIncludingSlashes() {
        assertTrue(Patterns.matches("stream/*", "stream/accum-message"));
        assertTrue(Patterns.matches("*", "context/a"));
        assertTrue(Patterns.matches("*/swap-*", "context/swap-value"));
        assertTrue(Patterns.matches("values/mask-*-w8", "values/mask-stream-message-w8"));
        assertTrue(Patterns.matches("con*t/a", "context/a"));
        assertFalse(Patterns.matches("stream/*", "streams/a"));
        assertFalse(Patterns.matches("context/swap", "context/swap-value"), "an exact id is not a prefix");
        assertFalse(Patterns.matches("*-w8", "values/mask-w80"));
    }

    @Test
    void exactBeatsGlobWhereverItIsWritten() {
        List<Expectation> entries = List.of(entry("context/*", 1), entry("*", 2), entry("context/swap-value", 3));
        assertEquals(3, Patterns.winner(entries, "context/swap-value").orElseThrow().line());
        assertEquals(1, Patterns.winner(entries, "context/load-read").orElseThrow().line());
        assertEquals(2, Patterns.winner(entries, "stream/x").orElseThrow().line());
    }

    @Test
    void moreLiteralCharactersWinThenTheFirstWritten() {
        List<Expectation> entries = List.of(entry("*", 1), entry("context/swap-*", 2), entry("context/*", 3));
        assertEquals(2, Patterns.winner(entries, "context/swap-value").orElseThrow().line());
        List<Expectation> tie = List.of(entry("context/*", 1), entry("*/swap-value", 2), entry("*xt/swap-value", 3));
        assertEquals(3, Patterns.winner(tie, "context/swap-value").orElseThrow().line());
        List<Expectation> equal = List.of(entry("a*", 1), entry("*b", 2));
        assertEquals(1, Patterns.winner(equal, "ab").orElseThrow().line(), "an exact tie goes to the first line");
    }

    @Test
    void noMatchIsEmpty() {
        assertEquals(Optional.empty(), Patterns.winner(List.of(entry("stream/*", 1)), "context/a"));
    }
}
