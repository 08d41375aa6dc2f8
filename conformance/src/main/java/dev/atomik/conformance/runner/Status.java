package dev.atomik.conformance.runner;

import java.util.Locale;

/** How a trace ended (spec/trace-format.md, "Statuses"). */
public enum Status {
    /** Every step agreed with the trace. */
    PASS,
    /** A step disagreed (TRACE-RESULT-1). */
    FAIL,
    /** The adapter lacks a capability the trace needs (PROTO-CAPS-1); nothing ran. */
    SKIP,
    /** The adapter faulted (PROTO-FAULT-1) or the trace is malformed. */
    ERROR,
    /**
     * Nothing disagreed, but every step that decides the trace was decided by the harness (the RTL
     * driver rejecting a width, a serial host refusing a request), not by the implementation: no
     * evidence about the implementation, so not a pass.
     */
    NOT_EXERCISED;

    /** Name used in console and XML reports: {@code pass}, …, {@code not exercised}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Name used in JSON reports and expectation files: {@code pass}, …, {@code not_exercised}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
