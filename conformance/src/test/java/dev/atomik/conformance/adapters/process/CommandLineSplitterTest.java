package dev.atomik.conformance.adapters.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code process:} argument is split like a shell would, quotes respected. */
class CommandLineSplitterTest {

    @Test
    void splitsOnBlanksAndKeepsQuotedBlanks() {
        assertEquals(List.of("python3", "my dir/a.py", "--x", "it's", "a\"b", "c d"),
                CommandLineSplitter.split("  python3 'my dir/a.py'\t--x \"it's\" \"a\\\"b\" c\\ d "));
    }

    @Test
    void adjacentQuotedPartsFormOneWordAndEmptyQuotesAnEmptyWord() {
        assertEquals(List.of("ab c", ""), CommandLineSplitter.split("a'b c' ''"));
    }

    @Test
    void unterminatedQuoteIsReportedWithItsColumn() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CommandLineSplitter.split("python3 'oops"));
        assertTrue(error.getMessage().contains("column 9"), error.getMessage());
    }
}
