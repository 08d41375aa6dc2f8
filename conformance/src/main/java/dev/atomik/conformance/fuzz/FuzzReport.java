package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a fuzz run: how much ran, how fast, what was covered, and the finding if any.
 *
 * @param adapter     the {@code --adapter} value
 * @param implementation the adapter's hello name and version, or null when it never answered
 * @param seed        the run's seed
 * @param steps       steps run (requests other than reset), on both sides
 * @param sequences   sequences run
 * @param nanos       wall time of the generating and comparing loop (shrinking excluded)
 * @param cpuNanos    CPU time of this JVM and the adapter's processes over the same loop, or −1
 * @param ops         steps per op
 * @param errors      the model's error replies per code: which edges the run reached
 * @param finding     the first disagreement, shrunk; null when there was none
 * @param harnessError why the run could not be done (adapter unavailable, nothing to fuzz); null if none
 * @param notes       things the user should know (capabilities not fuzzed)
 */
public record FuzzReport(String adapter, String implementation, long seed, long steps, long sequences, long nanos,
                         long cpuNanos,
                         Map<String, Long> ops, Map<String, Long> errors, Finding finding, String harnessError,
                         List<String> notes) {

    public FuzzReport {
        ops = Map.copyOf(ops);
        errors = Map.copyOf(errors);
        notes = List.copyOf(notes);
    }

    /**
     * A disagreement and its shrunk form.
     *
     * @param sequence      the sequence index it came from
     * @param originalSteps steps of that sequence up to and including the disagreeing one
     * @param reason        what differed first, in the original sequence
     * @param shrunk        the shrunk steps (the pinned init first)
     * @param shrunkReason  what differs at the shrunk trace's disagreeing step
     * @param pinned        leading steps that were not candidates for removal (the first init)
     * @param shrinkTests   candidates tried while shrinking
     * @param shrinkNanos   time spent shrinking
     * @param file          the written trace, or null when it could not be written
     * @param traceId       its id
     * @param replay        the runner's verdict on the written trace against the same adapter
     */
    public record Finding(long sequence, int originalSteps, String reason, List<ObjectNode> shrunk,
                          String shrunkReason, int pinned, int shrinkTests, long shrinkNanos, Path file,
                          String traceId, String replay) {
        public Finding {
            shrunk = List.copyOf(shrunk);
        }
    }

    /** 0 no disagreement, 1 a disagreement, 2 the run could not be done or ran nothing. */
    public int exitCode() {
        if (harnessError != null || steps == 0) {
            return 2;
        }
        return finding == null ? 0 : 1;
    }

    public double stepsPerSecond() {
        return nanos == 0 ? 0 : steps / (nanos / 1e9);
    }

    /** Steps per second of CPU (both sides together), or −1 when CPU time is unknown. */
    public double stepsPerCpuSecond() {
        return cpuNanos <= 0 ? -1 : steps / (cpuNanos / 1e9);
    }
}
