package dev.atomik.conformance.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an implementation declares it can do (spec/adapter-protocol.md, PROTO-CAPS-1). A trace that
 * needs more is skipped with the missing capability as the reason.
 *
 * @param kinds            subset of context, table, stream, wire, cache
 * @param minWidth         smallest supported width
 * @param maxWidth         largest supported width
 * @param contexts         largest table size N
 * @param streamAddresses  distinct addresses a stream can hold
 * @param queue            outbound queue length of a stream
 * @param nodes            nodes one adapter instance can host (replication traces)
 * @param ops              supported operations
 */
public record Capabilities(Set<String> kinds, int minWidth, int maxWidth, long contexts,
                           long streamAddresses, long queue, int nodes, Set<String> ops) {

    public Capabilities {
        kinds = Set.copyOf(kinds);
        ops = Set.copyOf(ops);
    }

    /** Parses the {@code capabilities} object of a hello; missing numbers default to the smallest sane value. */
    public static Capabilities fromJson(JsonNode caps) {
        Set<String> kinds = new LinkedHashSet<>();
        caps.path("kinds").forEach(k -> kinds.add(k.asText()));
        Set<String> ops = new LinkedHashSet<>();
        caps.path("ops").forEach(o -> ops.add(o.asText()));
        JsonNode widths = caps.path("widths");
        return new Capabilities(kinds, widths.path("min").asInt(64), widths.path("max").asInt(64),
                caps.path("contexts").asLong(1), caps.path("stream_addresses").asLong(1),
                caps.path("queue").asLong(1), caps.path("nodes").asInt(1), ops);
    }

    public ObjectNode toJson() {
        ObjectNode caps = JsonNodeFactory.instance.objectNode();
        kinds.stream().sorted().forEach(caps.putArray("kinds")::add);
        ObjectNode widths = caps.putObject("widths");
        widths.put("min", minWidth);
        widths.put("max", maxWidth);
        caps.put("contexts", contexts);
        caps.put("stream_addresses", streamAddresses);
        caps.put("queue", queue);
        caps.put("nodes", nodes);
        ops.stream().sorted().forEach(caps.putArray("ops")::add);
        return caps;
    }
}
