package dev.atomik.lean.twins;

import dev.atomik.model.AtomikError;
import dev.atomik.model.Context;
import dev.atomik.model.DeltaMessage;
import dev.atomik.model.DeltaStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Small helpers shared by the twins: replaying deltas, shuffling, catching error codes. */
final class Gen {
    private Gen() {
    }

    static Context loaded(int width, long r) {
        Context c = new Context(width);
        c.load(r);
        return c;
    }

    static long readAfter(int width, long r, List<Long> deltas) {
        Context c = loaded(width, r);
        deltas.forEach(c::accum);
        return c.read();
    }

    static <T> List<T> shuffled(List<T> xs, long seed) {
        List<T> copy = new ArrayList<>(xs);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    static long xorAll(List<Long> ds, long mask) {
        long x = 0L;
        for (long d : ds) {
            x ^= d & mask;
        }
        return x;
    }

    /** A replica: a stream that LOADs r at addr, then APPLYs the messages in the given order. */
    static DeltaStream replica(int width, long addr, long r, List<DeltaMessage> messages) {
        DeltaStream s = new DeltaStream(width);
        s.load(addr, r);
        messages.forEach(s::apply);
        return s;
    }

    static int errorCode(Runnable op) {
        try {
            op.run();
        } catch (AtomikError e) {
            return e.code;
        }
        return 0;
    }
}
