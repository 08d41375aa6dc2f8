package dev.atomik.conformance.examples;

/** A spec example that the model (or the runner) contradicts, or that cannot be read. */
public record ExampleFailure(SpecExample example, String message) {
    @Override
    public String toString() {
        return example.where() + ": " + (example.clause() == null ? "" : example.clause() + " example: ") + message;
    }
}
