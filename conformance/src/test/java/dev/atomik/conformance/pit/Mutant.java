package dev.atomik.conformance.pit;

/**
 * One mutant from PIT's mutations.xml. The key that the accepted list matches is class, method, line
 * and mutator (the short name, e.g. {@code NegateConditionalsMutator}); the description is for reading.
 */
record Mutant(String mutatedClass, String method, int line, int index, String mutator, String description, Status status,
              String killingTest) {

    /** PIT's detection statuses, grouped the way this kit reports them. */
    enum Status {
        KILLED, TIMED_OUT, MEMORY_ERROR, SURVIVED, NO_COVERAGE, RUN_ERROR, NON_VIABLE, NOT_STARTED, STARTED;

        /** A test noticed the mutant (PIT counts a timeout or an out-of-memory as detection too). */
        boolean killed() {
            return this == KILLED || this == TIMED_OUT || this == MEMORY_ERROR;
        }

        /** Neither killed nor rejected by the JVM: such a mutant must be listed with a reason. */
        boolean unpinned() {
            return this == SURVIVED || this == NO_COVERAGE || this == RUN_ERROR || this == NOT_STARTED
                    || this == STARTED;
        }
    }

    /** {@code dev.atomik.model.Context} without the package, for tables. */
    String simpleClass() {
        return mutatedClass.substring(mutatedClass.lastIndexOf('.') + 1);
    }

    String key() {
        return mutatedClass + "\t" + method + "\t" + line + "\t" + index + "\t" + mutator;
    }
}
