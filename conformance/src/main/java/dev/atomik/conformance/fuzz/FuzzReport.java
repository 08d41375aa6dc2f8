package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a fuzz run: how much ran, how fast, what was covered, the classes of disagreement
 * found (each with its shrunk trace) and the waived ones.
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
 * @param found       the unwaived classes found, in the order found (at most {@code classLimit})
 * @param waived      disagreements per waived class, every waived class listed (0: never seen)
 * @param classLimit  the run stopped when it had found this many classes (1 without --keep-going)
 * @param harnessError why the run could not be done (adapter unavailable, nothing to fuzz); null if none
 * @param notes       things the user should know (capabilities not fuzzed)
 */
public record FuzzReport(String adapter, String implementation, long seed, long steps, long sequences, long nanos,
                         long cpuNanos,
                         Map<String, Long> ops, Map<String, Long> errors, List<Found> found, Map<String, Long> waived,
                         int classLimit, String harnessError, List<String> notes) {

    public FuzzReport {
        ops = Map.copyOf(ops);
        errors = Map.copyOf(errors);
        found = List.copyOf(found);
        waived = Collections.unmodifiableMap(new TreeMap<>(waived));
        notes = List.copyOf(notes);
    }

    /**
     * One class of disagreement and its representative.
     *
     * @param fuzzClass     the class; the written trace's disagreeing step shows it
     * @param count         disagreeing sequences of this class seen in the run
     * @param firstSequence index of the first of them (with the run's seed, it reproduces the class)
     * @param finding       the first of them, shrunk within the class
     */
    public record Found(FuzzClass fuzzClass, long count, long firstSequence, Finding finding) {
    }

    /** The first class's finding (the only one without --keep-going); null when nothing was found. */
    public Finding finding() {
        return found.isEmpty() ? null : found.get(0).finding();
    }

    /** Disagreements in waived classes. */
    public long waivedTotal() {
        return waived.values().stream().mapToLong(Long::longValue).sum();
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

    /** 0 no unwaived disagreement, 1 an unwaived class found, 2 the run could not be done or ran nothing. */
    public int exitCode() {
        if (harnessError != null || steps == 0) {
            return 2;
        }
        return found.isEmpty() ? 0 : 1;
    }

    public double stepsPerSecond() {
        return nanos == 0 ? 0 : steps / (nanos / 1e9);
    }

    /** Steps per second of CPU (both sides together), or −1 when CPU time is unknown. */
    public double stepsPerCpuSecond() {
        return cpuNanos <= 0 ? -1 : steps / (cpuNanos / 1e9);
    }
}
