package dev.atomik.conformance.fuzz;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time of this JVM plus its child processes (a process adapter). On a shared machine the wall
 * clock mostly measures the neighbours; steps per CPU-second say what the fuzzer and the adapter
 * themselves cost.
 */
final class CpuTime {

    private CpuTime() {
    }

    /** Nanoseconds of CPU used so far by this JVM and its live descendants, or −1 when unknown. */
    static long now() {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)) {
            return -1;
        }
        long own = os.getProcessCpuTime();
        if (own < 0) {
            return -1;
        }
        long children = ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
        return own + children;
    }
}
