package dev.atomik.conformance.selftest;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --adapter mutant:<name>}: a deliberately broken implementation (see {@link Fault}),
 * {@code mutant:a+b}: several faults at once, or {@code mutant:none}, the same interpreter with no
 * fault, which must pass every golden trace.
 */
public final class MutantAdapterProvider implements AdapterProvider {
    public static final String CONTROL = "none";
    /** Joins fault names in {@code mutant:a+b}; no fault name contains it. */
    public static final String COMBINE = "+";

    @Override
    public String scheme() {
        return "mutant";
    }

    @Override
    public String description() {
        return "deliberately broken implementations for the self-test: mutant:<name> or mutant:<name>+<name>... "
                + "(see atomik conformance mutants), mutant:none is the fault-free control";
    }

    @Override
    public Adapter open(String argument) {
        return new MutantAdapter(parse(argument));
    }

    /** The faults named by {@code a+b+…} in order; empty for {@code none}. */
    public static List<Fault> parse(String argument) {
        if (argument.equals(CONTROL)) {
            return List.of();
        }
        List<Fault> faults = new ArrayList<>();
        // limit -1 keeps empty names ("a+", "a++b"), which are then reported rather than ignored
        for (String name : argument.split("\\" + COMBINE, -1)) {
            Fault fault = Fault.byId(name).orElseThrow(() -> new IllegalArgumentException(
                    (name.isEmpty() ? "empty mutant name in 'mutant:" + argument + "'"
                            : "unknown mutant '" + name + "'") + "; known: " + known()
                            + " (combine faults with +, e.g. mutant:swap-returns-new+rollback-noop)"));
            if (faults.contains(fault)) {
                throw new IllegalArgumentException("mutant '" + name + "' is named twice in 'mutant:" + argument + "'");
            }
            faults.add(fault);
        }
        MutantAdapter.requireCombinable(faults);
        return faults;
    }

    private static String known() {
        return CONTROL + ", " + Arrays.stream(Fault.values()).map(Fault::id).collect(Collectors.joining(", "));
    }
}
