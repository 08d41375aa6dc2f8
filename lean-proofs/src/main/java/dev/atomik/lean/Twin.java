package dev.atomik.lean;

/**
 * One machine-checked Java-side twin of a theorem, as written in {@code twins.json}.
 *
 * @param kind {@link Kind}
 * @param ref  for jqwik/exhaustive {@code fully.qualified.Class#method}; for key
 *             {@code Class#method} (optionally {@code #contract}); for trace the trace id; for z3 a label
 * @param smt   for z3 only: SMT-LIB declarations and assertions, the last one {@code (assert (not …))}
 * @param cases for exhaustive only: the number of cases of its declared domain, which the twin must report
 */
public record Twin(Kind kind, String ref, String smt, Long cases) {
    public enum Kind {
        Z3, JQWIK, EXHAUSTIVE, KEY, TRACE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String describe() {
        return kind == Kind.Z3 ? "z3" : kind.label() + ":" + shortRef();
    }

    /** The ref without its package, for tables. */
    public String shortRef() {
        if (ref == null) {
            return "";
        }
        int hash = ref.indexOf('#');
        int dot = hash < 0 ? -1 : ref.lastIndexOf('.', hash);
        return dot < 0 ? ref : ref.substring(dot + 1);
    }
}
