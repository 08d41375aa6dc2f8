package dev.atomik.conformance.expectations;

import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.StepAccount;
import dev.atomik.conformance.runner.TraceResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-made runs for the expectations tests: each trace a status, one step executed (and reaching the implementation). */
final class Runs {
    private final List<TraceResult> traces = new ArrayList<>();

    Runs with(String id, Status status) {
        traces.add(new TraceResult(id, Path.of(id + ".ndjson"), List.of("CTX-READ-1"), status,
                status == Status.PASS || status == Status.SKIP ? null : 2, "read", null, null,
                status == Status.SKIP ? "kind stream not declared" : null, status == Status.SKIP ? 0 : 1, 0,
                StepAccount.reachedOnly(status == Status.SKIP ? 0 : 1)));
        return this;
    }

    RunResult run() {
        return RunResult.of("model", null, traces, 0, 0);
    }
}
