package dev.atomik.conformance.serve;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens an adapter from an {@code --adapter} spelling ({@code scheme} or {@code scheme:argument})
 * through {@link ServiceLoader}. The server uses it to reach the reference model without importing
 * it: only {@code adapters.model} may touch {@code dev.atomik.model}.
 */
public final class AdapterLookup {

    private AdapterLookup() {
    }

    /** @throws IllegalArgumentException naming the known schemes when none matches */
    public static Adapter open(String spelling) {
        int colon = spelling.indexOf(':');
        String scheme = colon < 0 ? spelling : spelling.substring(0, colon);
        String argument = colon < 0 ? "" : spelling.substring(colon + 1);
        List<String> known = new ArrayList<>();
        for (AdapterProvider provider : ServiceLoader.load(AdapterProvider.class)) {
            if (provider.scheme().equals(scheme)) {
                return provider.open(argument);
            }
            known.add(provider.scheme());
        }
        throw new IllegalArgumentException("no adapter scheme '" + scheme + "'; known: " + String.join(", ", known));
    }
}
