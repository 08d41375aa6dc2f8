package dev.atomik.model.bench;

import dev.atomik.model.DeltaMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Encoding and decoding one 16-byte DeltaMessage (WIRE-FIELDS-1), including the allocation of the result. */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"}) // see package-info
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DeltaMessageBenchmark {
    private DeltaMessage message;
    private byte[] frame;

    @Setup
    public void setUp() {
        message = new DeltaMessage(0xDEADBEEFL, 0x14531455CAFEBABEL, 0x12345678L);
        frame = message.encode();
    }

    @Benchmark
    public byte[] encode() {
        return message.encode();
    }

    @Benchmark
    public DeltaMessage decode() {
        return DeltaMessage.decode(frame);
    }
}
