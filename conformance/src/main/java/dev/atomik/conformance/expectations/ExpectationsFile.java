package dev.atomik.conformance.expectations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An expectations file (DESIGN-12): after the header {@code atomik-expectations 1}, one entry per
 * line, {@code <trace-id> <status> <link-or-dash> <reason>}; {@code #} lines are comments and blank
 * lines are ignored. Trace entries say what a trace is expected to end with; {@code fuzz:<CLASS>
 * waive} entries are the fuzzer's waivers. The whole file is checked when read, so a mistake on any
 * line is reported even by a tool that uses only some of the entries.
 */
public final class ExpectationsFile {
    public static final String HEADER = "atomik-expectations 1";
    /** Marks a fuzz-class entry: {@code fuzz:swap/value}. */
    public static final String FUZZ_PREFIX = "fuzz:";
    public static final List<String> TRACE_STATUSES = List.of("fail", "error", "skip", "not_exercised", "pass");
    public static final String WAIVE = "waive";
    public static final String NO_LINK = "-";
    /** A trace id with optional globs: letters, digits and {@code . _ - / *}. */
    private static final Pattern TRACE_PATTERN = Pattern.compile("[A-Za-z0-9._*/-]+");
    private static final Pattern FIELDS = Pattern.compile("\\s+");

    private final Path file;
    private final List<Expectation> entries;

    private ExpectationsFile(Path file, List<Expectation> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    /** Reads and checks a UTF-8 file. */
    public static ExpectationsFile read(Path file) throws ExpectationsException {
        String text;
        try {
            // a strict decoder: malformed UTF-8 is an error, not silently replaced characters
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new ExpectationsException(file, 0, "not UTF-8 text");
        } catch (NoSuchFileException e) {
            throw new ExpectationsException(file, 0, "no such file");
        } catch (IOException e) {
            throw new ExpectationsException(file, 0, "cannot read the file (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        return parse(file, text);
    }

    /** Checks {@code text} as the content of {@code file} (named in messages only). */
    public static ExpectationsFile parse(Path file, String text) throws ExpectationsException {
        // split with -1 keeps trailing empty lines, so line numbers match an editor's
        String[] lines = text.split("\r?\n", -1);
        List<Expectation> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = i == 0 && lines[0].startsWith("\uFEFF") ? lines[0].substring(1) : lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!trimmed.equals(HEADER)) {
                    throw new ExpectationsException(file, number, "expected the header \"" + HEADER + "\", got \""
                            + abbreviate(trimmed) + "\"");
                }
                header = true;
                continue;
            }
            Expectation e = entry(file, number, trimmed);
            Integer first = seen.putIfAbsent(e.pattern(), number);
            if (first != null) {
                throw new ExpectationsException(file, number, "a second entry for \"" + e.pattern()
                        + "\" (the first is at line " + first + ")");
            }
            entries.add(e);
        }
        if (!header) {
            throw new ExpectationsException(file, lines.length, "expected the header \"" + HEADER
                    + "\", the file has no entries at all");
        }
        return new ExpectationsFile(file, entries);
    }

    private static Expectation entry(Path file, int number, String line) throws ExpectationsException {
        String[] f = FIELDS.split(line, 4);
        if (f.length < 4 || f[3].isBlank()) {
            throw new ExpectationsException(file, number, "expected <trace-id> <status> <link-or-dash> <reason>, got "
                    + f.length + " field" + (f.length == 1 ? "" : "s") + (f.length == 3 ? " (the reason is required)" : ""));
        }
        String pattern = f[0];
        String status = f[1];
        String link = f[2].equals(NO_LINK) ? null : f[2];
        if (pattern.startsWith(FUZZ_PREFIX)) {
            String problem = FuzzClassSyntax.problem(pattern.substring(FUZZ_PREFIX.length()));
            if (problem != null) {
                throw new ExpectationsException(file, number, problem);
            }
            if (!status.equals(WAIVE)) {
                throw new ExpectationsException(file, number, "status \"" + status + "\" of a fuzz entry is not "
                        + WAIVE);
            }
        } else {
            if (!TRACE_PATTERN.matcher(pattern).matches()) {
                throw new ExpectationsException(file, number, "trace id \"" + abbreviate(pattern) + "\" is not a trace "
                        + "id (letters, digits, . _ - / and * globs) or " + FUZZ_PREFIX + "<op>/<difference>");
            }
            if (!TRACE_STATUSES.contains(status)) {
                throw new ExpectationsException(file, number, "status \"" + status + "\" is not one of "
                        + String.join(", ", TRACE_STATUSES) + (status.equals(WAIVE) ? " (waive is for " + FUZZ_PREFIX
                        + "<CLASS> entries)" : ""));
            }
        }
        return new Expectation(pattern, status, link, f[3].strip(), number);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    public Path file() {
        return file;
    }

    /** Every entry, in file order. */
    public List<Expectation> entries() {
        return entries;
    }

    /** The trace entries (not {@code fuzz:}), in file order. */
    public List<Expectation> traceEntries() {
        return entries.stream().filter(e -> !e.isFuzzClass()).toList();
    }

    /** The {@code fuzz:<CLASS> waive} entries, in file order. */
    public List<Expectation> fuzzEntries() {
        return entries.stream().filter(Expectation::isFuzzClass).toList();
    }

    /** The waived fuzz classes ({@code swap/value}), in file order. */
    public Set<String> waivedFuzzClasses() {
        Set<String> out = new LinkedHashSet<>();
        fuzzEntries().forEach(e -> out.add(e.fuzzClass()));
        return Collections.unmodifiableSet(out);
    }
}
