package dev.atomik.conformance.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.trace.Hex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * An {@link Implementation} seen as an {@link Adapter}: each protocol request becomes one typed call,
 * each {@link AtomikFailure} an {@code error} reply with its code. The runner, the reports and the
 * expectations then treat a typed implementation exactly like any other adapter.
 *
 * <p>Anything else the implementation throws, or a null it returns where a result is due, is an
 * {@link AdapterFault} naming the request and where it was thrown: the trace ends {@code error}, the
 * TCK builds a fresh implementation and goes on.
 */
public final class ImplementationAdapter implements Adapter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Implementation implementation;
    private Implementation.Context context;
    private Implementation.Table table;
    private Implementation.DeltaStream stream;
    private Implementation.Cache cache;

    public ImplementationAdapter(Implementation implementation) {
        this.implementation = implementation;
    }

    @Override
    public Hello hello() throws AdapterFault {
        try {
            Capabilities c = implementation.capabilities();
            // Implementation.cache(width, names) takes no key capacity, so a typed implementation
            // cannot honour one: traces that set it are skipped with the reason (PROTO-CAPS-1).
            Capabilities typed = new Capabilities(c.perKind(), c.minWidth(), c.maxWidth(), c.contexts(), c.stream(),
                    c.nodes(), c.protocol(), false);
            return new Hello(implementation.name(), implementation.version(), typed);
        } catch (RuntimeException e) {
            throw new AdapterFault(AdapterFault.Kind.HANDSHAKE, -1, "capabilities() threw " + describe(e));
        }
    }

    @Override
    public List<ObjectNode> execute(List<ObjectNode> requests, Duration perStepTimeout) throws AdapterFault {
        List<ObjectNode> replies = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            ObjectNode request = requests.get(i);
            try {
                replies.add(perform(request));
            } catch (AtomikFailure failure) {
                if (failure.code() == null) {
                    throw new AdapterFault(AdapterFault.Kind.BAD_REPLY, i, "AtomikFailure without a code");
                }
                replies.add(JSON.objectNode().put("error", failure.code().name()));
            } catch (NullResult e) {
                throw new AdapterFault(AdapterFault.Kind.BAD_REPLY, i, e.getMessage());
            } catch (RuntimeException e) {
                throw new AdapterFault(AdapterFault.Kind.CRASH, i, request.path("op").asText() + " threw " + describe(e));
            }
        }
        return replies;
    }

    private ObjectNode perform(ObjectNode r) {
        String op = r.path("op").asText();
        switch (op) {
            case "reset":
                reset();
                return ok();
            case "init":
                return init(r);
            case "encode": {
                byte[] bytes = implementation.encode(new Message(hex(r, "addr"), hex(r, "delta"), hex(r, "seq")));
                return JSON.objectNode().put("bytes", Hex.formatBytes(notNull(bytes, op)));
            }
            case "decode":
                return message(notNull(implementation.decode(Hex.parseBytes(r.path("bytes").asText())), op));
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

    /** Creates first and replaces after, so a failed init changes nothing (ERR-ATOMIC-1). */
    private ObjectNode init(ObjectNode r) {
        int width = r.path("width").asInt();
        String kind = r.path("kind").asText();
        switch (kind) {
            case "context": {
                Implementation.Context created = notNull(implementation.context(width), "context(width)");
                reset();
                context = created;
                break;
            }
            case "table": {
                Implementation.Table created = notNull(implementation.table(width, r.path("size").asLong()), "table(width, size)");
                reset();
                table = created;
                break;
            }
            case "stream": {
                Implementation.DeltaStream created = notNull(implementation.stream(width,
                        optional(r, "addresses"), optional(r, "queue")), "stream(width, addresses, queue)");
                reset();
                stream = created;
                break;
            }
            case "cache": {
                List<String> nodes = new ArrayList<>();
                r.path("nodes").forEach(n -> nodes.add(n.asText()));
                Implementation.Cache created = notNull(implementation.cache(width, List.copyOf(nodes)), "cache(width, nodes)");
                reset();
                cache = created;
                break;
            }
            default:
                throw Implementation.unsupported("init " + kind);
        }
        return ok();
    }

    private void reset() {
        context = null;
        table = null;
        stream = null;
        cache = null;
    }

    private ObjectNode onContext(String op, ObjectNode r) {
        switch (op) {
            case "load": context.load(hex(r, "value")); return ok();
            case "accum": context.accum(hex(r, "delta")); return ok();
            case "rollback": context.rollback(hex(r, "delta")); return ok();
            case "read": return value(context.read());
            case "swap": return value(r.has("value") ? context.swap(hex(r, "value")) : context.swap());
            case "count": return value(context.count());
            default: throw Implementation.unsupported(op + " on a context");
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
            case "count": return value(table.count(addr));
            default: throw Implementation.unsupported(op + " on a table");
        }
    }

    private ObjectNode onStream(String op, ObjectNode r) {
        switch (op) {
            case "load": stream.load(hex(r, "addr"), hex(r, "value")); return ok();
            case "accum": return message(notNull(stream.accum(hex(r, "addr"), hex(r, "delta")), op));
            case "rollback": return message(notNull(stream.rollback(hex(r, "addr"), hex(r, "delta")), op));
            case "read": return value(stream.read(hex(r, "addr")));
            case "swap": {
                long addr = hex(r, "addr");
                return value(r.has("value") ? stream.swap(addr, hex(r, "value")) : stream.swap(addr));
            }
            case "count": return value(stream.count(hex(r, "addr")));
            case "epoch": return value(stream.epoch());
            case "pending": return value(stream.pending());
            case "drain": {
                ArrayNode messages = JSON.arrayNode();
                for (Message m : notNull(stream.drain(), op)) {
                    messages.add(fields(notNull(m, "an element of drain()")));
                }
                ObjectNode reply = JSON.objectNode();
                reply.set("messages", messages);
                return reply;
            }
            case "apply": stream.apply(new Message(hex(r, "addr"), hex(r, "delta"), hex(r, "seq"))); return ok();
            default: throw Implementation.unsupported(op + " on a stream");
        }
    }

    private ObjectNode onCache(String op, ObjectNode r) {
        String node = r.path("node").asText();
        switch (op) {
            case "load": cache.load(node, hex(r, "addr"), hex(r, "value")); return ok();
            case "swap": return value(cache.swap(node, hex(r, "addr"), hex(r, "value")));
            case "put": return message(notNull(cache.put(node, hex(r, "addr"), hex(r, "value")), op));
            case "get": return value(cache.get(node, hex(r, "addr")));
            case "receive":
                cache.receive(node, r.path("from").asText(), Hex.parseBytes(r.path("bytes").asText()));
                return ok();
            default: throw Implementation.unsupported(op + " on a cache");
        }
    }

    private static OptionalLong optional(ObjectNode r, String field) {
        JsonNode n = r.get(field);
        return n == null || n.isNull() ? OptionalLong.empty() : OptionalLong.of(n.asLong());
    }

    private static long hex(ObjectNode r, String field) {
        JsonNode node = r.get(field);
        if (node == null || !Hex.isValue(node.asText())) {
            throw new IllegalStateException("request " + r + ": " + field + " is not a hex string");
        }
        return Hex.parse(node.asText());
    }

    private static <T> T notNull(T result, String what) {
        if (result == null) {
            throw new NullResult(what + " returned null");
        }
        return result;
    }

    private static ObjectNode ok() {
        return JSON.objectNode().put("ok", true);
    }

    private static ObjectNode value(long v) {
        return JSON.objectNode().put("value", Hex.format(v));
    }

    private static ObjectNode message(Message m) {
        ObjectNode reply = JSON.objectNode();
        reply.set("message", fields(m));
        return reply;
    }

    private static ObjectNode fields(Message m) {
        return JSON.objectNode().put("addr", Hex.format(m.addr())).put("delta", Hex.format(m.delta()))
                .put("seq", Hex.format(m.seq()));
    }

    /** {@code java.lang.NullPointerException: x (at MyContext.read(MyContext.java:12))}: the throw, and where. */
    private static String describe(RuntimeException e) {
        StackTraceElement[] at = e.getStackTrace();
        return e + (at.length == 0 ? "" : " (at " + at[0] + ")");
    }

    @Override
    public void close() {
        reset();
    }

    /** A null where the protocol needs a result: a bad reply, not an ATOMiK error. */
    private static final class NullResult extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NullResult(String message) {
            super(message, null, false, false);
        }
    }
}
