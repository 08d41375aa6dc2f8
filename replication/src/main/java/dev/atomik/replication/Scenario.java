package dev.atomik.replication;

import java.util.List;
import java.util.function.Supplier;

/**
 * A named, reproducible run: the trace id it is written under, what it demonstrates, the clauses
 * it checks, the seed its randomness came from (0 for scripted runs, which draw nothing), and how
 * to run it. Running it twice gives identical recordings.
 */
public record Scenario(String id, String description, List<String> clauses, long seed, Supplier<Cluster> run) {
}
