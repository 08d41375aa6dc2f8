package dev.atomik.conformance.adapter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an implementation declares it can do (spec/adapter-protocol.md, PROTO-CAPS-1), per kind: a
 * stream without SWAP next to contexts with SWAP is one honest declaration, not a choice between
 * losing coverage and failing steps it never claimed. A trace that needs more is skipped with the
 * missing capability as the reason; a {@code check} field a kind cannot show is "not observed".
 *
 * @param perKind  the kinds the implementation has, each with its ops and observable fields
 * @param minWidth smallest supported width
 * @param maxWidth largest supported width; above 64 for wide-word implementations (VAL-WIDE-1)
 * @param contexts largest table size N
 * @param stream   how a stream bounds its addresses and queue (STR-CAP-1)
 * @param nodes    nodes one adapter instance can host (replication traces)
 * @param cacheCapacity the implementation honours the key {@code capacity} of a cache init
 *                 ({@code kinds.cache.capacity: true}); without it a trace that sets one is skipped
 * @param protocol the protocol version of the hello that declared it (1 or 2)
 */
public record Capabilities(Map<String, KindCapabilities> perKind, int minWidth, int maxWidth, long contexts,
                           StreamBounds stream, int nodes, int protocol, boolean cacheCapacity) {

    /** Fields a {@code check} step compares, each read through one op. */
    public static final Map<String, String> OBSERVABLE_VIA = Map.of(
            "state", "read", "count", "count", "epoch", "epoch", "pending", "pending");

    /** The ops and observable fields of one kind. */
    public record KindCapabilities(Set<String> ops, Set<String> observe) {
        public KindCapabilities {
            ops = Collections.unmodifiableSet(new TreeSet<>(ops));
            observe = Collections.unmodifiableSet(new TreeSet<>(observe));
        }
    }

    /**
     * STR-CAP-1 bounds. {@code bounded}: a trace's {@code init} bounds up to these are honoured and
     * exceeding them fails with {@code CAPACITY_EXCEEDED}; unbounded: never {@code CAPACITY_EXCEEDED}.
     */
    public record StreamBounds(boolean bounded, long addresses, long queue) {
        public static final StreamBounds UNBOUNDED = new StreamBounds(false, Long.MAX_VALUE, Long.MAX_VALUE);

        public static StreamBounds of(long addresses, long queue) {
            return new StreamBounds(true, addresses, queue);
        }

        @Override
        public String toString() {
            return bounded ? "bounded (addresses " + addresses + ", queue " + queue + ")" : "unbounded";
        }
    }

    public Capabilities {
        Map<String, KindCapabilities> copy = new LinkedHashMap<>();
        for (String k : new TreeSet<>(perKind.keySet())) {
            copy.put(k, perKind.get(k));
        }
        perKind = Collections.unmodifiableMap(copy);
    }

    /**
     * A protocol-1 declaration: one list of ops for every kind, observable fields derived from them.
     */
    public static Capabilities v1(Set<String> kinds, int minWidth, int maxWidth, long contexts,
                                  long streamAddresses, long queue, int nodes, Set<String> ops) {
        Builder b = builder().protocol(1).widths(minWidth, maxWidth).contexts(contexts).nodes(nodes)
                .streamBounds(streamAddresses, queue);
        kinds.forEach(k -> b.kind(k, ops));
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The kinds declared. */
    public Set<String> kinds() {
        return perKind.keySet();
    }

    /** The ops of one kind (empty when the kind is not declared). */
    public Set<String> ops(String kind) {
        KindCapabilities k = perKind.get(kind);
        return k == null ? Set.of() : k.ops();
    }

    /** Every op of every kind (what protocol 1 called {@code ops}). */
    public Set<String> ops() {
        Set<String> all = new TreeSet<>();
        perKind.values().forEach(k -> all.addAll(k.ops()));
        return Collections.unmodifiableSet(all);
    }

    /** The fields a {@code check} step can compare on this kind. */
    public Set<String> observes(String kind) {
        KindCapabilities k = perKind.get(kind);
        return k == null ? Set.of() : k.observe();
    }

    public boolean streamBounded() {
        return stream.bounded();
    }

    public long streamAddresses() {
        return stream.addresses();
    }

    public long queue() {
        return stream.queue();
    }

    /** The same declaration hosting {@code n} nodes (one process per node hosts as many as it starts). */
    public Capabilities withNodes(int n) {
        return new Capabilities(perKind, minWidth, maxWidth, contexts, stream, n, protocol, cacheCapacity);
    }

    /** The protocol-2 {@code capabilities} object (adapter-protocol.md). */
    public ObjectNode toJson() {
        ObjectNode caps = JsonNodeFactory.instance.objectNode();
        ObjectNode widths = caps.putObject("widths");
        widths.put("min", minWidth);
        widths.put("max", maxWidth);
        caps.put("nodes", nodes);
        ObjectNode kinds = caps.putObject("kinds");
        perKind.forEach((name, k) -> {
            ObjectNode kind = kinds.putObject(name);
            k.ops().forEach(kind.putArray("ops")::add);
            if (!name.equals("wire")) {
                k.observe().forEach(kind.putArray("observe")::add);
            }
            if (name.equals("table")) {
                kind.put("contexts", contexts);
            }
            if (name.equals("cache") && cacheCapacity) {
                kind.put("capacity", true);
            }
            if (name.equals("stream")) {
                if (stream.bounded()) {
                    kind.putObject("bounds").put("addresses", stream.addresses()).put("queue", stream.queue());
                } else {
                    kind.put("bounds", "unbounded");
                }
            }
        });
        return caps;
    }

    /**
     * The protocol-1 {@code capabilities} object, for a runner that speaks only protocol 1: ops are
     * global, so a kind's missing op cannot be said and the union is declared.
     */
    public ObjectNode toJsonV1() {
        ObjectNode caps = JsonNodeFactory.instance.objectNode();
        kinds().forEach(caps.putArray("kinds")::add);
        ObjectNode widths = caps.putObject("widths");
        widths.put("min", minWidth);
        widths.put("max", maxWidth);
        caps.put("contexts", contexts);
        caps.put("stream_addresses", stream.addresses());
        caps.put("queue", stream.queue());
        caps.put("nodes", nodes);
        ops().forEach(caps.putArray("ops")::add);
        return caps;
    }

    /** The fields observable by default: those whose op the kind declares. */
    public static Set<String> derivedObserve(String kind, Set<String> ops) {
        Set<String> observe = new LinkedHashSet<>();
        if (kind.equals("wire")) {
            return observe;
        }
        if (ops.contains(kind.equals("cache") ? "get" : "read")) {
            observe.add("state");
        }
        for (String field : new String[] {"count", "epoch", "pending"}) {
            if (ops.contains(field)) {
                observe.add(field);
            }
        }
        return observe;
    }

    /** Builds capabilities kind by kind, so an implementer states only what it has. */
    public static final class Builder {
        private final Map<String, Set<String>> ops = new LinkedHashMap<>();
        private final Map<String, Set<String>> observe = new LinkedHashMap<>();
        private int minWidth = 64;
        private int maxWidth = 64;
        private long contexts = 1;
        private StreamBounds stream = StreamBounds.of(1, 1);
        private int nodes = 1;
        private int protocol = 2;
        private boolean cacheCapacity;

        private Builder() {
        }

        /** Declares a kind with its ops. */
        public Builder kind(String kind, Set<String> kindOps) {
            ops.put(kind, new LinkedHashSet<>(kindOps));
            return this;
        }

        /** Declares what {@code check} can compare on a kind (default: derived from its ops). */
        public Builder observe(String kind, Set<String> fields) {
            observe.put(kind, new LinkedHashSet<>(fields));
            return this;
        }

        public Builder widths(int min, int max) {
            minWidth = min;
            maxWidth = max;
            return this;
        }

        public Builder contexts(long n) {
            contexts = n;
            return this;
        }

        public Builder streamBounds(long addresses, long queue) {
            stream = StreamBounds.of(addresses, queue);
            return this;
        }

        public Builder streamUnbounded() {
            stream = StreamBounds.UNBOUNDED;
            return this;
        }

        public Builder nodes(int n) {
            nodes = n;
            return this;
        }

        /** The implementation honours the key {@code capacity} of a cache init ({@code kinds.cache.capacity}). */
        public Builder cacheCapacity(boolean honoured) {
            cacheCapacity = honoured;
            return this;
        }

        public Builder protocol(int version) {
            protocol = version;
            return this;
        }

        public Capabilities build() {
            Map<String, KindCapabilities> kinds = new LinkedHashMap<>();
            ops.forEach((kind, kindOps) -> kinds.put(kind, new KindCapabilities(kindOps,
                    observe.getOrDefault(kind, derivedObserve(kind, kindOps)))));
            return new Capabilities(kinds, minWidth, maxWidth, contexts, stream, nodes, protocol, cacheCapacity);
        }
    }
}
