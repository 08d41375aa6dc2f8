package dev.atomik.conformance.adapter;

/**
 * Creates adapters from an {@code --adapter} argument {@code scheme} or {@code scheme:argument}.
 * Providers are found with {@link java.util.ServiceLoader} (META-INF/services), so a Java
 * implementation plugs in by shipping one class and one service file.
 */
public interface AdapterProvider {

    /** The scheme before the colon, e.g. {@code model}, {@code process}, {@code mutant}. */
    String scheme();

    /** One line for {@code atomik conformance adapters}. */
    String description();

    /**
     * Opens an adapter. {@code argument} is what follows {@code scheme:} (empty when absent).
     *
     * @throws IllegalArgumentException with a user-facing message when the argument is unusable
     */
    Adapter open(String argument);
}
