package dev.atomik.conformance.selftest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapter.Hello;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An in-process adapter around {@link MutantInterpreter}; {@code fault == null} is the correct control. */
public final class MutantAdapter implements Adapter {
    /** The same capabilities as the reference model, so mutants skip exactly what the model skips. */
    static final Capabilities CAPABILITIES = Capabilities.v1(
            Set.of("context", "table", "stream", "wire"), 1, 64, 65536, 1024, 4096, 1,
            Set.of("init", "load", "accum", "rollback", "read", "swap", "merge", "count", "epoch",
                    "pending", "drain", "apply", "encode", "decode"));

    private final Fault fault;
    private final MutantInterpreter interpreter;

    public MutantAdapter(Fault fault) {
        this.fault = fault;
        this.interpreter = new MutantInterpreter(fault);
    }

    @Override
    public Hello hello() {
        return new Hello(fault == null ? "mutant:none" : "mutant:" + fault.id(), "1.0.0", CAPABILITIES);
    }

    @Override
    public List<ObjectNode> execute(List<ObjectNode> requests, Duration perStepTimeout) {
        List<ObjectNode> replies = new ArrayList<>(requests.size());
        for (ObjectNode request : requests) {
            replies.add(interpreter.handle(request));
        }
        return replies;
    }

    @Override
    public void close() {
        // Nothing to release: the interpreter lives in this process.
    }
}
