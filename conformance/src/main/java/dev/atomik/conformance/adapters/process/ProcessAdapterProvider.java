package dev.atomik.conformance.adapters.process;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterProvider;

/**
 * {@code process:<command line>}: runs any program that speaks spec/adapter-protocol.md, pipelining
 * each batch of requests. The command is split like a shell would (quotes respected, no shell
 * features) and runs where {@link RepoRoot#find()} says: the caller's directory, or the root of the
 * kit checkout that directory is in.
 */
public final class ProcessAdapterProvider implements AdapterProvider {

    @Override
    public String scheme() {
        return "process";
    }

    @Override
    public String description() {
        return "process:<command> runs a program speaking the adapter protocol on stdin/stdout, pipelined "
                + "(e.g. process:python3 samples/python/atomik_adapter.py)";
    }

    @Override
    public Adapter open(String argument) {
        return ProcessAdapter.start(CommandLineSplitter.split(argument), RepoRoot.find(), true,
                ProcessAdapter.handshakeTimeout());
    }
}
