package dev.atomik.lean;

import java.util.List;

/**
 * One {@code theorem} found in the Lean sources.
 *
 * @param name      fully qualified name (namespaces joined by '.')
 * @param file      path relative to the Lean project root, with '/' separators
 * @param line      1-based line of the {@code theorem} keyword
 * @param statement the binders and type, whitespace collapsed (what the statement hash covers)
 * @param summary   the docstring's sentence, without its clause citation
 * @param clauses   clause IDs cited by the docstring
 * @param definitional whether the proof is definition-level: it only unfolds definitions and decides
 *                  {@code if}s ({@code rfl}, {@code if_pos}/{@code if_neg}, {@code show}, {@code unfold},
 *                  {@code decide}), citing no other lemma; such a theorem restates a definition
 */
public record LeanTheorem(String name, String file, int line, String statement, String summary, List<String> clauses,
                          boolean definitional) {

    public String hash() {
        return StatementHash.of(statement);
    }

    public String location() {
        return file + ":" + line;
    }
}
