package dev.atomik.conformance.tck;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapters.model.ModelAdapter;

/**
 * The TCK entry point as an implementer uses it, run on the reference model over the golden suite
 * built into the jar (the build's copy of conformance/traces): every golden trace must pass on the model (kinds it does not declare are
 * skipped, shown as aborted).
 */
class ModelGoldenTckTest extends AtomikTck {
    @Override
    protected Adapter createAdapter() {
        return new ModelAdapter();
    }
}
