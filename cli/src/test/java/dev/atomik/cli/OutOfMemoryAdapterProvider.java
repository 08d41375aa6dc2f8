package dev.atomik.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.AdapterProvider;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.adapters.model.ModelAdapter;
import java.time.Duration;
import java.util.List;

/**
 * Test adapter {@code oom-test}: the model, except that its first batch allocates an array larger
 * than any heap, so the JVM throws a real {@link OutOfMemoryError} in the adapter's thread (without
 * exhausting the test JVM's heap).
 */
public final class OutOfMemoryAdapterProvider implements AdapterProvider {

    @Override
    public String scheme() {
        return "oom-test";
    }

    @Override
    public String description() {
        return "test only: the model, running out of memory on its first batch";
    }

    @Override
    public Adapter open(String argument) {
        ModelAdapter model = new ModelAdapter();
        return new Adapter() {
            @Override
            public Hello hello() throws AdapterFault {
                return model.hello();
            }

            @Override
            public List<ObjectNode> execute(List<ObjectNode> requests, Duration perStepTimeout) {
                long[][] tooBig = new long[Integer.MAX_VALUE][Integer.MAX_VALUE];
                throw new IllegalStateException("allocated " + tooBig.length);
            }

            @Override
            public void close() {
                model.close();
            }
        };
    }
}
