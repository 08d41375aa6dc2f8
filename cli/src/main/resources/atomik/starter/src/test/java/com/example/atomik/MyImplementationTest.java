package com.example.atomik;

import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.tck.AtomikFailure;
import dev.atomik.conformance.tck.AtomikTck;
import dev.atomik.conformance.tck.ErrorCode;
import dev.atomik.conformance.tck.Implementation;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The kit's golden traces against {@link AtomikTable}, through the TCK's typed interface: one JUnit
 * test per trace. Keep the class name Surefire runs (*Test); the traces come from the TCK's jar.
 */
class MyImplementationTest extends AtomikTck {
    static final long CONTEXTS = 65536;

    @Override
    protected Implementation createImplementation() {
        return new Implementation() {
            @Override
            public Capabilities capabilities() {
                return Capabilities.builder().widths(1, 64).contexts(CONTEXTS)
                        .kind("context", Set.of("init", "load", "accum", "rollback", "read", "swap", "count"))
                        .kind("table", Set.of("init", "load", "accum", "rollback", "read", "swap", "merge", "count"))
                        .build();
            }

            @Override
            public Context context(int width) {
                AtomikTable t = create(width, 1);
                return new Context() {
                    public void load(long v) { run(() -> t.load(0, v)); }
                    public void accum(long d) { run(() -> t.accum(0, d)); }
                    public void rollback(long d) { run(() -> t.rollback(0, d)); }
                    public long read() { return value(() -> t.read(0)); }
                    public long swap() { return value(() -> t.swap(0)); }
                    public long swap(long v) { return value(() -> t.swap(0, v)); }
                    public long count() { return value(() -> t.count(0)); }
                };
            }

            @Override
            public Table table(int width, long size) {
                AtomikTable t = create(width, size);
                return new Table() {
                    public void load(long a, long v) { run(() -> t.load(a, v)); }
                    public void accum(long a, long d) { run(() -> t.accum(a, d)); }
                    public void rollback(long a, long d) { run(() -> t.rollback(a, d)); }
                    public long read(long a) { return value(() -> t.read(a)); }
                    public long swap(long a) { return value(() -> t.swap(a)); }
                    public long swap(long a, long v) { return value(() -> t.swap(a, v)); }
                    public void merge(long a, long from) { run(() -> t.merge(a, from)); }
                    public long count(long a) { return value(() -> t.count(a)); }
                };
            }
        };
    }

    private static AtomikTable create(int width, long size) {
        try {
            return new AtomikTable(width, size);
        } catch (AtomikException e) {
            throw failure(e);
        }
    }

    /** The implementation's error as the TCK compares it: by code (the kit's spec/errors.md). */
    private static AtomikFailure failure(AtomikException e) {
        return new AtomikFailure(ErrorCode.valueOf(e.code()));
    }

    private static long value(LongSupplier op) {
        try {
            return op.getAsLong();
        } catch (AtomikException e) {
            throw failure(e);
        }
    }

    private static void run(Runnable op) {
        try {
            op.run();
        } catch (AtomikException e) {
            throw failure(e);
        }
    }
}
