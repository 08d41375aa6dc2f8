package dev.atomik.conformance.tck;

/**
 * The TCK through the typed interface: the model behind {@link Implementation}, bridged by
 * {@link ImplementationAdapter}, over the golden traces built into the jar; every trace must pass
 * as it does through the model's own adapter (ModelGoldenTckTest).
 */
class TypedModelTckTest extends AtomikTck {
    @Override
    protected Implementation createImplementation() {
        return new ModelImplementation();
    }
}
