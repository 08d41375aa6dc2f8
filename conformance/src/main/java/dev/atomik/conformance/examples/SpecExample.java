package dev.atomik.conformance.examples;

/**
 * One {@code Example:} of a spec file (or a fenced hello of the protocol), as written.
 *
 * @param file   spec-relative file name ({@code context.md})
 * @param line   1-based line the example starts on
 * @param clause the clause it belongs to (the nearest heading above), or null
 * @param text   the example after {@code Example:}, its wrapped lines joined
 */
public record SpecExample(String file, int line, String clause, String text) {

    /** {@code spec/context.md:14}: where an editor jumps to. */
    public String where() {
        return "spec/" + file + ":" + line;
    }
}
