package dev.atomik.conformance.adapters.rtl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds adapter-protocol requests for the RTL adapter tests. */
final class Requests {
    private Requests() {
    }

    static ObjectNode op(String op) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("op", op);
        return request;
    }

    static ObjectNode reset() {
        return op("reset");
    }

    static ObjectNode table(int width, long size) {
        return op("init").put("kind", "table").put("width", width).put("size", size);
    }

    static ObjectNode context(int width) {
        return op("init").put("kind", "context").put("width", width);
    }

    static ObjectNode load(long addr, long value) {
        return op("load").put("addr", hex(addr)).put("value", hex(value));
    }

    static ObjectNode accum(long addr, long delta) {
        return op("accum").put("addr", hex(addr)).put("delta", hex(delta));
    }

    static ObjectNode rollback(long addr, long delta) {
        return op("rollback").put("addr", hex(addr)).put("delta", hex(delta));
    }

    static ObjectNode read(long addr) {
        return op("read").put("addr", hex(addr));
    }

    static ObjectNode swap(long addr) {
        return op("swap").put("addr", hex(addr));
    }

    static ObjectNode swap(long addr, long value) {
        return swap(addr).put("value", hex(value));
    }

    static ObjectNode count(long addr) {
        return op("count").put("addr", hex(addr));
    }

    static ObjectNode merge(long addr, long from) {
        return op("merge").put("addr", hex(addr)).put("from", hex(from));
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    static ObjectNode ok() {
        return JsonNodeFactory.instance.objectNode().put("ok", true);
    }

    static ObjectNode value(long value) {
        return JsonNodeFactory.instance.objectNode().put("value", hex(value));
    }

    static ObjectNode error(String code) {
        return JsonNodeFactory.instance.objectNode().put("error", code);
    }

    /** The ok of reset and init: the driver's reset pulse, not the core (DESIGN-12). */
    static ObjectNode harnessOk() {
        return ok().put("harness", true);
    }

    /** An error the harness decided; an RTL core has no error port, so every RTL error is one. */
    static ObjectNode harnessError(String code) {
        return error(code).put("harness", true);
    }
}
