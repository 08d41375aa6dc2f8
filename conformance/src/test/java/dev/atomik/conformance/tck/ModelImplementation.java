package dev.atomik.conformance.tck;

import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapters.model.ModelAdapter;
import dev.atomik.model.AtomikError;
import dev.atomik.model.CacheNode;
import dev.atomik.model.DeltaMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The reference model behind the typed {@link Implementation} interface, every kind and op: run
 * through {@link ImplementationAdapter} it must pass exactly what {@link ModelAdapter} passes, which
 * tests the bridge's mapping of every request, reply and error.
 */
final class ModelImplementation implements Implementation {

    @Override
    public Capabilities capabilities() {
        return ModelAdapter.capabilities();
    }

    @Override
    public Context context(int width) {
        dev.atomik.model.Context c = call(() -> new dev.atomik.model.Context(width));
        return new Context() {
            public void load(long v) { run(() -> c.load(v)); }
            public void accum(long d) { run(() -> c.accum(d)); }
            public void rollback(long d) { run(() -> c.rollback(d)); }
            public long read() { return c.read(); }
            public long swap() { return c.swap(); }
            public long swap(long v) { return c.swap(v); }
            public long count() { return c.deltaCount(); }
        };
    }

    @Override
    public Table table(int width, long size) {
        dev.atomik.model.Table t = call(() -> new dev.atomik.model.Table(width, (int) Math.min(size, Integer.MAX_VALUE)));
        return new Table() {
            public void load(long a, long v) { run(() -> t.load(a, v)); }
            public void accum(long a, long d) { run(() -> t.accum(a, d)); }
            public void rollback(long a, long d) { run(() -> t.rollback(a, d)); }
            public long read(long a) { return value(() -> t.read(a)); }
            public long swap(long a) { return value(() -> t.swap(a)); }
            public long swap(long a, long v) { return value(() -> t.swap(a, v)); }
            public void merge(long a, long from) { run(() -> t.merge(a, from)); }
            public long count(long a) { return value(() -> t.deltaCount(a)); }
        };
    }

    @Override
    public DeltaStream stream(int width, OptionalLong addresses, OptionalLong queue) {
        dev.atomik.model.DeltaStream s = call(() -> new dev.atomik.model.DeltaStream(width,
                (int) addresses.orElse(dev.atomik.model.DeltaStream.DEFAULT_ADDRESSES),
                (int) queue.orElse(dev.atomik.model.DeltaStream.DEFAULT_QUEUE)));
        return new DeltaStream() {
            public void load(long a, long v) { run(() -> s.load(a, v)); }
            public Message accum(long a, long d) { return message(call(() -> s.accum(a, d))); }
            public Message rollback(long a, long d) { return message(call(() -> s.rollback(a, d))); }
            public long read(long a) { return value(() -> s.read(a)); }
            public long swap(long a) { return value(() -> s.swap(a)); }
            public long swap(long a, long v) { return value(() -> s.swap(a, v)); }
            public long count(long a) { return value(() -> s.deltaCount(a)); }
            public long epoch() { return s.epoch(); }
            public long pending() { return s.pending(); }
            public List<Message> drain() { return java.util.Arrays.stream(call(s::drain)).map(ModelImplementation::message).toList(); }
            public void apply(Message m) { run(() -> s.apply(model(m))); }
        };
    }

    @Override
    public Cache cache(int width, List<String> names) {
        Map<String, CacheNode> nodes = new LinkedHashMap<>();
        for (String name : names) {
            nodes.put(name, call(() -> new CacheNode(nodes.size(), width)));
        }
        return new Cache() {
            public void load(String n, long a, long v) { run(() -> nodes.get(n).load(a, v)); }
            public long swap(String n, long a, long v) { return value(() -> nodes.get(n).swap(a, v)); }
            public Message put(String n, long a, long v) { return message(call(() -> nodes.get(n).put(a, v))); }
            public long get(String n, long a) { return value(() -> nodes.get(n).get(a)); }
            public void receive(String n, String from, byte[] b) { run(() -> nodes.get(n).receive(DeltaMessage.decode(b))); }
        };
    }

    @Override
    public byte[] encode(Message m) {
        return call(() -> model(m).encode());
    }

    @Override
    public Message decode(byte[] bytes) {
        return message(call(() -> DeltaMessage.decode(bytes)));
    }

    private static DeltaMessage model(Message m) {
        return new DeltaMessage(m.addr(), m.delta(), m.seq());
    }

    private static Message message(DeltaMessage m) {
        return new Message(m.addr, m.delta, m.seq);
    }

    /** The model's error, as the typed interface reports it. */
    private static <T> T call(Supplier<T> op) {
        try {
            return op.get();
        } catch (AtomikError e) {
            throw new AtomikFailure(ErrorCode.valueOf(dev.atomik.model.ErrorCode.name(e.code)));
        }
    }

    private static long value(LongSupplier op) {
        return call(op::getAsLong);
    }

    private static void run(Runnable op) {
        call(() -> {
            op.run();
            return null;
        });
    }
}
