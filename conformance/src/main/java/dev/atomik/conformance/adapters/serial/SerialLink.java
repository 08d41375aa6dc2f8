package dev.atomik.conformance.adapters.serial;

import java.io.IOException;

/** A byte pipe to a device: a serial port in use, an in-memory pipe in unit tests. */
interface SerialLink extends AutoCloseable {

    void write(byte[] bytes) throws IOException;

    /**
     * Reads what is available into {@code buffer}, waiting up to {@code timeoutMillis} for at least
     * one byte; returns the count, 0 when nothing came.
     */
    int read(byte[] buffer, long timeoutMillis) throws IOException;

    /** For messages: the device path. */
    String name();

    @Override
    void close();
}
