package dev.atomik.model.proof;

import de.uka.ilkd.key.speclang.Contract;
import java.util.List;

/**
 * One JML spec case of one method, as KeY sees it. {@code id} follows KeY's own example naming
 * (ANCHORS: one obligation per spec case): {@code Class_method_kind}, with the parameter types added
 * for overloads and a number when a method has several spec cases of one kind, e.g.
 * {@code DeltaStream_accum_normal}, {@code DeltaStream_swap_long_long_exceptional_2}.
 */
record Obligation(String id, String className, String methodName, List<String> paramTypes, String kind,
        String keyName, Contract contract) {

    /** {@code Class#method(type,type)}: the key the source's Javadoc citations are filed under. */
    String signature() {
        return className + "#" + methodName + "(" + String.join(",", paramTypes) + ")";
    }
}
