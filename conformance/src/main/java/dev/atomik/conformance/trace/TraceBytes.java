package dev.atomik.conformance.trace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a trace's bytes come from. Opened once to validate the trace and again each time its steps
 * are read, so a trace too big to hold in memory is read step by step on every pass.
 */
@FunctionalInterface
public interface TraceBytes {

    /** A fresh stream from the first byte; the caller closes it. */
    InputStream open() throws IOException;

    static TraceBytes of(Path file) {
        return () -> Files.newInputStream(file);
    }

    static TraceBytes of(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }
}
