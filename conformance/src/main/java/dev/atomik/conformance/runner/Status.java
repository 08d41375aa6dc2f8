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
    ERROR;

    /** Lower-case name used in every report. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
