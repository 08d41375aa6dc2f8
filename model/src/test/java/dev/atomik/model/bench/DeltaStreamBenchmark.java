package dev.atomik.model.bench;

import dev.atomik.model.DeltaMessage;
import dev.atomik.model.DeltaStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A 64-bit {@link DeltaStream} (default capacities) with 16 touched addresses spread over the u32
 * range, each call on the next one in turn. Addresses are found by a linear search of the slots, so
 * these numbers hold for 16 addresses and grow with the number touched.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"}) // see package-info
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DeltaStreamBenchmark {
    static final int ADDRESSES = 16;
    /** Far from SEQ_EXHAUSTED (2^32 − 1) so a long run never reaches it; see {@link #accum()}. */
    static final long SEQ_LIMIT = 0xF0000000L;

    private final long[] addresses = new long[ADDRESSES];
    private DeltaStream stream;
    private long value;
    private int next;

    @Setup
    public void setUp() {
        stream = new DeltaStream(64);
        for (int i = 0; i < ADDRESSES; i++) {
            addresses[i] = i * 0x10000001L;
            stream.load(addresses[i], 0xCAFEBABEL + i);
        }
    }

    private long nextAddress() {
        next = (next + 1) & (ADDRESSES - 1);
        return addresses[next];
    }

    /**
     * ACCUM queues a message; the queue (4096) would fill, so it is drained when full. The figure is
     * therefore ACCUM plus 1/4096 of a DRAIN (one message object per queued entry).
     */
    @Benchmark
    public DeltaMessage accum() {
        if (stream.pending() == stream.queueCapacity()) {
            stream.drain();
            if (stream.lastSeq() > SEQ_LIMIT) {
                setUp();
            }
        }
        value += ContextBenchmark.STEP;
        return stream.accum(nextAddress(), value);
    }

    @Benchmark
    public long read() {
        return stream.read(nextAddress());
    }

    @Benchmark
    public DeltaStream load() {
        value += ContextBenchmark.STEP;
        stream.load(nextAddress(), value);
        return stream;
    }

    @Benchmark
    public long swap() {
        return stream.swap(nextAddress());
    }

    @Benchmark
    public long swapValue() {
        value += ContextBenchmark.STEP;
        return stream.swap(nextAddress(), value);
    }
}
