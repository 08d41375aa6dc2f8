package dev.atomik.conformance.trace;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A parsed, validated trace file: its header and steps, ready to run.
 *
 * @param protocolOps the ops an adapter must declare to run it: the steps' ops with {@code check}
 *                    replaced by the read/count/epoch/pending requests it expands into
 */
public record Trace(Path file, TraceHeader header, List<Step> steps, Set<String> protocolOps) {

    public Trace {
        steps = List.copyOf(steps);
        protocolOps = Set.copyOf(protocolOps);
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
}
