package dev.atomik.conformance.runner;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.adapters.model.ModelAdapter;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The model adapter with one misbehaviour switched on, to show the runner reports each kind of
 * adapter trouble (PROTO-FAULT-1, PROTO-REPLY-1, PROTO-CAPS-1).
 */
final class ScriptedAdapter implements Adapter {
    enum Misbehaviour { NONE, CRASH_AT_REQUEST_3, HANG, VALUE_AS_NUMBER, UNSUPPORTED_READ, THROW }

    private final ModelAdapter model = new ModelAdapter();
    private final Misbehaviour misbehaviour;
    private final UnaryOperator<Capabilities> capabilities;
    boolean closed;

    ScriptedAdapter(Misbehaviour misbehaviour, UnaryOperator<Capabilities> capabilities) {
        this.misbehaviour = misbehaviour;
        this.capabilities = capabilities;
    }

    ScriptedAdapter(Misbehaviour misbehaviour) {
        this(misbehaviour, c -> c);
    }

    @Override
    public Hello hello() {
        Hello h = model.hello();
        return new Hello(h.name(), h.version(), capabilities.apply(h.capabilities()));
    }

    @Override
    public List<ObjectNode> execute(List<ObjectNode> requests, Duration perStepTimeout) throws AdapterFault {
        switch (misbehaviour) {
            case CRASH_AT_REQUEST_3:
                throw new AdapterFault(AdapterFault.Kind.CRASH, 3, "process exited (exit 139)");
            case HANG:
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            case THROW:
                throw new IllegalStateException("boom");
            default:
                break;
        }
        List<ObjectNode> replies = model.execute(requests, perStepTimeout);
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).path("op").asText().equals("read")) {
                if (misbehaviour == Misbehaviour.VALUE_AS_NUMBER) {
                    replies.set(i, JsonNodeFactory.instance.objectNode().put("value", 42));
                } else if (misbehaviour == Misbehaviour.UNSUPPORTED_READ) {
                    replies.set(i, JsonNodeFactory.instance.objectNode().put("error", "UNSUPPORTED"));
                }
            }
        }
        return replies;
    }

    @Override
    public void close() {
        closed = true;
    }
}
