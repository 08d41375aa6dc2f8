package dev.atomik.conformance.runner;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The adapter providers on the class path (META-INF/services), and the parsing of an
 * {@code --adapter scheme[:argument]} value into a way to open that adapter.
 */
public final class AdapterCatalog {
    private final List<AdapterProvider> providers;

    public AdapterCatalog(List<AdapterProvider> providers) {
        List<AdapterProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparing(AdapterProvider::scheme));
        this.providers = List.copyOf(sorted);
    }

    /** Every provider the {@link ServiceLoader} finds. */
    public static AdapterCatalog discover() {
        List<AdapterProvider> found = new ArrayList<>();
        ServiceLoader.load(AdapterProvider.class).forEach(found::add);
        return new AdapterCatalog(found);
    }

    public List<AdapterProvider> providers() {
        return providers;
    }

    /**
     * Resolves {@code scheme} or {@code scheme:argument}. The returned supplier opens a fresh adapter
     * each time (the runner reopens after faults).
     *
     * @throws IllegalArgumentException naming the known schemes when the scheme is unknown
     */
    public Supplier<Adapter> opener(String spec) {
        int colon = spec.indexOf(':');
        String scheme = colon < 0 ? spec : spec.substring(0, colon);
        String argument = colon < 0 ? "" : spec.substring(colon + 1);
        for (AdapterProvider provider : providers) {
            if (provider.scheme().equals(scheme)) {
                return () -> provider.open(argument);
            }
        }
        List<String> schemes = new ArrayList<>();
        providers.forEach(p -> schemes.add(p.scheme()));
        throw new IllegalArgumentException("unknown adapter scheme \"" + scheme + "\" (known: "
                + String.join(", ", schemes) + ")");
    }
}
