package dev.atomik.conformance.tck;

import dev.atomik.conformance.adapter.Capabilities;
import java.util.List;
import java.util.OptionalLong;

/**
 * A Java implementation of ATOMiK as the TCK sees it, with typed operations instead of protocol JSON.
 * Override what you have; every default throws {@link ErrorCode#UNSUPPORTED}, which is right for an
 * op you do not declare in {@link #capabilities()} (PROTO-CAPS-1) and fails the step for one you do.
 * A failing operation throws {@link AtomikFailure} with its code and changes nothing (ERR-ATOMIC-1).
 *
 * <p>Values, deltas and addresses are unsigned 64-bit numbers held in a {@code long}
 * ({@link Long#toUnsignedString}, {@link Long#compareUnsigned}). Each {@code init} step calls one of
 * the factories ({@link #context}, {@link #table}, {@link #stream}, {@link #cache}); the object it
 * returns replaces the previous one, and the TCK discards it before each trace (the protocol's
 * {@code reset}). A factory that throws leaves the previous object in place.
 *
 * <pre>{@code
 * public final class MyAtomik implements Implementation {
 *     public Capabilities capabilities() {
 *         return Capabilities.builder().widths(1, 64)
 *                 .kind("context", Set.of("init", "load", "accum", "read", "swap")).build();
 *     }
 *     public Context context(int width) { return new MyContext(width); }
 * }
 * }</pre>
 *
 * <p>Run it with {@code class MyAtomikTest extends AtomikTck { protected Implementation
 * createImplementation() { return new MyAtomik(); } }} (conformance/INTERPRETING.md §8).
 */
public interface Implementation {

    /** What the implementation declares, per kind: {@code Capabilities.builder()…build()}. */
    Capabilities capabilities();

    /** The name in the hello and in reports. */
    default String name() {
        return getClass().getSimpleName();
    }

    default String version() {
        return "dev";
    }

    /** {@code init kind=context}: a fresh context of {@code width} bits (VAL-WIDTH-1: BAD_WIDTH outside 1 … 64). */
    default Context context(int width) {
        throw unsupported("init context");
    }

    /** {@code init kind=table}: {@code size} fresh contexts of {@code width} bits (TBL-SIZE-1). */
    default Table table(int width, long size) {
        throw unsupported("init table");
    }

    /**
     * {@code init kind=stream}.
     *
     * @param addresses the trace's address bound, or empty for the implementation's own (STR-CAP-1)
     * @param queue     the trace's queue bound, or empty for the implementation's own
     */
    default DeltaStream stream(int width, OptionalLong addresses, OptionalLong queue) {
        throw unsupported("init stream");
    }

    /** {@code init kind=cache}: one replicated cache node per name (spec/replication.md). */
    default Cache cache(int width, List<String> nodes) {
        throw unsupported("init cache");
    }

    /** {@code encode}: the 16 wire bytes of a message (WIRE-LEN-1; VALUE_OUT_OF_RANGE for a field out of range). */
    default byte[] encode(Message message) {
        throw unsupported("encode");
    }

    /** {@code decode}: the message of 16 wire bytes (BAD_LENGTH for any other length). */
    default Message decode(byte[] bytes) {
        throw unsupported("decode");
    }

    /** The failure every undeclared operation throws. */
    static AtomikFailure unsupported(String op) {
        return new AtomikFailure(ErrorCode.UNSUPPORTED, op + " is not implemented");
    }

    /** One context (spec/context.md): a reference R and an accumulator A. */
    interface Context {
        /** LOAD: R := value, A := 0. */
        default void load(long value) {
            throw unsupported("load");
        }

        /** ACCUM: A := A XOR delta. */
        default void accum(long delta) {
            throw unsupported("accum");
        }

        default void rollback(long delta) {
            throw unsupported("rollback");
        }

        /** READ: R XOR A. */
        default long read() {
            throw unsupported("read");
        }

        /** SWAP: returns the state and starts a new epoch from it. */
        default long swap() {
            throw unsupported("swap");
        }

        /** SWAP with a value: returns the state and starts a new epoch from {@code value}. */
        default long swap(long value) {
            throw unsupported("swap with a value");
        }

        /** The number of deltas accumulated in this epoch. */
        default long count() {
            throw unsupported("count");
        }
    }

    /** N contexts addressed 0 … N−1 (spec/table.md); any other address is ADDRESS_OUT_OF_RANGE. */
    interface Table {
        default void load(long addr, long value) {
            throw unsupported("load");
        }

        default void accum(long addr, long delta) {
            throw unsupported("accum");
        }

        default void rollback(long addr, long delta) {
            throw unsupported("rollback");
        }

        default long read(long addr) {
            throw unsupported("read");
        }

        default long swap(long addr) {
            throw unsupported("swap");
        }

        default long swap(long addr, long value) {
            throw unsupported("swap with a value");
        }

        /** MERGE: folds context {@code from} into context {@code addr}. */
        default void merge(long addr, long from) {
            throw unsupported("merge");
        }

        default long count(long addr) {
            throw unsupported("count");
        }
    }

    /** A sparse stream of contexts that emits a message per delta (spec/stream.md). */
    interface DeltaStream {
        default void load(long addr, long value) {
            throw unsupported("load");
        }

        default Message accum(long addr, long delta) {
            throw unsupported("accum");
        }

        default Message rollback(long addr, long delta) {
            throw unsupported("rollback");
        }

        default long read(long addr) {
            throw unsupported("read");
        }

        default long swap(long addr) {
            throw unsupported("swap");
        }

        default long swap(long addr, long value) {
            throw unsupported("swap with a value");
        }

        default long count(long addr) {
            throw unsupported("count");
        }

        default long epoch() {
            throw unsupported("epoch");
        }

        /** Messages emitted and not yet drained. */
        default long pending() {
            throw unsupported("pending");
        }

        /** Every pending message, oldest first; pending becomes 0. */
        default List<Message> drain() {
            throw unsupported("drain");
        }

        /** Applies a peer's message. */
        default void apply(Message message) {
            throw unsupported("apply");
        }
    }

    /** Replicated cache nodes, each named by the trace (spec/replication.md, trace-format-multinode.md). */
    interface Cache {
        default void load(String node, long addr, long value) {
            throw unsupported("load");
        }

        default long swap(String node, long addr, long value) {
            throw unsupported("swap");
        }

        /** A local write: the message to send to the peers. */
        default Message put(String node, long addr, long value) {
            throw unsupported("put");
        }

        default long get(String node, long addr) {
            throw unsupported("get");
        }

        /** A peer's message as the 16 wire bytes that arrived (decode them: WIRE-LEN-2, WIRE-RANGE-1). */
        default void receive(String node, String from, byte[] bytes) {
            throw unsupported("receive");
        }
    }
}
