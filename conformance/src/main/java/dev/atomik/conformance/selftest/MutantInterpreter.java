package dev.atomik.conformance.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.golden.Hex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small ATOMiK implementation written independently of {@code dev.atomik.model}, so that the
 * self-test compares the golden traces with a second implementation. With no fault it must pass
 * every golden trace (MutantControlTest); with one {@link Fault} switched on it is a mutant that the
 * traces must catch, and with several ({@code mutant:a+b}) each fault acts exactly as it does alone.
 * It interprets the requests of spec/adapter-protocol.md directly.
 */
final class MutantInterpreter {
    private static final long U32_MAX = 0xFFFF_FFFFL;
    private static final int DEFAULT_STREAM_ADDRESSES = 1024;
    private static final int DEFAULT_QUEUE = 4096;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Signals a failed operation with its spec/errors.md code. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String code;

        Failure(String code) {
            super(code, null, false, false);
            this.code = code;
        }
    }

    /** One context: reference, accumulator, delta count. */
    private static final class Cell {
        long ref;
        long acc;
        long count;
    }

    private record Message(long addr, long delta, long seq) {
    }

    /** The faults switched on; each is checked on its own, so several combine independently. */
    private final Set<Fault> faults;
    private String kind;
    private long mask;
    // Table and context: cells[0..N-1]. Stream: sparse map in touch order.
    private Cell[] cells;
    private Map<Long, Cell> sparse;
    private int addressLimit;
    private int queueLimit;
    private long epoch;
    private long lastSeq;
    private List<Message> queue;
    private Set<String> applied;

    MutantInterpreter(Set<Fault> faults) {
        this.faults = Set.copyOf(faults);
    }

    private boolean has(Fault f) {
        return faults.contains(f);
    }

    /** Handles one request and returns its reply object. */
    ObjectNode handle(JsonNode request) {
        try {
            return dispatch(request);
        } catch (Failure f) {
            return JSON.objectNode().put("error", f.code);
        }
    }

    private ObjectNode dispatch(JsonNode r) {
        String op = r.path("op").asText();
        switch (op) {
            case "reset":
                kind = null;
                return ok();
            case "init":
                init(r);
                return ok();
            case "encode":
                return JSON.objectNode().put("bytes", Hex.bytes(encode(num(r, "addr"), num(r, "delta"), num(r, "seq"))));
            case "decode":
                return messageReply(decode(Hex.parseBytes(r.path("bytes").asText())));
            default:
                break;
        }
        if (kind == null) {
            throw new Failure("UNSUPPORTED");
        }
        return "stream".equals(kind) ? stream(op, r) : table(op, r);
    }

    private void init(JsonNode r) {
        String k = r.path("kind").asText();
        int width = r.path("width").asInt();
        int maxWidth = has(Fault.WIDTH_65_ACCEPTED) ? 128 : 64;
        if (width < 1 || width > maxWidth) {
            throw new Failure("BAD_WIDTH");
        }
        long newMask = width >= 64 ? -1L : (1L << width) - 1;
        switch (k) {
            case "context", "table" -> {
                int size = "table".equals(k) ? r.path("size").asInt() : 1;
                if (size < 1) {
                    throw new Failure("BAD_SIZE");
                }
                cells = new Cell[size];
                for (int i = 0; i < size; i++) {
                    cells[i] = new Cell();
                }
            }
            case "stream" -> {
                int addresses = r.path("addresses").asInt(DEFAULT_STREAM_ADDRESSES);
                int queueLength = r.path("queue").asInt(DEFAULT_QUEUE);
                if (addresses < 1 || queueLength < 1) {
                    throw new Failure("BAD_SIZE");
                }
                boolean unbounded = has(Fault.CAPACITY_IGNORED);
                addressLimit = unbounded ? Integer.MAX_VALUE : addresses;
                queueLimit = unbounded ? Integer.MAX_VALUE : queueLength;
                sparse = new LinkedHashMap<>();
                queue = new ArrayList<>();
                applied = new HashSet<>();
                epoch = 0;
                lastSeq = has(Fault.SEQ_STARTS_AT_ZERO) ? -1 : 0;
            }
            default -> throw new Failure("UNSUPPORTED");
        }
        kind = k;
        mask = newMask;
    }

    // ---- context and table ----

    private ObjectNode table(String op, JsonNode r) {
        switch (op) {
            case "load" -> {
                Cell c = cells[index(r.path("addr"))];
                load(c, num(r, "value"));
                return ok();
            }
            case "accum" -> {
                accumulate(cells[index(r.path("addr"))], num(r, "delta"));
                return ok();
            }
            case "rollback" -> {
                Cell c = cells[index(r.path("addr"))];
                if (!has(Fault.ROLLBACK_NOOP)) {
                    accumulate(c, num(r, "delta"));
                }
                return ok();
            }
            case "read" -> {
                return value(read(cells[index(r.path("addr"))]));
            }
            case "swap" -> {
                Cell c = cells[index(r.path("addr"))];
                return value(swap(c, r));
            }
            case "count" -> {
                return value(cells[index(r.path("addr"))].count);
            }
            case "merge" -> {
                Cell dst = cells[index(r.path("addr"))];
                Cell src = cells[index(r.path("from"))];
                long srcAcc = src.acc;
                long srcCount = src.count;
                if (has(Fault.MERGE_CLEARS_SOURCE)) {
                    src.acc = 0;
                    src.count = 0;
                }
                dst.acc ^= srcAcc;
                dst.count += srcCount;
                return ok();
            }
            default -> throw new Failure("UNSUPPORTED");
        }
    }

    /** A context has one cell and takes no address; a table checks 0 <= addr < N. */
    private int index(JsonNode addrNode) {
        if (addrNode.isMissingNode()) {
            return 0;
        }
        long addr = Hex.parse(addrNode.asText());
        if (Long.compareUnsigned(addr, cells.length) < 0) {
            return (int) addr;
        }
        if (has(Fault.TABLE_ADDRESS_WRAPS)) {
            return (int) Long.remainderUnsigned(addr, cells.length);
        }
        throw new Failure("ADDRESS_OUT_OF_RANGE");
    }

    // ---- shared context semantics ----

    private long in(long x) {
        return has(Fault.NO_WIDTH_MASKING) ? x : x & mask;
    }

    private void load(Cell c, long value) {
        c.ref = in(value);
        if (!has(Fault.LOAD_KEEPS_ACCUMULATOR)) {
            c.acc = 0;
        }
        if (!has(Fault.COUNT_KEPT_BY_LOAD)) {
            c.count = 0;
        }
    }

    private void accumulate(Cell c, long delta) {
        c.acc ^= in(delta);
        c.count++;
    }

    private long read(Cell c) {
        long state = c.ref ^ c.acc;
        if (has(Fault.READ_CLEARS_ACCUMULATOR)) {
            c.acc = 0;
        }
        return state;
    }

    private long swap(Cell c, JsonNode r) {
        long before = c.ref ^ c.acc;
        c.ref = r.has("value") ? in(num(r, "value")) : before;
        c.acc = 0;
        c.count = 0;
        return has(Fault.SWAP_RETURNS_NEW) ? c.ref : before;
    }

    // ---- stream ----

    private ObjectNode stream(String op, JsonNode r) {
        switch (op) {
            case "load" -> {
                Cell c = slot(streamAddress(r), true);
                load(c, num(r, "value"));
                epoch++;
                return ok();
            }
            case "swap" -> {
                Cell c = slot(streamAddress(r), true);
                long before = swap(c, r);
                epoch++;
                if (has(Fault.SWAP_SENDS_MESSAGE)) {
                    queue.add(new Message(streamAddress(r), c.ref ^ before, ++lastSeq));
                }
                return value(before);
            }
            case "accum", "rollback" -> {
                return messageReply(issue(streamAddress(r), num(r, "delta"), op.equals("rollback")));
            }
            case "read" -> {
                long addr = streamAddress(r);
                Cell c = sparse.get(addr);
                if (c == null) {
                    return value(has(Fault.UNKNOWN_ADDRESS_READS_NONZERO) ? mask : 0);
                }
                return value(read(c));
            }
            case "count" -> {
                Cell c = sparse.get(streamAddress(r));
                return value(c == null ? 0 : c.count);
            }
            case "epoch" -> {
                return value(epoch);
            }
            case "pending" -> {
                return value(queue.size());
            }
            case "drain" -> {
                ObjectNode reply = JSON.objectNode();
                ArrayNode list = reply.putArray("messages");
                queue.forEach(m -> list.add(messageJson(m)));
                if (!has(Fault.DRAIN_KEEPS_QUEUE)) {
                    queue.clear();
                }
                return reply;
            }
            case "apply" -> {
                apply(r);
                return ok();
            }
            default -> throw new Failure("UNSUPPORTED");
        }
    }

    private long streamAddress(JsonNode r) {
        long addr = num(r, "addr");
        if (Long.compareUnsigned(addr, U32_MAX) > 0) {
            throw new Failure("ADDRESS_OUT_OF_RANGE");
        }
        return addr;
    }

    /** The cell of an address; touching a new one takes a slot, which may exceed the bound. */
    private Cell slot(long addr, boolean create) {
        Cell c = sparse.get(addr);
        if (c == null && create) {
            if (sparse.size() >= addressLimit) {
                throw new Failure("CAPACITY_EXCEEDED");
            }
            c = new Cell();
            sparse.put(addr, c);
        }
        return c;
    }

    private Message issue(long addr, long delta, boolean rollback) {
        // Check everything before changing anything (ERR-ATOMIC-1), in ERR-ORDER-1 order.
        boolean fresh = !sparse.containsKey(addr);
        if (fresh && sparse.size() >= addressLimit) {
            failAfterSeqLeak("CAPACITY_EXCEEDED");
        }
        if (queue.size() >= queueLimit) {
            failAfterSeqLeak("CAPACITY_EXCEEDED");
        }
        if (lastSeq == U32_MAX) {
            throw new Failure("SEQ_EXHAUSTED");
        }
        Cell c = slot(addr, true);
        if (!(rollback && has(Fault.ROLLBACK_NOOP))) {
            accumulate(c, delta);
        }
        long seq = has(Fault.SEQ_NOT_INCREMENTED) ? 1 : ++lastSeq;
        Message m = new Message(addr, in(delta), seq);
        queue.add(m);
        return m;
    }

    private void failAfterSeqLeak(String code) {
        if (has(Fault.FAILED_ACCUM_CONSUMES_SEQ)) {
            lastSeq++;
        }
        throw new Failure(code);
    }

    private void apply(JsonNode r) {
        long addr = num(r, "addr");
        long seq = num(r, "seq");
        checkMessageRange(addr, seq);
        long delta = num(r, "delta");
        if (has(Fault.APPLY_DEDUPLICATES) && !applied.add(Long.toHexString(addr) + "/" + Long.toHexString(seq))) {
            return;
        }
        Cell c = slot(addr, true);
        accumulate(c, delta);
        if (has(Fault.DUPLICATE_APPLY)) {
            accumulate(c, delta);
        }
        if (has(Fault.APPLY_BUMPS_EPOCH)) {
            epoch++;
        }
    }

    // ---- wire ----

    private static void checkMessageRange(long addr, long seq) {
        if (Long.compareUnsigned(addr, U32_MAX) > 0 || seq == 0 || Long.compareUnsigned(seq, U32_MAX) > 0) {
            throw new Failure("VALUE_OUT_OF_RANGE");
        }
    }

    private byte[] encode(long addr, long delta, long seq) {
        checkMessageRange(addr, seq);
        byte[] out = new byte[16];
        put(out, 0, addr, 4);
        put(out, 4, delta, 8);
        put(out, 12, seq, 4);
        return out;
    }

    private Message decode(byte[] in) {
        if (in.length == 15 && has(Fault.DECODE_ACCEPTS_15_BYTES)) {
            in = java.util.Arrays.copyOf(in, 16);
        }
        if (in.length != 16) {
            throw new Failure("BAD_LENGTH");
        }
        long addr = get(in, 0, 4);
        long delta = get(in, 4, 8);
        long seq = get(in, 12, 4);
        if (seq == 0 && !has(Fault.DECODE_ACCEPTS_SEQ_0)) {
            throw new Failure("VALUE_OUT_OF_RANGE");
        }
        return new Message(addr, delta, seq);
    }

    private void put(byte[] out, int offset, long value, int count) {
        for (int i = 0; i < count; i++) {
            int shift = has(Fault.LITTLE_ENDIAN_WIRE) ? 8 * i : 8 * (count - 1 - i);
            out[offset + i] = (byte) (value >>> shift);
        }
    }

    private long get(byte[] in, int offset, int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            int shift = has(Fault.LITTLE_ENDIAN_WIRE) ? 8 * i : 8 * (count - 1 - i);
            value |= (in[offset + i] & 0xFFL) << shift;
        }
        return value;
    }

    // ---- replies ----

    private static long num(JsonNode r, String field) {
        return Hex.parse(r.path(field).asText());
    }

    private static ObjectNode ok() {
        return JSON.objectNode().put("ok", true);
    }

    private static ObjectNode value(long v) {
        return JSON.objectNode().put("value", Hex.of(v));
    }

    private static ObjectNode messageJson(Message m) {
        ObjectNode o = JSON.objectNode();
        o.put("addr", Hex.of(m.addr)).put("delta", Hex.of(m.delta)).put("seq", Hex.of(m.seq));
        return o;
    }

    private static ObjectNode messageReply(Message m) {
        ObjectNode reply = JSON.objectNode();
        reply.set("message", messageJson(m));
        return reply;
    }
}
