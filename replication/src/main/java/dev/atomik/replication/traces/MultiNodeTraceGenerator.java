package dev.atomik.replication.traces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.replication.Cluster;
import dev.atomik.replication.Hex;
import dev.atomik.replication.Ndjson;
import dev.atomik.replication.Scenario;
import dev.atomik.replication.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes every {@link Scenarios} run as a multi-node golden trace (spec/trace-format-multinode.md):
 * a header in the trace-format.md shape, then the recorded steps. Usage:
 * {@code MultiNodeTraceGenerator <output folder>}, normally {@code conformance/traces/replication};
 * trace {@code replication/<name>} goes to {@code <folder>/<name>.ndjson}.
 */
public final class MultiNodeTraceGenerator {
    public static final String GENERATOR = "replication/MultiNodeTraceGenerator";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MultiNodeTraceGenerator() {
    }

    /** Header + steps of one scenario's trace. */
    public static List<JsonNode> trace(Scenario scenario) {
        Cluster cluster = scenario.run().get();
        List<JsonNode> lines = new ArrayList<>();
        lines.add(header(scenario, cluster));
        lines.addAll(cluster.steps());
        return lines;
    }

    static ObjectNode header(Scenario scenario, Cluster cluster) {
        ObjectNode h = JSON.objectNode();
        h.put("atomik_trace", 1);
        h.put("spec", "1.0");
        h.put("id", scenario.id());
        h.put("description", scenario.description());
        ArrayNode clauses = h.putArray("clauses");
        scenario.clauses().forEach(clauses::add);
        ObjectNode requires = h.putObject("requires");
        requires.put("kind", "cache");
        ArrayNode widths = requires.putArray("widths");
        if (cluster.width() >= 1 && cluster.width() <= 64) {
            widths.add(cluster.width()); // a refused init (BAD_WIDTH) creates no width: []
        }
        requires.put("contexts", 1);
        TreeSet<String> ops = new TreeSet<>();
        for (JsonNode step : cluster.steps()) {
            ops.add(step.get("op").asText());
        }
        ArrayNode opList = requires.putArray("ops");
        ops.forEach(opList::add);
        requires.put("nodes", cluster.size());
        ObjectNode origin = h.putObject("origin");
        origin.put("kind", "generated");
        origin.put("generator", GENERATOR);
        origin.put("seed", Hex.of(scenario.seed()));
        return h;
    }

    /** Writes every trace under {@code folder}; returns the files written. */
    public static List<Path> writeAll(Path folder) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Scenario s : Scenarios.all()) {
            Path file = folder.resolve(s.id().substring(s.id().indexOf('/') + 1) + ".ndjson");
            Ndjson.write(file, trace(s));
            written.add(file);
        }
        return written;
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: MultiNodeTraceGenerator <output folder, e.g. conformance/traces/replication>");
            System.exit(2);
        }
        try {
            for (Path p : writeAll(Path.of(args[0]))) {
                System.out.println("wrote " + p);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
