package dev.atomik.conformance.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.runner.CapabilityCheck;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.Probe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The golden traces as one stream of protocol requests: for every well-formed trace an adapter can
 * run, a {@code reset} followed by the trace's requests (a {@code check} step expanded as the runner
 * expands it). Repeating the stream repeats the suite exactly, because every copy starts from reset.
 * Multi-node traces are left out: the runner drives them step by step, holding the network between
 * nodes, so they are not one request stream.
 */
public final class BenchSuite {
    private static final String MULTI_NODE = "cache";

    private final List<ObjectNode> requests;
    private final int traces;
    private final long steps;

    private BenchSuite(List<ObjectNode> requests, int traces, long steps) {
        this.requests = Collections.unmodifiableList(requests);
        this.traces = traces;
        this.steps = steps;
    }

    /** The single-node traces runnable with {@code caps} (PROTO-CAPS-1), in load order. */
    public static BenchSuite of(List<LoadedTrace> loaded, Capabilities caps) {
        List<ObjectNode> requests = new ArrayList<>();
        int traces = 0;
        long steps = 0;
        for (LoadedTrace trace : loaded) {
            if (trace.isMalformed() || CapabilityCheck.missing(trace.trace(), caps) != null
                    || MULTI_NODE.equals(trace.trace().header().requires().kind())) {
                continue;
            }
            traces++;
            steps += trace.trace().stepCount();
            requests.add(Probe.reset());
            for (Probe probe : Probe.plan(trace.trace())) {
                requests.add(probe.request());
            }
        }
        return new BenchSuite(requests, traces, steps);
    }

    /** One copy of the suite: reset and requests of every runnable trace. */
    public List<ObjectNode> requests() {
        return requests;
    }

    /** The stream repeated {@code copies} times (the same request objects, not copies of them). */
    public List<ObjectNode> repeated(int copies) {
        List<ObjectNode> out = new ArrayList<>(requests.size() * copies);
        for (int i = 0; i < copies; i++) {
            out.addAll(requests);
        }
        return out;
    }

    public int traces() {
        return traces;
    }

    /** Trace steps in one copy (a check step counts once however many requests it expands to). */
    public long steps() {
        return steps;
    }
}
