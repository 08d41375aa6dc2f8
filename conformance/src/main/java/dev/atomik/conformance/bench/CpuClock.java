package dev.atomik.conformance.bench;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapters.process.ProcessAdapter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;

/**
 * CPU time of this JVM and of an adapter's process. On a shared machine wall-clock throughput
 * mostly measures the neighbours; CPU seconds per step say what the two sides themselves cost.
 */
final class CpuClock {

    private CpuClock() {
    }

    /** Nanoseconds of CPU this JVM has used, or -1 when the JVM does not say. */
    static long runnerNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime();
        }
        return -1;
    }

    /** Nanoseconds of CPU the adapter's process has used, or -1 when it is not a process or the OS does not say. */
    static long adapterNanos(Adapter adapter) {
        if (adapter instanceof ProcessAdapter process) {
            return process.processCpuTime().map(Duration::toNanos).orElse(-1L);
        }
        return -1;
    }

    /** The one-minute load average, or -1 where unavailable. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
