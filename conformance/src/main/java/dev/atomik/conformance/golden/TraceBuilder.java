package dev.atomik.conformance.golden;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small DSL for trace definitions. Operands are written in one canonical order (op, kind, width,
 * size, addresses, queue, addr, from, value, delta, seq, bytes) so generated files are stable. A
 * context has no address: on a context the {@code addr} arguments are ignored (spec/trace-format.md,
 * "addr (not for context)").
 */
public final class TraceBuilder {
    private final String id;
    private final String description;
    private final List<String> clauses;
    private final String family;
    private final long seed;
    private final List<StepDef> steps = new ArrayList<>();
    private String kind;

    private TraceBuilder(String family, long seed, String id, String description, String... clauses) {
        this.family = family;
        this.seed = seed;
        this.id = id;
        this.description = description;
        this.clauses = Arrays.asList(clauses);
    }

    /** A trace of a fixed (seedless) family. */
    public static TraceBuilder trace(String family, String id, String description, String... clauses) {
        return new TraceBuilder(family, 0, id, description, clauses);
    }

    /** A trace of a randomised family; the seed goes into the header. */
    public static TraceBuilder seeded(String family, long seed, String id, String description, String... clauses) {
        return new TraceBuilder(family, seed, id, description, clauses);
    }

    public TraceDef build() {
        if (steps.isEmpty()) {
            throw new IllegalStateException(id + ": a trace needs at least one step");
        }
        return new TraceDef(id, description, clauses, family, seed, steps);
    }

    // ---- creation ----

    public TraceBuilder context(int width) {
        return init("context", width, null, null, null);
    }

    public TraceBuilder table(int width, int size) {
        return init("table", width, size, null, null);
    }

    public TraceBuilder stream(int width) {
        return init("stream", width, null, null, null);
    }

    /** A stream with declared bounds (STR-CAP-1). */
    public TraceBuilder stream(int width, int addresses, int queue) {
        return init("stream", width, null, addresses, queue);
    }

    private TraceBuilder init(String newKind, int width, Integer size, Integer addresses, Integer queue) {
        if (kind != null && !kind.equals(newKind)) {
            throw new IllegalStateException(id + ": one kind per trace");
        }
        kind = newKind;
        ObjectNode r = request("init");
        r.put("kind", newKind);
        r.put("width", width);
        if (size != null) {
            r.put("size", size);
        }
        if (addresses != null) {
            r.put("addresses", addresses);
        }
        if (queue != null) {
            r.put("queue", queue);
        }
        return add(r, null);
    }

    // ---- state operations ----

    public TraceBuilder load(long addr, long value) {
        ObjectNode r = addressed("load", addr);
        r.put("value", Hex.of(value));
        return add(r, null);
    }

    public TraceBuilder accum(long addr, long delta) {
        ObjectNode r = addressed("accum", addr);
        r.put("delta", Hex.of(delta));
        return add(r, null);
    }

    public TraceBuilder rollback(long addr, long delta) {
        ObjectNode r = addressed("rollback", addr);
        r.put("delta", Hex.of(delta));
        return add(r, null);
    }

    public TraceBuilder read(long addr) {
        return add(addressed("read", addr), null);
    }

    public TraceBuilder swap(long addr) {
        return add(addressed("swap", addr), null);
    }

    public TraceBuilder swap(long addr, long value) {
        ObjectNode r = addressed("swap", addr);
        r.put("value", Hex.of(value));
        return add(r, null);
    }

    public TraceBuilder merge(long destination, long source) {
        ObjectNode r = request("merge");
        r.put("addr", Hex.of(destination));
        r.put("from", Hex.of(source));
        return add(r, null);
    }

    public TraceBuilder count(long addr) {
        return add(addressed("count", addr), null);
    }

    public TraceBuilder epoch() {
        return add(request("epoch"), null);
    }

    public TraceBuilder pending() {
        return add(request("pending"), null);
    }

    public TraceBuilder drain() {
        return add(request("drain"), null);
    }

    public TraceBuilder apply(long addr, long delta, long seq) {
        return add(message("apply", addr, delta, seq), null);
    }

    public TraceBuilder encode(long addr, long delta, long seq) {
        return add(message("encode", addr, delta, seq), null);
    }

    public TraceBuilder decode(String bytes) {
        ObjectNode r = request("decode");
        r.put("bytes", bytes);
        return add(r, null);
    }

    /** Observes the state and count of the given cells (none for a context: its one cell). */
    public TraceBuilder check(long... cells) {
        return check(false, false, cells);
    }

    /** Observes cells and, on a stream, the epoch and the queue length. */
    public TraceBuilder checkStream(long... cells) {
        return check(true, true, cells);
    }

    private TraceBuilder check(boolean epoch, boolean pending, long... cells) {
        List<Long> list = new ArrayList<>();
        if ("context".equals(kind)) {
            list.add(0L);
        } else {
            for (long c : cells) {
                list.add(c);
            }
        }
        return add(request("check"), new StepDef.CheckSpec(list, !"context".equals(kind), epoch, pending));
    }

    // ---- annotations of the last step ----

    /** The last step is meant to fail; the generator takes the code from the model. */
    public TraceBuilder fails() {
        return replaceLast(last().request(), StepDef.Intent.FAIL, last().cover(), last().note());
    }

    public TraceBuilder cover(String... points) {
        List<String> cover = new ArrayList<>(last().cover());
        cover.addAll(Arrays.asList(points));
        return replaceLast(last().request(), last().intent(), cover, last().note());
    }

    public TraceBuilder note(String note) {
        return replaceLast(last().request(), last().intent(), last().cover(), note);
    }

    // ---- plumbing ----

    private StepDef last() {
        if (steps.isEmpty()) {
            throw new IllegalStateException(id + ": no step to annotate");
        }
        return steps.get(steps.size() - 1);
    }

    private TraceBuilder replaceLast(ObjectNode request, StepDef.Intent intent, List<String> cover, String note) {
        StepDef old = steps.remove(steps.size() - 1);
        steps.add(new StepDef(request, intent, old.check(), cover, note));
        return this;
    }

    private TraceBuilder add(ObjectNode request, StepDef.CheckSpec check) {
        steps.add(new StepDef(request, StepDef.Intent.SUCCEED, check, List.of(), null));
        return this;
    }

    private static ObjectNode request(String op) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("op", op);
        return r;
    }

    private ObjectNode addressed(String op, long addr) {
        ObjectNode r = request(op);
        if (!"context".equals(kind)) {
            r.put("addr", Hex.of(addr));
        }
        return r;
    }

    private static ObjectNode message(String op, long addr, long delta, long seq) {
        ObjectNode r = request(op);
        r.put("addr", Hex.of(addr));
        r.put("delta", Hex.of(delta));
        r.put("seq", Hex.of(seq));
        return r;
    }
}
