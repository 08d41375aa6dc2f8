package dev.atomik.conformance.adapters.model;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterProvider;

/** {@code --adapter model}: the in-process reference model. */
public final class ModelAdapterProvider implements AdapterProvider {

    @Override
    public String scheme() {
        return "model";
    }

    @Override
    public String description() {
        return "the reference model (dev.atomik.model), in process; every golden trace must pass on it";
    }

    @Override
    public Adapter open(String argument) {
        if (!argument.isEmpty()) {
            throw new IllegalArgumentException("the model adapter takes no argument (use --adapter model)");
        }
        return new ModelAdapter();
    }
}
