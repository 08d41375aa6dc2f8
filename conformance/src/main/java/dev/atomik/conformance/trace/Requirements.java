package dev.atomik.conformance.trace;

import java.util.List;
import java.util.Set;

/**
 * The {@code requires} member of a trace header: what an implementation must declare for the trace
 * to run (PROTO-CAPS-1).
 *
 * @param kind      what {@code init} creates: context, table, stream, wire or cache
 * @param widths    every legal width the trace creates
 * @param contexts  the largest table size it creates (1 for other kinds)
 * @param ops       every op its steps use, as written in the steps (so {@code check} may appear)
 * @param nodes     number of nodes
 * @param wideWords true when the trace needs words wider than 64 bits (VAL-WIDE-1)
 */
public record Requirements(String kind, List<Integer> widths, long contexts, Set<String> ops, int nodes,
                           boolean wideWords) {

    public Requirements {
        widths = List.copyOf(widths);
        ops = Set.copyOf(ops);
    }
}
