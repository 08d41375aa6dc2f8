package dev.atomik.conformance.expectations;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed expectations file (format in conformance/INTERPRETING.md §9): the header line
 * {@code atomik-expectations 1}, then one {@code <trace-id> <status> <link-or-dash> <reason>} per
 * line; {@code #} comment lines and blank lines are ignored. Fuzzer waivers share the file as
 * {@code fuzz:<op>/<difference> waive <link> <reason>}.
 *
 * <p>Reading is strict and stops at the first problem: a file that silently dropped a misspelt line
 * would turn a known difference back into a new failure, or hide a real one behind a typo.
 */
public final class ExpectationsFile {
    private static final String HEADER = "atomik-expectations 1";
    private static final String FUZZ_PREFIX = "fuzz:";
    private static final String WAIVE = "waive";
    /** The statuses a trace entry may expect, in the order error messages list them. */
    private static final List<String> STATUSES = List.of("fail", "error", "skip", "not_exercised", "pass");
    private static final List<String> FUZZ_DIFFERENCES = List.of("value", "error-code", "error-vs-success");

    private final List<Expectation> traceEntries;
    private final Set<String> waivedFuzzClasses;

    private ExpectationsFile(List<Expectation> traceEntries, Set<String> waivedFuzzClasses) {
        this.traceEntries = List.copyOf(traceEntries);
        this.waivedFuzzClasses = Collections.unmodifiableSet(new LinkedHashSet<>(waivedFuzzClasses));
    }

    /** Reads and checks the whole file; the first problem is the exception's one-line message. */
    public static ExpectationsFile read(Path file) throws ExpectationsFormatException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ExpectationsFormatException(file, 0, "no such file");
        } catch (CharacterCodingException e) {
            throw new ExpectationsFormatException(file, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new ExpectationsFormatException(file, 0, "cannot read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(file, lines);
    }

    private static ExpectationsFile parse(Path file, List<String> lines) throws ExpectationsFormatException {
        List<Expectation> entries = new ArrayList<>();
        Set<String> waived = new LinkedHashSet<>();
        Map<String, Integer> firstLine = new HashMap<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!text.equals(HEADER)) {
                    throw new ExpectationsFormatException(file, number, "expected the header \"" + HEADER
                            + "\" as the first line that is not a comment, found \"" + text + "\"");
                }
                headerSeen = true;
                continue;
            }
            Expectation entry = entry(file, number, text);
            Integer earlier = firstLine.putIfAbsent(entry.pattern(), number);
            if (earlier != null) {
                throw new ExpectationsFormatException(file, number, "second entry for \"" + entry.pattern()
                        + "\" (the first is on line " + earlier + "); keep one");
            }
            if (entry.pattern().startsWith(FUZZ_PREFIX)) {
                waived.add(entry.pattern().substring(FUZZ_PREFIX.length()));
            } else {
                entries.add(entry);
            }
        }
        if (!headerSeen) {
            throw new ExpectationsFormatException(file, Math.max(1, lines.size()),
                    "expected the header \"" + HEADER + "\", found only comments and blank lines");
        }
        return new ExpectationsFile(entries, waived);
    }

    private static Expectation entry(Path file, int number, String text) throws ExpectationsFormatException {
        String[] parts = text.split("\\s+", 4);
        if (parts.length < 4) {
            String[] names = {"<trace-id>", "<status>", "<link-or-dash>", "<reason>"};
            throw new ExpectationsFormatException(file, number, "expected \"<trace-id> <status> <link-or-dash> "
                    + "<reason>\", the line ends before " + names[parts.length]);
        }
        String pattern = parts[0];
        String status = parts[1];
        if (pattern.startsWith(FUZZ_PREFIX)) {
            checkFuzzClass(file, number, pattern.substring(FUZZ_PREFIX.length()));
            if (!status.equals(WAIVE)) {
                throw new ExpectationsFormatException(file, number, "status \"" + status
                        + "\" of a fuzz: entry must be " + WAIVE);
            }
        } else {
            checkTracePattern(file, number, pattern);
            if (!STATUSES.contains(status)) {
                throw new ExpectationsFormatException(file, number, "status \"" + status + "\" is not one of "
                        + String.join(", ", STATUSES));
            }
        }
        return new Expectation(pattern, status, parts[2], parts[3].strip(), number);
    }

    private static void checkTracePattern(Path file, int number, String pattern) throws ExpectationsFormatException {
        for (char c : pattern.toCharArray()) {
            if ("?[]{}".indexOf(c) >= 0) {
                throw new ExpectationsFormatException(file, number, "trace id \"" + pattern + "\" uses '" + c
                        + "'; the only glob character is *");
            }
        }
    }

    private static void checkFuzzClass(Path file, int number, String fuzzClass) throws ExpectationsFormatException {
        int slash = fuzzClass.indexOf('/');
        if (slash <= 0 || !FUZZ_DIFFERENCES.contains(fuzzClass.substring(slash + 1))) {
            throw new ExpectationsFormatException(file, number, "fuzz class \"" + fuzzClass
                    + "\" is not <op>/<difference> with difference one of " + String.join(", ", FUZZ_DIFFERENCES));
        }
    }

    /** The trace entries (not the fuzz: waivers), in file order. */
    public List<Expectation> traceEntries() {
        return traceEntries;
    }

    /** The fuzz classes waived, {@code <op>/<difference>} without the {@code fuzz:} prefix, in file order. */
    public Set<String> waivedFuzzClasses() {
        return waivedFuzzClasses;
    }
}
