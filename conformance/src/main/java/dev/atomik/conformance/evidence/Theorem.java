package dev.atomik.conformance.evidence;

import java.util.List;

/**
 * A Lean theorem and its twins, as the generated table of lean-proofs/README.md lists them.
 *
 * @param name      {@code Atomik.Ctx.init_read}
 * @param statement one sentence
 * @param file      lean-proofs-relative file
 * @param clauses   the clauses it cites
 * @param twins     the Java-side twins that check it ({@code z3}, {@code jqwik:ContextTwins#…})
 * @param status    the cross-check's verdict on the twins when the table was last generated
 */
public record Theorem(String name, String statement, String file, List<String> clauses, List<String> twins,
                      String status) {
    public Theorem {
        clauses = List.copyOf(clauses);
        twins = List.copyOf(twins);
    }
}
