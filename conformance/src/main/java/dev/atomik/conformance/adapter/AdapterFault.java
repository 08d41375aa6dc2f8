package dev.atomik.conformance.adapter;

/**
 * The implementation under test misbehaved at the protocol level, as opposed to answering a wrong
 * value (PROTO-FAULT-1). The trace ends with status {@code error}; the run goes on.
 */
public final class AdapterFault extends Exception {
    private static final long serialVersionUID = 1L;

    /** Named fault kinds of PROTO-FAULT-1. */
    public enum Kind { HANDSHAKE, FRAMING, BAD_REPLY, TIMEOUT, CRASH }

    private final Kind kind;
    /** Index of the request (0-based, within the batch given to {@link Adapter#execute}) that faulted, or −1. */
    private final int requestIndex;

    public AdapterFault(Kind kind, int requestIndex, String detail) {
        super(kind + (requestIndex >= 0 ? " at request " + requestIndex : "") + ": " + detail);
        this.kind = kind;
        this.requestIndex = requestIndex;
    }

    public Kind kind() {
        return kind;
    }

    public int requestIndex() {
        return requestIndex;
    }
}
