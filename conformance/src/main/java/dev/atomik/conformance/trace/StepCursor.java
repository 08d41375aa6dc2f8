package dev.atomik.conformance.trace;

import java.util.Iterator;

/**
 * The steps of a trace in order, read one at a time ({@link Trace#openSteps()}). Close it when done:
 * a trace too big to keep in memory holds its file open while it is read.
 */
public interface StepCursor extends Iterator<Step>, AutoCloseable {

    /** Never throws: a read error surfaces from {@link #next()} as a {@link TraceReadException}. */
    @Override
    void close();
}
