package dev.atomik.model.bench;

import dev.atomik.model.Context;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One 64-bit {@link Context}: the cost of each operation on its own (CTX-ACCUM-1, CTX-READ-1, CTX-LOAD-1, CTX-SWAP-1/2). */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"}) // see package-info
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContextBenchmark {
    /** Golden-ratio increment: every call sees a different value, so nothing can be constant-folded. */
    static final long STEP = 0x9E3779B97F4A7C15L;

    private Context context;
    private long value;

    @Setup
    public void setUp() {
        context = new Context(64);
        context.load(0xCAFEBABEL);
    }

    @Benchmark
    public Context accum() {
        value += STEP;
        context.accum(value);
        return context;
    }

    @Benchmark
    public long read() {
        return context.read();
    }

    @Benchmark
    public Context load() {
        value += STEP;
        context.load(value);
        return context;
    }

    @Benchmark
    public long swap() {
        return context.swap();
    }

    @Benchmark
    public long swapValue() {
        value += STEP;
        return context.swap(value);
    }
}
