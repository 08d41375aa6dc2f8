package dev.atomik.conformance.fuzz;

import dev.atomik.conformance.expectations.FuzzClassSyntax;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A class of disagreements, {@code <op>/<difference>} (DESIGN-12): the op of the disagreeing step
 * (for a multi-node sequence the step's op, such as {@code put} or {@code deliver}, not the
 * request it became) and how the two replies differ. The fuzzer keeps one shrunk trace per class
 * and waives by class, so two bugs that show up at different ops or in different ways are told
 * apart without reading the reasons.
 */
public record FuzzClass(String op, Difference difference) {

    /** How the adapter's reply differs from the model's. */
    public enum Difference {
        /** Both succeeded with different results (value, message, messages, bytes or ok). */
        VALUE("value"),
        /** Both failed, with different error codes. */
        ERROR_CODE("error-code"),
        /** One side failed and the other succeeded, either way. */
        ERROR_VS_SUCCESS("error-vs-success"),
        /**
         * The adapter gave no usable reply (crashed, timed out, malformed reply). Not a CLASS of the
         * expectations file: a broken adapter is never a known difference, so it cannot be waived.
         */
        FAULT("fault");

        private final String label;

        Difference(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether {@code --waive} and the expectations file may name it. */
        public boolean waivable() {
            return this != FAULT;
        }

        static Difference ofLabel(String label) {
            for (Difference d : values()) {
                if (d.label.equals(label)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("no difference " + label);
        }
    }

    /**
     * Parses a CLASS as {@code --waive} and the expectations file give it.
     *
     * @throws IllegalArgumentException with a one-line explanation for a bad CLASS or an op the
     *                                  fuzzer never generates (a typo would otherwise waive nothing)
     */
    public static FuzzClass parse(String text) {
        String problem = FuzzClassSyntax.problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        int slash = text.indexOf('/');
        String op = text.substring(0, slash);
        if (!SequenceGenerator.allOps().contains(op)) {
            throw new IllegalArgumentException("fuzz class \"" + text + "\": the fuzzer generates no op \"" + op
                    + "\" (ops: " + String.join(", ", new TreeSet<>(SequenceGenerator.allOps())) + ")");
        }
        return new FuzzClass(op, Difference.ofLabel(text.substring(slash + 1)));
    }

    @Override
    public String toString() {
        return op + "/" + difference.label;
    }

    /** For sorting classes in reports. */
    String key() {
        return toString().toLowerCase(Locale.ROOT);
    }
}
