package dev.atomik.conformance.adapters.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapter.Hello;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One process per node (spec/trace-format-multinode.md, "One process per node"): the same command
 * is started once per node of a cache {@code init}, and each process gets that {@code init} with
 * {@code "nodes"} holding only its own name. Requests naming a node go to that node's process;
 * {@code reset} goes to every process; anything else (single-node traces) goes to the first.
 *
 * <p>Nodes never talk to each other (the runner owns the network), so the requests of one batch
 * can be split by process, each part pipelined to its process in order, and the replies put back
 * in request order. Processes stay up across traces; after a fault the runner closes them all.
 */
public final class PerNodeProcessAdapter implements Adapter {
    /** Nodes are named A..Z, so this adapter can host up to 26, one process each. */
    public static final int MAX_NODES = 26;

    private final List<String> command;
    private final Path workingDirectory;
    private final Duration handshakeTimeout;
    private final List<ProcessAdapter> processes = new ArrayList<>();
    /** The process index of each node of the last cache init. */
    private final Map<String, Integer> nodeProcess = new HashMap<>();
    private Hello hello;

    public PerNodeProcessAdapter(List<String> command, Path workingDirectory, Duration handshakeTimeout) {
        this.command = List.copyOf(command);
        this.workingDirectory = workingDirectory;
        this.handshakeTimeout = handshakeTimeout;
    }

    @Override
    public Hello hello() throws AdapterFault {
        if (hello == null) {
            Hello first = process(0).hello();
            Capabilities c = first.capabilities();
            int nodes = c.kinds().contains("cache") ? MAX_NODES : c.nodes();
            hello = new Hello(first.name(), first.version(), c.withNodes(nodes));
        }
        return hello;
    }

    /** The process of index {@code i}, started (and greeted) when it does not exist yet. */
    private ProcessAdapter process(int i) throws AdapterFault {
        while (processes.size() <= i) {
            ProcessAdapter started = ProcessAdapter.start(command, workingDirectory, true, handshakeTimeout);
            processes.add(started);
            started.hello();
        }
        return processes.get(i);
    }

    /** Where one request went: its process and its place in that process's part of the batch (several for reset and init). */
    private record Route(int process, int index) {
    }

    @Override
    public List<ObjectNode> execute(List<ObjectNode> requests, Duration perStepTimeout) throws AdapterFault {
        hello();
        List<List<ObjectNode>> parts = new ArrayList<>();
        List<List<Route>> routes = new ArrayList<>(requests.size());
        for (ObjectNode request : requests) {
            List<Route> to = new ArrayList<>();
            for (Map.Entry<Integer, ObjectNode> e : split(request).entrySet()) {
                int p = e.getKey();
                while (parts.size() <= p) {
                    parts.add(new ArrayList<>());
                }
                to.add(new Route(p, parts.get(p).size()));
                parts.get(p).add(e.getValue());
            }
            routes.add(to);
        }
        List<List<ObjectNode>> answers = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            if (parts.get(p).isEmpty()) {
                answers.add(List.of());
                continue;
            }
            try {
                answers.add(process(p).execute(parts.get(p), perStepTimeout));
            } catch (AdapterFault fault) {
                throw new AdapterFault(fault.kind(), originalIndex(routes, p, fault.requestIndex()),
                        "node process " + (p + 1) + ": " + fault.getMessage());
            }
        }
        List<ObjectNode> out = new ArrayList<>(requests.size());
        for (List<Route> to : routes) {
            ObjectNode reply = null;
            for (Route r : to) {
                ObjectNode candidate = answers.get(r.process()).get(r.index());
                if (reply == null || (candidate.has("error") && !reply.has("error"))) {
                    reply = candidate; // a fanned-out request fails when any process failed it
                }
            }
            out.add(reply);
        }
        return out;
    }

    /** The request each process gets, by process index. */
    private Map<Integer, ObjectNode> split(ObjectNode request) throws AdapterFault {
        Map<Integer, ObjectNode> to = new java.util.TreeMap<>();
        String op = request.path("op").asText();
        if (op.equals("reset")) {
            for (int p = 0; p < Math.max(1, processes.size()); p++) {
                to.put(p, request);
            }
            return to;
        }
        if (op.equals("init") && request.path("kind").asText().equals("cache") && request.path("nodes").isArray()) {
            JsonNode names = request.get("nodes");
            nodeProcess.clear();
            for (int p = 0; p < names.size(); p++) {
                process(p);
                nodeProcess.put(names.get(p).asText(), p);
                ObjectNode own = request.deepCopy();
                ArrayNode only = own.putArray("nodes");
                only.add(names.get(p).asText());
                to.put(p, own);
            }
            if (!to.isEmpty()) {
                return to;
            }
        }
        Integer p = request.has("node") ? nodeProcess.get(request.get("node").asText()) : null;
        to.put(p == null ? 0 : p, request);
        return to;
    }

    /** The batch index of the request that was number {@code partIndex} of process {@code p}'s part, or −1. */
    private static int originalIndex(List<List<Route>> routes, int p, int partIndex) {
        for (int i = 0; i < routes.size(); i++) {
            for (Route r : routes.get(i)) {
                if (r.process() == p && r.index() == partIndex) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public void close() {
        for (ProcessAdapter p : processes) {
            p.close();
            if (shutdownNote == null) {
                shutdownNote = p.shutdownNote().orElse(null); // the first node's note speaks for the rest
            }
        }
        processes.clear();
    }

    private dev.atomik.conformance.adapter.ShutdownNote shutdownNote;

    @Override
    public java.util.Optional<dev.atomik.conformance.adapter.ShutdownNote> shutdownNote() {
        return java.util.Optional.ofNullable(shutdownNote);
    }
}
