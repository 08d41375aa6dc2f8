package dev.atomik.model.bench;

import dev.atomik.model.Table;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A 64-bit {@link Table} of 16 contexts, each call on the next address in turn (TBL-OPS-1, TBL-ADDR-1 check included). */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"}) // see package-info
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TableBenchmark {
    static final int ADDRESSES = 16;

    private Table table;
    private long value;
    private int next;

    @Setup
    public void setUp() {
        table = new Table(64, ADDRESSES);
        for (int a = 0; a < ADDRESSES; a++) {
            table.load(a, 0xCAFEBABEL + a);
        }
    }

    private long nextAddress() {
        next = (next + 1) & (ADDRESSES - 1);
        return next;
    }

    @Benchmark
    public Table accum() {
        value += ContextBenchmark.STEP;
        table.accum(nextAddress(), value);
        return table;
    }

    @Benchmark
    public long read() {
        return table.read(nextAddress());
    }

    @Benchmark
    public Table load() {
        value += ContextBenchmark.STEP;
        table.load(nextAddress(), value);
        return table;
    }

    @Benchmark
    public long swap() {
        return table.swap(nextAddress());
    }

    @Benchmark
    public long swapValue() {
        value += ContextBenchmark.STEP;
        return table.swap(nextAddress(), value);
    }
}
