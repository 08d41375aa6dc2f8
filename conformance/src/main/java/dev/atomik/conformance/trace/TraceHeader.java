package dev.atomik.conformance.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Line 1 of a trace (spec/trace-format.md, TRACE-HEADER-1). */
public record TraceHeader(int formatVersion, String spec, String id, String description, List<String> clauses,
                          Requirements requires, JsonNode origin) {

    public TraceHeader {
        clauses = List.copyOf(clauses);
    }
}
