package dev.atomik.conformance.tck;

/**
 * A {@code DeltaMessage} (spec/wire.md): what a stream's accum, rollback and drain give, what apply
 * and decode take or give, and what a cache node's put emits. Fields are unsigned: addr and seq are
 * u32 on the wire, so a value above 2^32−1 is out of range for encode and apply (WIRE-RANGE-1).
 */
public record Message(long addr, long delta, long seq) {
}
