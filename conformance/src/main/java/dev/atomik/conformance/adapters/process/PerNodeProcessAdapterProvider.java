package dev.atomik.conformance.adapters.process;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterProvider;

/**
 * {@code process-per-node:<command line>}: as {@code process:}, but a multi-node (kind cache) trace
 * runs one process per node, each hosting only its own node (the {@code --nodes-per-process 1}
 * mode of spec/trace-format-multinode.md). Single-node traces run on the first process as usual.
 */
public final class PerNodeProcessAdapterProvider implements AdapterProvider {

    @Override
    public String scheme() {
        return "process-per-node";
    }

    @Override
    public String description() {
        return "process-per-node:<command> as process:, but one process per node of a replication trace "
                + "(each gets init with only its own node)";
    }

    @Override
    public Adapter open(String argument) {
        java.util.List<String> command = CommandLineSplitter.split(argument);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command line: give the program to run, e.g. "
                    + "process-per-node:python3 samples/python/atomik_adapter.py");
        }
        return new PerNodeProcessAdapter(command, RepoRoot.find(), ProcessAdapter.handshakeTimeout());
    }
}
