package dev.atomik.conformance.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A parsed, validated trace file: its header, how many steps it has, and a way to read them. A small
 * trace (every golden one) keeps its steps in memory; a big one keeps none and reads its file again
 * step by step on each {@link #openSteps()}, so its size costs time, never heap.
 */
public final class Trace {
    private final Path file;
    private final TraceHeader header;
    private final Set<String> protocolOps;
    private final int stepCount;
    private final List<Step> steps;
    private final StepFile reread;

    private Trace(Path file, TraceHeader header, Set<String> protocolOps, int stepCount, List<Step> steps,
                  StepFile reread) {
        this.file = file;
        this.header = header;
        this.protocolOps = Set.copyOf(protocolOps);
        this.stepCount = stepCount;
        this.steps = steps == null ? null : List.copyOf(steps);
        this.reread = reread;
    }

    /** A trace whose steps are held in memory. */
    public static Trace inMemory(Path file, TraceHeader header, List<Step> steps, Set<String> protocolOps) {
        return new Trace(file, header, protocolOps, steps.size(), steps, null);
    }

    /** A trace whose steps are read again from its bytes each time they are needed. */
    static Trace streamed(Path file, TraceHeader header, int stepCount, Set<String> protocolOps, StepFile reread) {
        return new Trace(file, header, protocolOps, stepCount, null, reread);
    }

    public Path file() {
        return file;
    }

    public TraceHeader header() {
        return header;
    }

    /**
     * The ops an adapter must declare to run it: the steps' ops with {@code check} replaced by the
     * read/count/epoch/pending requests it expands into.
     */
    public Set<String> protocolOps() {
        return protocolOps;
    }

    public int stepCount() {
        return stepCount;
    }

    /** True when the steps are held in memory (the trace is small). */
    public boolean inMemory() {
        return steps != null;
    }

    /** The steps in order, one at a time; close the cursor when done. */
    public StepCursor openSteps() {
        return steps != null ? new ListCursor(steps.iterator()) : reread.open();
    }

    /**
     * Every step as a list. This reads the whole trace into memory: for small traces and for tools
     * that need every step at once (tests, the RTL testbench generator); the runner, the validator and
     * the fuzzer's replay use {@link #openSteps()}.
     */
    public List<Step> steps() {
        if (steps != null) {
            return steps;
        }
        List<Step> all = new ArrayList<>(stepCount);
        try (StepCursor cursor = openSteps()) {
            cursor.forEachRemaining(all::add);
        }
        return all;
    }

    public String id() {
        return header.id();
    }

    /** The part of the id before the slash: {@code context} for {@code context/load-read}. */
    public String area() {
        return areaOf(header.id());
    }

    /** The area of a trace id, or of a path-derived name when the header could not be read. */
    public static String areaOf(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    @Override
    public String toString() {
        return "Trace[" + id() + ", " + stepCount + " steps" + (inMemory() ? "" : ", streamed from " + file) + "]";
    }

    private static final class ListCursor implements StepCursor {
        private final Iterator<Step> it;

        ListCursor(Iterator<Step> it) {
            this.it = it;
        }

        @Override
        public boolean hasNext() {
            return it.hasNext();
        }

        @Override
        public Step next() {
            if (!it.hasNext()) {
                throw new NoSuchElementException();
            }
            return it.next();
        }

        @Override
        public void close() {
        }
    }
}
