package dev.atomik.conformance.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a valid context trace of any length for measuring the runner and the validator on traces
 * far bigger than the golden ones: {@code init}, {@code load}, then {@code accum} of a random delta
 * and {@code read} of the state it gives, alternately. The expected states are computed here
 * (CTX-LOAD-1, CTX-ACCUM-1, CTX-READ-1: the state is the loaded value XOR every delta since), so a
 * correct implementation passes it.
 */
public final class LongTrace {
    /** The trace's area; its file is {@code context/long-N.ndjson} under the folder given. */
    public static final String AREA = "context";

    private LongTrace() {
    }

    /** The id of the trace {@link #write} writes for {@code steps} steps. */
    public static String id(int steps) {
        return AREA + "/long-" + steps;
    }

    /**
     * Writes the trace under {@code tracesDir} and returns its file.
     *
     * @param steps at least 4: init, load, one accum and one read
     */
    public static Path write(Path tracesDir, int steps, long seed) throws IOException {
        if (steps < 4) {
            throw new IllegalArgumentException("a long trace has at least 4 steps (init, load, accum, read)");
        }
        Path file = tracesDir.resolve(id(steps) + ".ndjson");
        Files.createDirectories(file.getParent());
        SplittableRandom random = new SplittableRandom(seed);
        long state = random.nextLong();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"atomik_trace\":1,\"spec\":\"1.0\",\"id\":\"" + id(steps) + "\",\"description\":\""
                    + steps + " steps: LOAD, then ACCUM and READ alternately; every READ returns the loaded value"
                    + " XOR every delta since.\",\"clauses\":[\"CTX-ACCUM-1\",\"CTX-LOAD-1\",\"CTX-READ-1\"],"
                    + "\"requires\":{\"kind\":\"context\",\"widths\":[64],\"contexts\":1,"
                    + "\"ops\":[\"accum\",\"init\",\"load\",\"read\"],\"nodes\":1},"
                    + "\"origin\":{\"kind\":\"generated\",\"generator\":\"bench/long-trace\",\"seed\":\"0x"
                    + Long.toHexString(seed) + "\"}}\n");
            out.write("{\"op\":\"init\",\"kind\":\"context\",\"width\":64}\n");
            out.write("{\"op\":\"load\",\"value\":\"0x" + Long.toHexString(state) + "\"}\n");
            for (int step = 3; step <= steps; step++) {
                if (step % 2 == 1) {
                    long delta = random.nextLong();
                    state ^= delta;
                    out.write("{\"op\":\"accum\",\"delta\":\"0x" + Long.toHexString(delta) + "\"}\n");
                } else {
                    out.write("{\"op\":\"read\",\"expect\":\"0x" + Long.toHexString(state) + "\"}\n");
                }
            }
        }
        return file;
    }
}
