package dev.atomik.conformance.fuzz;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Capabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates random operation sequences within an adapter's declared capabilities (PROTO-CAPS-1),
 * weighted toward the edges: boundary widths and values ({@link Edges}), the last table address and
 * the first one past it, long runs on one address, SWAP right after LOAD, bad lengths, out-of-range
 * message fields, bad widths and sizes, and tiny stream bounds so capacity errors happen.
 *
 * <p>An adapter that hosts several cache nodes also gets multi-node sequences (kind {@code cache},
 * {@link MultiNodeGenerator}), drawn as often as each single-node kind.
 *
 * <p>Sequence {@code k} draws from its own {@link SplittableRandom} seeded from (seed, k), so it is
 * reproducible alone and the same seed gives the same sequences, byte for byte. Operands are written
 * in the golden traces' canonical order (op, kind, width, size, addresses, queue, addr, from, value,
 * delta, seq, bytes).
 */
public final class SequenceGenerator {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Tables stay small: bugs live at the edges, not in the middle of a large table. */
    private static final long LARGEST_TABLE = 64;
    /** The model's default stream bounds, used when an init names none. */
    private static final long DEFAULT_ADDRESSES = 1024;
    private static final long DEFAULT_QUEUE = 4096;
    private static final List<String> KINDS = List.of("context", "table", "stream", "wire");

    private final long seed;
    private final Capabilities caps;
    private final List<String> kinds = new ArrayList<>();
    /** Multi-node sequences, when the adapter hosts several cache nodes; else null. */
    private final MultiNodeGenerator multiNode;

    /**
     * @throws IllegalArgumentException when the adapter declares nothing the fuzzer can exercise
     */
    public SequenceGenerator(long seed, Capabilities caps) {
        this.seed = seed;
        this.caps = caps;
        for (String kind : KINDS) {
            if (caps.kinds().contains(kind) && !opsOf(kind).isEmpty()
                    && (kind.equals("wire") || caps.ops().contains("init"))) {
                kinds.add(kind);
            }
        }
        multiNode = MultiNodeGenerator.applies(caps) ? new MultiNodeGenerator(caps) : null;
        if (multiNode != null) {
            kinds.add("cache");
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("the adapter declares no kind the fuzzer can exercise (kinds "
                    + caps.kinds() + ", ops " + caps.ops() + ")");
        }
        if (caps.minWidth() < 1 || caps.maxWidth() > 64 || caps.minWidth() > caps.maxWidth()) {
            throw new IllegalArgumentException("the adapter declares widths " + caps.minWidth() + ".." + caps.maxWidth()
                    + ", not a range within 1..64");
        }
    }

    /** The kinds sequences are drawn from, in order. */
    public List<String> kinds() {
        return List.copyOf(kinds);
    }

    /** The ops generated on {@code kind} (besides init), restricted to the declared ones. */
    List<String> opsOf(String kind) {
        List<String> all = switch (kind) {
            case "context" -> List.of("load", "accum", "rollback", "read", "swap", "count", "encode", "decode");
            case "table" -> List.of("load", "accum", "rollback", "read", "swap", "merge", "count", "encode", "decode");
            case "stream" -> List.of("load", "accum", "rollback", "read", "swap", "count", "epoch", "pending", "drain",
                    "apply", "encode", "decode");
            default -> List.of("encode", "decode");
        };
        List<String> out = new ArrayList<>();
        for (String op : all) {
            if (caps.ops().contains(op)) {
                out.add(op);
            }
        }
        return out;
    }

