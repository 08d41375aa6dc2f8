package dev.atomik.conformance.tck;

import dev.atomik.conformance.adapter.Capabilities;
import java.util.Set;

/**
 * The shortest honest implementation (the README's claim: a context-only one fits in under 40
 * lines): one context, widths 1 … 64, declared as such. Its context traces must pass and every other
 * trace is skipped, not failed.
 */
class ContextOnlyTckTest extends AtomikTck {

    static final class OneContext implements Implementation {
        public Capabilities capabilities() {
            return Capabilities.builder().widths(1, 64)
                    .kind("context", Set.of("init", "load", "accum", "rollback", "read", "swap", "count")).build();
        }

        public Context context(int width) {
            if (width < 1 || width > 64) {
                throw new AtomikFailure(ErrorCode.BAD_WIDTH);
            }
            long mask = width == 64 ? -1L : (1L << width) - 1;
            return new Context() {
                long reference, accumulator, count;
                public void load(long v) { reference = v & mask; accumulator = 0; count = 0; }
                public void accum(long d) { accumulator ^= d & mask; count++; }
                public void rollback(long d) { accum(d); }
                public long read() { return reference ^ accumulator; }
                public long swap() { return swap(read()); }
                public long swap(long v) { long s = read(); load(v); return s; }
                public long count() { return count; }
            };
        }
    }

    @Override
    protected Implementation createImplementation() {
        return new OneContext();
    }
}
