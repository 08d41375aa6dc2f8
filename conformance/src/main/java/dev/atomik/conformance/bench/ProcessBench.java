package dev.atomik.conformance.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Throughput of an implementation behind the process adapter: the suite's request stream repeated
 * {@code copiesPerBatch} times and sent as one batch, {@code batches} times, after warm-up batches
 * (both JVMs, or the interpreter, need them). Only the exchanges are timed; every reply is then
 * compared with the reference model's, and mismatches are reported, never hidden.
 */
final class ProcessBench {

    /** CPU figures are -1 when unavailable. */
    record Result(double stepsPerSecond, double requestsPerSecond, long steps, long requests, double seconds,
                  long mismatches, double runnerCpuSeconds, double adapterCpuSeconds) {

        /** Steps per CPU-second of both sides together: the throughput one idle core would give. */
        double stepsPerCpuSecond() {
            return runnerCpuSeconds < 0 || adapterCpuSeconds < 0 ? -1 : steps / (runnerCpuSeconds + adapterCpuSeconds);
        }
    }

    private ProcessBench() {
    }

    /** Accumulates a CPU interval; once a reading is missing (-1) the total stays -1. */
    private static long add(long total, long before, long after) {
        return total < 0 || before < 0 || after < 0 ? -1 : total + (after - before);
    }

    static Result measure(Supplier<Adapter> opener, BenchSuite suite, List<ObjectNode> reference, int copiesPerBatch,
                          int warmupBatches, int batches, Duration timeout) throws AdapterFault {
        List<ObjectNode> batch = suite.repeated(copiesPerBatch);
        try (Adapter adapter = opener.get()) {
            adapter.hello();
            for (int i = 0; i < warmupBatches; i++) {
                adapter.execute(batch, timeout);
            }
            long nanos = 0;
            long runnerCpu = 0;
            long adapterCpu = 0;
            long mismatches = 0;
            for (int i = 0; i < batches; i++) {
                long cpu0 = CpuClock.runnerNanos();
                long child0 = CpuClock.adapterNanos(adapter);
                long t0 = System.nanoTime();
                List<ObjectNode> replies = adapter.execute(batch, timeout);
                nanos += System.nanoTime() - t0;
                runnerCpu = add(runnerCpu, cpu0, CpuClock.runnerNanos());
                adapterCpu = add(adapterCpu, child0, CpuClock.adapterNanos(adapter));
                mismatches += ReplyComparison.mismatches(replies, reference);
            }
            double seconds = nanos / 1e9;
            long steps = suite.steps() * copiesPerBatch * batches;
            long requests = (long) batch.size() * batches;
            return new Result(steps / seconds, requests / seconds, steps, requests, seconds, mismatches,
                    runnerCpu < 0 ? -1 : runnerCpu / 1e9, adapterCpu < 0 ? -1 : adapterCpu / 1e9);
        }
    }
}
