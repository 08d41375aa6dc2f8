package dev.atomik.conformance.bench;

import dev.atomik.conformance.runner.AdapterCatalog;
import dev.atomik.conformance.runner.AdapterSession;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.RunResult;
import dev.atomik.conformance.runner.Runner;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The whole suite run by the real runner against the in-process reference model: once cold (what a
 * user sees after JVM start), then after warm-up runs, timed run by run.
 */
final class ModelBench {

    record Result(double coldWallSeconds, double medianWallSeconds, double stepsPerSecond, int timedRuns,
                  long stepsPerRun, RunResult lastRun) {
    }

    private ModelBench() {
    }

    static Result measure(List<LoadedTrace> traces, int warmupRuns, int timedRuns, Duration timeout) {
        Runner runner = new Runner();
        try (AdapterSession session = new AdapterSession("model", AdapterCatalog.discover().opener("model"), timeout)) {
            long start = System.nanoTime();
            RunResult last = runner.run(traces, session, RunListener.NONE);
            double cold = seconds(System.nanoTime() - start);
            for (int i = 0; i < warmupRuns; i++) {
                runner.run(traces, session, RunListener.NONE);
            }
            double[] walls = new double[timedRuns];
            long totalNanos = 0;
            for (int i = 0; i < timedRuns; i++) {
                long t0 = System.nanoTime();
                last = runner.run(traces, session, RunListener.NONE);
                long took = System.nanoTime() - t0;
                totalNanos += took;
                walls[i] = seconds(took);
            }
            Arrays.sort(walls);
            long steps = last.summary().steps();
            return new Result(cold, walls[timedRuns / 2], steps * (double) timedRuns / seconds(totalNanos), timedRuns,
                    steps, last);
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
