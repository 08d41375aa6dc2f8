package dev.atomik.conformance.selftest;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterProvider;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code --adapter mutant:<name>}: a deliberately broken implementation (see {@link Fault}), or
 * {@code mutant:none}, the same interpreter with no fault, which must pass every golden trace.
 */
public final class MutantAdapterProvider implements AdapterProvider {
    public static final String CONTROL = "none";

    @Override
    public String scheme() {
        return "mutant";
    }

    @Override
    public String description() {
        return "deliberately broken implementations for the self-test: mutant:<name> (see atomik conformance mutants), mutant:none is the fault-free control";
    }

    @Override
    public Adapter open(String argument) {
        if (argument.equals(CONTROL)) {
            return new MutantAdapter(null);
        }
        return new MutantAdapter(Fault.byId(argument).orElseThrow(() -> new IllegalArgumentException(
                "unknown mutant '" + argument + "'; known: " + CONTROL + ", "
                        + Arrays.stream(Fault.values()).map(Fault::id).collect(Collectors.joining(", ")))));
    }
}
