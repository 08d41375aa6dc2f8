package dev.atomik.conformance.runner;

import dev.atomik.conformance.adapter.AdapterFault;

/**
 * Why a trace ended {@code error} because of the adapter, typed: the run's rules (a dead adapter
 * stops the run, repeated faults collapse into one line) read this, never the message text.
 *
 * @param kind   the PROTO-FAULT-1 kind; {@code HANDSHAKE} when the adapter could not be opened
 * @param where  at which point of the trace it happened
 * @param detail the adapter's message without the trace-specific part (no trace id, no step number)
 */
public record TraceFault(AdapterFault.Kind kind, Where where, String detail) {

    /** Where in a trace a fault happened. */
    public enum Where {
        /** The adapter could not be opened or failed its handshake; nothing of the trace was sent. */
        OPEN,
        /** At the trace's first request, the {@code reset}. */
        RESET,
        /** At a step of the trace. */
        STEP,
        /** The adapter did not say which request. */
        UNKNOWN
    }

    /**
     * The adapter gave this trace no answer at all: it could not be opened, or it crashed or stayed
     * silent at the very first request. Several such traces in a row mean the adapter is dead
     * (conformance/INTERPRETING.md, "Console output and early stops").
     */
    public boolean noAnswer() {
        return where == Where.OPEN || (where == Where.RESET && (kind == AdapterFault.Kind.CRASH
                || kind == AdapterFault.Kind.TIMEOUT || kind == AdapterFault.Kind.HANDSHAKE));
    }
}