    /** The random source of sequence {@code index}: a SplitMix64 finaliser of (seed, index). */
    static SplittableRandom randomOf(long seed, long index) {
        long z = seed + (index + 1) * 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    /** Sequence {@code index} of this run. */
    public FuzzSequence sequence(long index) {
        SplittableRandom rnd = randomOf(seed, index);
        String kind = kinds.get(rnd.nextInt(kinds.size()));
        int length = length(rnd);
        if (kind.equals("cache")) {
            return multiNode.sequence(rnd, index, length);
        }
        return new Builder(rnd, kind).build(length, index);
    }

    /** Mostly short sequences (cheap to shrink), some long ones to reach deeper states. */
    private static int length(SplittableRandom rnd) {
        int pick = rnd.nextInt(10);
        if (pick < 4) {
            return rnd.nextInt(1, 17);
        }
        if (pick < 8) {
            return rnd.nextInt(17, 129);
        }
        return rnd.nextInt(129, 401);
    }

    /** Draws one sequence; holds what the edges depend on (width, table size, the address in use). */
    private final class Builder {
        private final SplittableRandom rnd;
        private final String kind;
        private final List<String> ops;
        private final List<ObjectNode> steps = new ArrayList<>();
        private int width;
        private long size = 1;
        private long addressBound = DEFAULT_ADDRESSES;
        private long lastAddr;
        private String lastOp = "";

        Builder(SplittableRandom rnd, String kind) {
            this.rnd = rnd;
            this.kind = kind;
            this.ops = opsOf(kind);
            this.width = caps.maxWidth();
        }

        FuzzSequence build(int length, long index) {
            if (!kind.equals("wire")) {
                steps.add(init(true));
            }
            while (steps.size() < length + (kind.equals("wire") ? 0 : 1)) {
                steps.add(next());
            }
            return new FuzzSequence(index, kind, steps);
        }

        private ObjectNode next() {
            if (lastOp.equals("load") && ops.contains("swap") && rnd.nextInt(3) == 0) {
                return swap(lastAddr); // SWAP right after LOAD, on the same address
            }
            if (!kind.equals("wire") && rnd.nextInt(60) == 0) {
                return init(false);
            }
            String op = pick();
            lastOp = op;
            return switch (op) {
                case "load" -> withValue(addressed("load"), "value");
                case "accum", "rollback" -> withValue(addressed(op), "delta");
                case "read", "count" -> addressed(op);
                case "swap" -> swap(address());
                case "merge" -> merge();
                case "epoch", "pending", "drain" -> request(op);
                case "apply", "encode" -> message(op);
                case "decode" -> decode();
                default -> throw new IllegalStateException("no generator for op " + op);
            };
        }

        /** Weighted choice among the declared ops of this kind. */
        private String pick() {
            int total = 0;
            for (String op : ops) {
                total += weight(op);
            }
            int r = rnd.nextInt(total);
            for (String op : ops) {
                r -= weight(op);
                if (r < 0) {
                    return op;
                }
            }
            throw new IllegalStateException("weights");
        }

        private int weight(String op) {
            return switch (op) {
                case "accum" -> 18;
                case "read" -> 14;
                case "load" -> 12;
                case "swap", "apply" -> 8;
                case "rollback", "count", "merge" -> 6;
                case "drain", "encode", "decode" -> 5;
                default -> 3;
            };
        }

        /**
         * The first init of a sequence always succeeds; a later one re-creates (same kind, new
         * width or size) or fails with BAD_WIDTH or BAD_SIZE and must change nothing (ERR-ATOMIC-1).
         */
        private ObjectNode init(boolean first) {
            ObjectNode r = request("init");
            r.put("kind", kind);
            int bad = first ? 9 : rnd.nextInt(3); // 0: bad width, 1: bad size (tables, streams)
            int w = bad == 0 ? Edges.badWidth(rnd) : Edges.width(rnd, caps.minWidth(), caps.maxWidth());
            r.put("width", w);
            long newSize = 1;
            long newBound = DEFAULT_ADDRESSES;
            if (kind.equals("table")) {
                newSize = bad == 1 ? 0 : tableSize();
                r.put("size", newSize);
            } else if (kind.equals("stream")) {
                long[] bounds = streamBounds(bad == 1);
                if (bounds != null) {
                    r.put("addresses", bounds[0]);
                    r.put("queue", bounds[1]);
                    newBound = bounds[0];
                }
            }
            boolean succeeds = w >= 1 && w <= 64 && (bad != 1 || kind.equals("context"));
            if (succeeds) {
                width = w;
                size = newSize;
                addressBound = newBound;
                lastAddr = 0;
            }
            lastOp = "init";
            return r;
        }

        private long tableSize() {
            long limit = Math.min(caps.contexts(), LARGEST_TABLE);
            int pick = rnd.nextInt(6);
            long s = switch (pick) {
                case 0 -> 1;
                case 1 -> 2;
                case 2 -> limit;
                default -> rnd.nextLong(1, limit + 1);
            };
            return Math.max(1, Math.min(s, limit));
        }

        /**
         * Stream bounds (STR-CAP-1): often tiny so capacity errors happen, often moderate (a long
         * sequence may still reach them), sometimes none (the defaults) when the adapter holds at
         * least the defaults; never more than the adapter declares.
         */
        private long[] streamBounds(boolean bad) {
            long maxAddresses = Math.max(1, caps.streamAddresses());
            long maxQueue = Math.max(1, caps.queue());
            if (bad) {
                return rnd.nextBoolean() ? new long[] {0, Math.min(4, maxQueue)} : new long[] {Math.min(4, maxAddresses), 0};
            }
            int pick = rnd.nextInt(5);
            if (pick < 2) {
                return new long[] {Math.min(rnd.nextLong(1, 5), maxAddresses), Math.min(rnd.nextLong(1, 9), maxQueue)};
            }
            if (pick == 4 && maxAddresses >= DEFAULT_ADDRESSES && maxQueue >= DEFAULT_QUEUE) {
                return null;
            }
            return new long[] {Math.min(rnd.nextLong(5, 65), maxAddresses), Math.min(rnd.nextLong(9, 257), maxQueue)};
        }

        private ObjectNode swap(long addr) {
            ObjectNode r = request("swap");
            if (!kind.equals("context")) {
                r.put("addr", Edges.hex(rnd, addr));
            }
            if (rnd.nextBoolean()) {
                r.put("value", Edges.hex(rnd, Edges.value(rnd, width)));
            }
            lastAddr = addr;
            lastOp = "swap";
            return r;
        }

        private ObjectNode merge() {
            ObjectNode r = request("merge");
            long destination = address();
            long source = rnd.nextInt(4) == 0 ? destination : address();
            r.put("addr", Edges.hex(rnd, destination));
            r.put("from", Edges.hex(rnd, source));
            return r;
        }

        private ObjectNode message(String op) {
            ObjectNode r = request(op);
            long addr = kind.equals("stream") && rnd.nextBoolean() ? address() : Edges.messageAddress(rnd);
            r.put("addr", Edges.hex(rnd, addr));
            r.put("delta", Edges.hex(rnd, Edges.value(rnd, width)));
            r.put("seq", Edges.hex(rnd, Edges.seq(rnd)));
            return r;
        }

        /** 16 big-endian bytes of a message (WIRE-FIELDS-1), sometimes with seq 0 or the wrong length. */
        private ObjectNode decode() {
            byte[] frame = new byte[16];
            long addr = Edges.messageAddress(rnd) & Edges.U32_MAX;
            long delta = Edges.value(rnd, 64);
            long seq = Edges.seq(rnd) & Edges.U32_MAX;
            for (int i = 0; i < 4; i++) {
                frame[i] = (byte) (addr >>> (24 - 8 * i));
                frame[12 + i] = (byte) (seq >>> (24 - 8 * i));
            }
            for (int i = 0; i < 8; i++) {
                frame[4 + i] = (byte) (delta >>> (56 - 8 * i));
            }
            int length = 16;
            int pick = rnd.nextInt(12);
            if (pick < 4) {
                int[] bad = {0, 1, 15, 17, 32};
                length = bad[rnd.nextInt(bad.length)];
            }
            StringBuilder hex = new StringBuilder(length * 2);
            for (int i = 0; i < length; i++) {
                int b = i < 16 ? frame[i] & 0xFF : rnd.nextInt(256);
                hex.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            ObjectNode r = request("decode");
            r.put("bytes", hex.toString());
            return r;
        }

        private ObjectNode withValue(ObjectNode r, String field) {
            r.put(field, Edges.hex(rnd, Edges.value(rnd, width)));
            return r;
        }

        /** An addressed request; a context takes no address. */
        private ObjectNode addressed(String op) {
            ObjectNode r = request(op);
            if (!kind.equals("context")) {
                long addr = address();
                r.put("addr", Edges.hex(rnd, addr));
            }
            return r;
        }

        /**
         * An address: a third of the time the one last used (long runs on one address); otherwise
         * the edges (0, the last address, the first past it, 2^32 and all ones) or a uniform one.
         */
        private long address() {
            if (kind.equals("context")) {
                return 0;
            }
            if (rnd.nextInt(3) == 0) {
                return lastAddr;
            }
            long a;
            int pick = rnd.nextInt(20);
            if (kind.equals("table")) {
                a = switch (pick) {
                    case 0, 1, 2 -> 0;
                    case 3, 4, 5 -> size - 1;
                    case 6 -> size;
                    case 7 -> Edges.ALL_ONES;
                    default -> rnd.nextLong(size);
                };
            } else {
                a = switch (pick) {
                    case 0 -> Edges.U32_MAX;
                    case 1 -> Edges.U32_MAX + 1;
                    case 2 -> Edges.ALL_ONES;
                    case 3 -> rnd.nextLong(Edges.U32_MAX + 1);
                    default -> rnd.nextLong(Math.min(addressBound + 1, 6));
                };
            }
            lastAddr = a;
            return a;
        }

        private ObjectNode request(String op) {
            return JSON.objectNode().put("op", op);
        }
    }

    /** The ops this generator can produce for some kind, multi-node steps included, for the summary's coverage line. */
    static Set<String> allOps() {
        return Set.of("init", "load", "accum", "rollback", "read", "swap", "merge", "count", "epoch", "pending",
                "drain", "apply", "encode", "decode", "put", "get", "send", "duplicate", "drop", "deliver",
                "partition", "heal", "check");
    }
}
