package dev.atomik.conformance.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapter.Hello;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An in-process adapter around {@link MutantInterpreter} with a set of faults (empty: the correct
 * control), or around {@link NullReplies} for {@link Fault#NULL}.
 */
public final class MutantAdapter implements Adapter {
    /** The same capabilities as the reference model, so mutants skip exactly what the model skips. */
    static final Capabilities CAPABILITIES = Capabilities.v1(
            Set.of("context", "table", "stream", "wire"), 1, 64, 65536, 1024, 4096, 1,
            Set.of("init", "load", "accum", "rollback", "read", "swap", "merge", "count", "epoch",
                    "pending", "drain", "apply", "encode", "decode"));

    private final String name;
    private final Function<JsonNode, ObjectNode> handler;

    /** One fault, or none ({@code null}) for the control. */
    public MutantAdapter(Fault fault) {
        this(fault == null ? List.of() : List.of(fault));
    }

    /**
     * @param faults the faults in the order named ({@code mutant:a+b}); empty for the control;
     *               {@link Fault#NULL} only alone
     */
    public MutantAdapter(List<Fault> faults) {
        requireCombinable(faults);
        this.name = faults.isEmpty() ? "mutant:" + MutantAdapterProvider.CONTROL
                : "mutant:" + faults.stream().map(Fault::id).collect(Collectors.joining("+"));
        this.handler = faults.contains(Fault.NULL) ? new NullReplies()::handle
                : new MutantInterpreter(Set.copyOf(faults))::handle;
    }

    /** {@link Fault#NULL} replaces the interpreter, so there is nothing for a second fault to change. */
    static void requireCombinable(List<Fault> faults) {
        if (faults.contains(Fault.NULL) && faults.size() > 1) {
            throw new IllegalArgumentException("mutant:" + Fault.NULL.id() + " answers every op with zero, so it "
                    + "cannot be combined with another fault");
        }
    }

    @Override
    public Hello hello() {
        return new Hello(name, "1.0.0", CAPABILITIES);
    }

    @Override
    public List<ObjectNode> execute(List<ObjectNode> requests, Duration perStepTimeout) {
        List<ObjectNode> replies = new ArrayList<>(requests.size());
        for (ObjectNode request : requests) {
            replies.add(handler.apply(request));
        }
        return replies;
    }

    @Override
    public void close() {
        // Nothing to release: the interpreter lives in this process.
    }
}
