package dev.atomik.conformance.adapters.process;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterProvider;

/**
 * {@code process-serial:<command line>}: as {@code process:}, but sends one request and waits for
 * its reply before sending the next. For peers that cannot pipeline yet, for debugging, and for
 * the bench's one-request-per-step figure.
 */
public final class SerialProcessAdapterProvider implements AdapterProvider {

    @Override
    public String scheme() {
        return "process-serial";
    }

    @Override
    public String description() {
        return "process-serial:<command> as process:, one request at a time (no pipelining)";
    }

    @Override
    public Adapter open(String argument) {
        return ProcessAdapter.start(CommandLineSplitter.split(argument), RepoRoot.find(), false,
                ProcessAdapter.handshakeTimeout());
    }
}
