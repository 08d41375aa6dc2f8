package dev.atomik.model.laws;

import dev.atomik.model.AtomikError;
import dev.atomik.model.DeltaMessage;
import dev.atomik.model.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An executable reading of spec/stream.md, written from the clauses and independent of
 * {@link dev.atomik.model.DeltaStream}'s slot arrays: a map from address to (R, A, C), an epoch, the
 * last seq and a list as the queue, with the bounds of STR-CAP-1 and the fault order of ERR-ORDER-1
 * (address, then capacity, then seq). Every fault is detected before anything is written, so a
 * failed operation here changes nothing by construction (ERR-ATOMIC-1).
 */
final class StreamSpec {
    private final long mask;
    private final int addressBound;
    private final int queueBound;
    private final Map<Long, long[]> contexts = new LinkedHashMap<>();
    private final List<DeltaMessage> queue = new ArrayList<>();
    private long epoch;
    private long lastSeq;

    StreamSpec(int width, int addressBound, int queueBound) {
        this.mask = Oracle.mask(width);
        this.addressBound = addressBound;
        this.queueBound = queueBound;
    }

    private static void checkAddress(long address) {
        if (address < 0 || address > 0xffffffffL) {
            throw new AtomikError(ErrorCode.ADDRESS_OUT_OF_RANGE);
        }
    }

    /** The context at a valid address, creating it if it is new and there is room (STR-CAP-1). */
    private long[] touch(long address) {
        long[] c = contexts.get(address);
        if (c != null) {
            return c;
        }
        if (contexts.size() == addressBound) {
            throw new AtomikError(ErrorCode.CAPACITY_EXCEEDED);
        }
        c = new long[3];
        contexts.put(address, c);
        return c;
    }

    /** Applies one operation with the same result convention as {@link StreamOp#applyTo}. */
    Object apply(StreamOp op) {
        long a = op.address();
        long v = op.value();
        switch (op.kind()) {
            case LOAD: {
                checkAddress(a);
                long[] c = touch(a);
                c[0] = v & mask;
                c[1] = 0;
                c[2] = 0;
                epoch++;
                return null;
            }
            case SWAP:
            case SWAP_VALUE: {
                checkAddress(a);
                long[] c = touch(a);
                long state = c[0] ^ c[1];
                c[0] = op.kind() == StreamOp.Kind.SWAP ? state : v & mask;
                c[1] = 0;
                c[2] = 0;
                epoch++;
                return state;
            }
            case ACCUM:
            case ROLLBACK: {
                checkAddress(a);
                if (!contexts.containsKey(a) && contexts.size() == addressBound) {
                    throw new AtomikError(ErrorCode.CAPACITY_EXCEEDED);
                }
                if (queue.size() == queueBound) {
                    throw new AtomikError(ErrorCode.CAPACITY_EXCEEDED);
                }
                if (lastSeq == 0xffffffffL) {
                    throw new AtomikError(ErrorCode.SEQ_EXHAUSTED);
                }
                long[] c = touch(a);
                c[1] ^= v & mask;
                c[2]++;
                lastSeq++;
                DeltaMessage m = new DeltaMessage(a, v & mask, lastSeq);
                queue.add(m);
                return m;
            }
            case APPLY: {
                long[] c = touch(a);
                c[1] ^= v & mask;
                c[2]++;
                return null;
            }
            case READ: {
                checkAddress(a);
                long[] c = contexts.get(a);
                return c == null ? 0L : c[0] ^ c[1];
            }
            case COUNT: {
                checkAddress(a);
                long[] c = contexts.get(a);
                return c == null ? 0L : c[2];
            }
            case DRAIN: {
                List<DeltaMessage> out = new ArrayList<>(queue);
                queue.clear();
                return out;
            }
            default:
                throw new IllegalStateException(op.kind().toString());
        }
    }

    int pending() {
        return queue.size();
    }

    /** True when {@code address} is a valid address that is new and still fits under the address bound. */
    boolean hasRoomFor(long address) {
        return address >= 0 && address <= 0xffffffffL && !contexts.containsKey(address)
                && contexts.size() < addressBound;
    }

    /** The same observation as {@link StreamOp#observe}, from the spec's state. */
    List<Long> observe(long... extra) {
        List<Long> out = new ArrayList<>(List.of(epoch, lastSeq, (long) queue.size()));
        for (long a : StreamOp.POOL) {
            addContext(out, a);
        }
        for (long a : extra) {
            addContext(out, a);
        }
        return out;
    }

    private void addContext(List<Long> out, long address) {
        long[] c = contexts.get(address);
        out.add(c == null ? 0L : c[0] ^ c[1]);
        out.add(c == null ? 0L : c[2]);
    }
}
