package dev.atomik.lean;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import com.microsoft.z3.Z3Exception;
import java.util.Arrays;

/**
 * Proves a theorem's bit-vector twin with z3: the SMT text states the hypotheses and, last,
 * {@code (assert (not P))}; P holds for all 64-bit values exactly when that is unsatisfiable.
 * The hypotheses alone must be satisfiable, so a contradictory premise cannot make a twin pass vacuously.
 */
public final class Z3Check {
    private Z3Check() {
    }

    public static TwinStatus check(Twin twin, String prelude) {
        try (Context ctx = new Context()) {
            BoolExpr[] asserts = ctx.parseSMTLIB2String(prelude + "\n" + twin.smt(), null, null, null, null);
            if (asserts.length == 0 || !asserts[asserts.length - 1].isNot()) {
                return new TwinStatus(twin, TwinStatus.State.FAIL,
                        "the last assertion must be (assert (not <statement>))");
            }
            BoolExpr[] premises = Arrays.copyOf(asserts, asserts.length - 1);
            if (premises.length > 0) {
                Solver s = ctx.mkSolver();
                s.add(premises);
                if (s.check() != Status.SATISFIABLE) {
                    return new TwinStatus(twin, TwinStatus.State.FAIL,
                            "the hypotheses are contradictory, so the twin would hold vacuously");
                }
            }
            Solver solver = ctx.mkSolver();
            solver.add(asserts);
            Status status = solver.check();
            return switch (status) {
                case UNSATISFIABLE -> new TwinStatus(twin, TwinStatus.State.PASS, "unsat: holds for all 64-bit values");
                case SATISFIABLE -> new TwinStatus(twin, TwinStatus.State.FAIL,
                        "counterexample: " + solver.getModel().toString().replaceAll("\\s+", " "));
                default -> new TwinStatus(twin, TwinStatus.State.FAIL, "z3 answered unknown: " + solver.getReasonUnknown());
            };
        } catch (Z3Exception e) {
            return new TwinStatus(twin, TwinStatus.State.FAIL, "SMT-LIB text rejected by z3: " + e.getMessage());
        }
    }
}
