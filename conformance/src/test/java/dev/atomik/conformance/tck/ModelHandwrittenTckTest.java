package dev.atomik.conformance.tck;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapters.model.ModelAdapter;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The TCK over the runner's own small traces (one per kind), independent of the golden suite. */
class ModelHandwrittenTckTest extends AtomikTck {
    @Override
    protected Adapter createAdapter() {
        return new ModelAdapter();
    }

    @Override
    protected Path tracesDirectory() {
        try {
            return Path.of(getClass().getResource("/runner/pass").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
