package dev.atomik.cli;

import dev.atomik.conformance.expectations.Expectation;
import dev.atomik.conformance.expectations.ExpectationsException;
import dev.atomik.conformance.expectations.ExpectationsFile;
import dev.atomik.conformance.fuzz.FuzzClass;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The fuzz classes {@code atomik fuzz} waives: {@code --waive CLASS} and the expectations file's fuzz lines. */
final class Waivers {
    private Waivers() {
    }

    /**
     * @param waive        the {@code --waive} values
     * @param expectations the {@code --expectations} file, or null
     * @throws UsageException naming the option or file:line of a bad CLASS, or the file's first bad line
     */
    static Set<FuzzClass> of(List<String> waive, Path expectations) {
        Set<FuzzClass> out = new LinkedHashSet<>();
        for (String text : waive) {
            try {
                out.add(FuzzClass.parse(text));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--waive: " + e.getMessage());
            }
        }
        if (expectations == null) {
            return out;
        }
        ExpectationsFile file;
        try {
            file = ExpectationsFile.read(expectations);
        } catch (ExpectationsException e) {
            throw new UsageException("--expectations: " + e.getMessage());
        }
        for (Expectation entry : file.fuzzEntries()) {
            try {
                out.add(FuzzClass.parse(entry.fuzzClass()));
            } catch (IllegalArgumentException e) {
                // the file's syntax was right, but the op is one the fuzzer never generates (a typo)
                throw new UsageException("--expectations: " + expectations + ":" + entry.line() + ": " + e.getMessage());
            }
        }
        return out;
    }
}
