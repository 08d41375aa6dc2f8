package dev.atomik.conformance.adapters.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.trace.Hex;
import dev.atomik.model.AtomikError;
import dev.atomik.model.CacheNode;
import dev.atomik.model.Context;
import dev.atomik.model.DeltaMessage;
import dev.atomik.model.DeltaStream;
import dev.atomik.model.ErrorCode;
import dev.atomik.model.Table;
import dev.atomik.model.Width;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference model ({@code dev.atomik.model}) as an in-process adapter: each request becomes one
 * call on a {@link Context}, {@link Table} or {@link DeltaStream}, or on {@link DeltaMessage} for the
 * wire ops, and each {@link AtomikError} becomes an error reply with its code. This is the only class
 * of the conformance kit that sees the model, so every other part is tested against it exactly as
 * against a foreign implementation.
 *
 * <p>A request the model cannot map (an op on nothing, an op the current object's kind lacks) is a
 * harness bug rather than an ATOMiK error, so it throws {@link IllegalStateException}, which the
 * runner reports as an {@code error}.
 */
public final class ModelAdapter implements Adapter {
    /**
     * The largest table this adapter declares. The model's Table holds three long arrays of N entries;
     * 2^20 contexts (24 MiB) always fits a default JVM, larger sizes depend on the heap.
     */
    public static final long MAX_CONTEXTS = 1L << 20;

    /** Cache nodes one model adapter hosts (kind cache, spec/trace-format-multinode.md). */
    public static final int MAX_NODES = 16;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Every kind with every op it has in the model; observable fields follow from the ops. */
    private static final Capabilities CAPABILITIES = Capabilities.builder()
            .widths(Width.MIN, Width.MAX).contexts(MAX_CONTEXTS)
            .streamBounds(DeltaStream.DEFAULT_ADDRESSES, DeltaStream.DEFAULT_QUEUE).nodes(MAX_NODES)
            .kind("context", Set.of("init", "load", "accum", "rollback", "read", "swap", "count"))
            .kind("table", Set.of("init", "load", "accum", "rollback", "read", "swap", "merge", "count"))
            .kind("stream", Set.of("init", "load", "accum", "rollback", "read", "swap", "count", "epoch",
                    "pending", "drain", "apply"))
            .kind("wire", Set.of("encode", "decode"))
            .kind("cache", Set.of("init", "load", "swap", "put", "get", "receive"))
            .cacheCapacity(true)
            .build();

    private Context context;
    private Table table;
    private DeltaStream stream;
    /** The nodes of a cache init, by name; each a {@link CacheNode} (REP-CACHE-1). */
    private Map<String, CacheNode> cache;

    public static Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Hello hello() {
        return new Hello("atomik-model", version(), CAPABILITIES);
    }

    private static String version() {
        String v = ModelAdapter.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public List<ObjectNode> execute(List<ObjectNode> requests, Duration perStepTimeout) {
        List<ObjectNode> replies = new ArrayList<>(requests.size());
        for (ObjectNode request : requests) {
            replies.add(reply(request));
        }
        return replies;
    }

    private ObjectNode reply(ObjectNode request) {
        try {
            return perform(request);
        } catch (AtomikError e) {
            return JSON.objectNode().put("error", ErrorCode.name(e.code));
        }
    }

    private ObjectNode perform(ObjectNode r) {
        String op = r.path("op").asText();
        switch (op) {
            case "reset":
                reset();
                return ok();
            case "init":
                return init(r);
            case "encode":
                return bytes(new DeltaMessage(hex(r, "addr"), hex(r, "delta"), hex(r, "seq")).encode());
            case "decode":
                return message(DeltaMessage.decode(Hex.parseBytes(r.path("bytes").asText())));
            default:
                break;
        }
        if (context != null) {
            return onContext(op, r);
        }
        if (table != null) {
            return onTable(op, r);
        }
        if (stream != null) {
            return onStream(op, r);
        }
        if (cache != null) {
            return onCache(op, r);
        }
        throw new IllegalStateException(op + " before any successful init");
    }

    private ObjectNode init(ObjectNode r) {
        int width = r.path("width").asInt();
        String kind = r.path("kind").asText();
        // Build first, assign after: a failed init changes nothing (ERR-ATOMIC-1).
        switch (kind) {
            case "context": {
                Context created = new Context(width);
                reset();
                context = created;
                break;
            }
            case "table": {
                Table created = new Table(width, r.path("size").asInt());
                reset();
                table = created;
                break;
            }
            case "stream": {
                DeltaStream created = new DeltaStream(width,
                        r.path("addresses").asInt(DeltaStream.DEFAULT_ADDRESSES),
                        r.path("queue").asInt(DeltaStream.DEFAULT_QUEUE));
                reset();
                stream = created;
                break;
            }
            case "cache": {
                Map<String, CacheNode> created = new LinkedHashMap<>();
                JsonNode names = r.path("nodes");
                for (int i = 0; i < names.size(); i++) {
                    created.put(names.get(i).asText(), new CacheNode(i, width,
                            r.path("capacity").asInt(CacheNode.DEFAULT_KEYS)));
                }
                if (created.isEmpty() || created.size() > MAX_NODES) {
                    throw new IllegalStateException("init of " + created.size() + " cache nodes; declared 1.." + MAX_NODES);
                }
                reset();
                cache = created;
                break;
            }
            default:
                throw new IllegalStateException("init of unsupported kind " + kind);
        }
        return ok();
    }

    private void reset() {
        context = null;
        table = null;
        stream = null;
        cache = null;
    }

    /** A request to one cache node; {@code receive} decodes the 16 wire bytes first (WIRE-LEN-2, WIRE-RANGE-1). */
    private ObjectNode onCache(String op, ObjectNode r) {
        String name = r.path("node").asText();
        CacheNode node = cache.get(name);
        if (node == null) {
            throw new IllegalStateException("no cache node " + name + " (init created " + cache.keySet() + ")");
        }
        switch (op) {
            case "put": return message(node.put(hex(r, "addr"), hex(r, "value")));
            case "get": return value(node.get(hex(r, "addr")));
            case "load": node.load(hex(r, "addr"), hex(r, "value")); return ok();
            case "swap": return value(node.swap(hex(r, "addr"), hex(r, "value")));
            case "receive": node.receive(DeltaMessage.decode(Hex.parseBytes(r.path("bytes").asText()))); return ok();
            default: throw new IllegalStateException(op + " does not apply to a cache node");
        }
    }

    private ObjectNode onContext(String op, ObjectNode r) {
        switch (op) {
            case "load": context.load(hex(r, "value")); return ok();
            case "accum": context.accum(hex(r, "delta")); return ok();
            case "rollback": context.rollback(hex(r, "delta")); return ok();
            case "read": return value(context.read());
            case "swap": return value(r.has("value") ? context.swap(hex(r, "value")) : context.swap());
            case "count": return value(context.deltaCount());
            default: throw new IllegalStateException(op + " does not apply to a context");
        }
    }

    private ObjectNode onTable(String op, ObjectNode r) {
        long addr = hex(r, "addr");
        switch (op) {
            case "load": table.load(addr, hex(r, "value")); return ok();
            case "accum": table.accum(addr, hex(r, "delta")); return ok();
            case "rollback": table.rollback(addr, hex(r, "delta")); return ok();
            case "read": return value(table.read(addr));
            case "swap": return value(r.has("value") ? table.swap(addr, hex(r, "value")) : table.swap(addr));
            case "merge": table.merge(addr, hex(r, "from")); return ok();
            case "count": return value(table.deltaCount(addr));
            default: throw new IllegalStateException(op + " does not apply to a table");
        }
    }

    private ObjectNode onStream(String op, ObjectNode r) {
        switch (op) {
            case "load": stream.load(hex(r, "addr"), hex(r, "value")); return ok();
            case "accum": return message(stream.accum(hex(r, "addr"), hex(r, "delta")));
            case "rollback": return message(stream.rollback(hex(r, "addr"), hex(r, "delta")));
            case "read": return value(stream.read(hex(r, "addr")));
            case "swap": {
                long addr = hex(r, "addr");
                return value(r.has("value") ? stream.swap(addr, hex(r, "value")) : stream.swap(addr));
            }
            case "count": return value(stream.deltaCount(hex(r, "addr")));
            case "epoch": return value(stream.epoch());
            case "pending": return value(stream.pending());
            case "drain": {
                ArrayNode messages = JSON.arrayNode();
                for (DeltaMessage m : stream.drain()) {
                    messages.add(fields(m));
                }
                ObjectNode reply = JSON.objectNode();
                reply.set("messages", messages);
                return reply;
            }
            case "apply":
                stream.apply(new DeltaMessage(hex(r, "addr"), hex(r, "delta"), hex(r, "seq")));
                return ok();
            default: throw new IllegalStateException(op + " does not apply to a stream");
        }
    }

    private static long hex(ObjectNode r, String field) {
        JsonNode node = r.get(field);
        if (node == null || !Hex.isValue(node.asText())) {
            throw new IllegalStateException("request " + r + ": " + field + " is not a hex string");
        }
        return Hex.parse(node.asText());
    }

    private static ObjectNode ok() {
        return JSON.objectNode().put("ok", true);
    }

    private static ObjectNode value(long v) {
        return JSON.objectNode().put("value", Hex.format(v));
    }

    private static ObjectNode bytes(byte[] b) {
        return JSON.objectNode().put("bytes", Hex.formatBytes(b));
    }

    private static ObjectNode message(DeltaMessage m) {
        ObjectNode reply = JSON.objectNode();
        reply.set("message", fields(m));
        return reply;
    }

    private static ObjectNode fields(DeltaMessage m) {
        return JSON.objectNode().put("addr", Hex.format(m.addr)).put("delta", Hex.format(m.delta))
                .put("seq", Hex.format(m.seq));
    }

    @Override
    public void close() {
        reset();
    }
}
