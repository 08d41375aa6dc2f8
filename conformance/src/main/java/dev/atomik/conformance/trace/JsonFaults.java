package dev.atomik.conformance.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Says why one trace line is not JSON in the trace's own terms: the column, and what a trace expects
 * there. Jackson finds the fault; its wording names its own classes and switches
 * ({@code StreamReadConstraints.getMaxStringLength()}, {@code JsonReadFeature...}), so the size limits
 * and control characters Jackson complains about are located again by {@link Scan}, a plain pass over
 * the line, and only a cleaned first clause of any other Jackson message is shown.
 */
final class JsonFaults {
    /** Limits of one trace line; Jackson enforces them while parsing, {@link Scan} names them. */
    static final int MAX_STRING = 1_000_000;
    static final int MAX_NUMBER = 1_000;
    static final int MAX_DEPTH = 100;

    /** Where in the line, and what was expected there. */
    record Fault(int column, String reason) {
    }

    private JsonFaults() {
    }

    static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER)
                .maxNestingDepth(MAX_DEPTH).build();
    }

    /**
     * @param truncated the line is the file's last and has no {@code \n}: the file may have been cut off
     */
    static Fault describe(String text, JsonProcessingException e, boolean truncated) {
        Scan scan = Scan.of(text);
        int jacksonColumn = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        if (scan.limit != null && (e instanceof StreamConstraintsException || scan.limit.column() <= jacksonColumn)) {
            return scan.limit;
        }
        if (scan.control != null && (jacksonColumn <= 0 || scan.control.column() <= jacksonColumn)) {
            return scan.control;
        }
        if (e instanceof StreamConstraintsException) {
            return new Fault(Math.max(jacksonColumn, 1), "the line is too large for a trace step");
        }
        if (e instanceof JsonEOFException) {
            return new Fault(text.length() + 1, scan.unclosed() + (truncated
                    ? "; this last line has no newline, so the file may be truncated" : ""));
        }
        if (e instanceof MismatchedInputException) {
            return new Fault(Math.max(jacksonColumn, 1), "more JSON after the object ends: a line holds exactly one object");
        }
        return new Fault(Math.max(jacksonColumn, 1), "not one JSON object: " + clean(e.getOriginalMessage()));
    }

    /** The first clause of a Jackson message, without its source excerpts or names of its switches. */
    static String clean(String message) {
        String m = message == null ? "" : message;
        for (String cut : new String[] {"\n", " (for ", "; enable", ": enable", " (start marker", "`", "[Source",
                " at [", "com.fasterxml"}) {
            int i = m.indexOf(cut);
            if (i >= 0) {
                m = m.substring(0, i);
            }
        }
        m = m.strip();
        while (!m.isEmpty() && ":;,(".indexOf(m.charAt(m.length() - 1)) >= 0) {
            m = m.substring(0, m.length() - 1).strip();
        }
        return m.isEmpty() ? "malformed JSON" : m;
    }

    /** One pass over a line: the first control character, the first oversized token or nesting, what is left open. */
    static final class Scan {
        Fault control;
        Fault limit;
        private final Deque<Integer> open = new ArrayDeque<>(); // columns of unclosed { and [
        private final Deque<Character> brackets = new ArrayDeque<>();
        private int stringStart; // column of the open quote while in a string, else 0

        static Scan of(String text) {
            Scan s = new Scan();
            s.run(text);
            return s;
        }

        private void run(String text) {
            boolean escape = false;
            long stringLength = 0;
            int numberStart = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                int column = i + 1;
                if (stringStart > 0) {
                    if (escape) {
                        escape = false;
                        if (c == 'u') {
                            i = Math.min(i + 4, text.length() - 1);
                        }
                        stringLength++;
                    } else if (c == '\\') {
                        escape = true;
                    } else if (c == '"') {
                        stringStart = 0;
                    } else if (c < 0x20) {
                        control(column, c, true);
                        stringLength++;
                    } else {
                        stringLength++;
                    }
                    if (stringLength == MAX_STRING + 1L) {
                        long total = stringLength + restOfString(text, i + 1);
                        limit(stringStart, "a string of " + total + " characters: a trace's strings are at most "
                                + MAX_STRING + " characters");
                    }
                    continue;
                }
                boolean numeric = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
                if (numeric && numberStart == 0 && (c == '-' || (c >= '0' && c <= '9'))) {
                    numberStart = column;
                } else if (!numeric && numberStart > 0) {
                    checkNumber(numberStart, column - numberStart);
                    numberStart = 0;
                }
                if (c == '"') {
                    stringStart = column;
                    stringLength = 0;
                } else if (c == '{' || c == '[') {
                    open.push(column);
                    brackets.push(c);
                    if (open.size() == MAX_DEPTH + 1) {
                        limit(column, "nesting deeper than " + MAX_DEPTH + " levels: a trace step nests a few");
                    }
                } else if ((c == '}' || c == ']') && !open.isEmpty()) {
                    open.pop();
                    brackets.pop();
                } else if (c < 0x20 && c != '\t') {
                    control(column, c, false);
                }
            }
            if (numberStart > 0) {
                checkNumber(numberStart, text.length() + 1 - numberStart);
            }
        }

        private static long restOfString(String text, int from) {
            long n = 0;
            for (int i = from; i < text.length() && text.charAt(i) != '"'; i++) {
                n++;
            }
            return n;
        }

        private void checkNumber(int start, int length) {
            if (length > MAX_NUMBER) {
                limit(start, "a number of " + length + " characters: a trace's numbers are at most " + MAX_NUMBER
                        + " characters (operands are hex strings like \"0x1f\")");
            }
        }

        private void limit(int column, String reason) {
            if (limit == null) {
                limit = new Fault(column, reason);
            }
        }

        private void control(int column, char c, boolean inString) {
            if (control == null) {
                String name = c == 0 ? "a NUL byte (0x00)" : String.format("the control character 0x%02x", (int) c);
                control = new Fault(column, name + (inString
                        ? " inside a string: expected printable text (write it as an escape like \\u0000)"
                        : ": expected JSON text (only spaces and tabs may separate tokens)"));
            }
        }

        /** What the end of a line leaves open, and what was expected to close it. */
        String unclosed() {
            if (stringStart > 0) {
                return "the line ends inside the string opened at column " + stringStart + ": expected its closing \"";
            }
            if (!open.isEmpty()) {
                char b = brackets.peek();
                return "the line ends inside the " + (b == '{' ? "object" : "array") + " opened at column "
                        + open.peek() + ": expected " + (b == '{' ? "}" : "]");
            }
            return "the line ends before its JSON value does";
        }
    }
}
