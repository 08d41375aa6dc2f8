package dev.atomik.lean;

import java.util.Collection;
import java.util.Map;

/** Runs jqwik / exhaustive twins named {@code fully.qualified.Class#method}; the test side supplies it. */
@FunctionalInterface
public interface MethodTwinRunner {
    /**
     * One outcome per ref: PASS, FAIL (with the failure message) or MISSING; {@code casesReported} gets
     * the count a twin published under the report key {@code cases} (exhaustive twins must).
     */
    Map<String, TwinStatus.State> run(Collection<String> refs, Map<String, String> failureDetails, Map<String, Long> casesReported);
}
