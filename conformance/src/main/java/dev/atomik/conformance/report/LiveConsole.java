package dev.atomik.conformance.report;

import dev.atomik.conformance.runner.RunListener;
import dev.atomik.conformance.runner.RunStop;
import dev.atomik.conformance.runner.Status;
import dev.atomik.conformance.runner.TraceResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Lines printed while a run goes on, each flushed at once so a CI log shows them as they happen (a
 * pipe or file buffers otherwise): a FAIL or ERROR line as each trace ends, the first time a fault is
 * seen; for a fault seen again, a count line when the count reaches 2, 4, 8, …; when nothing was printed
 * for a heartbeat, a line saying what the run is waiting on or how far it got; and a STOP line when the
 * run ends early. The report after the run repeats the faults, collapsed (conformance/INTERPRETING.md,
 * "Console output and early stops").
 */
public final class LiveConsole implements RunListener {
    private final PrintStream out;
    private final Duration heartbeat;
    private final LongSupplier clock;
    private final Map<String, Seen> seen = new HashMap<>();
    private long lastLine;
    private int total;
    private int ended;

    private static final class Seen {
        final String firstId;
        int count = 1;

        Seen(String firstId) {
            this.firstId = firstId;
        }
    }

    public LiveConsole(PrintStream out, Duration heartbeat) {
        this(out, heartbeat, System::nanoTime);
    }

    LiveConsole(PrintStream out, Duration heartbeat, LongSupplier clock) {
        this.out = out;
        this.heartbeat = heartbeat;
        this.clock = clock;
        this.lastLine = clock.getAsLong();
    }

    @Override
    public void started(int traces) {
        total = traces;
        lastLine = clock.getAsLong();
    }

    @Override
    public void waiting(Waiting waiting) {
        if (!silentFor(heartbeat)) {
            return;
        }
        String what = waiting.step() == 0
                ? "the adapter's hello" + (waiting.traceId() == null ? "" : " (for " + waiting.traceId() + ")")
                : waiting.step() < 0 ? waiting.traceId() : waiting.traceId() + " step " + waiting.step();
        print("... still waiting on " + what + ", " + seconds(waiting.waited()));
    }

    @Override
    public void finished(TraceResult r) {
        ended++;
        if (r.status() == Status.FAIL || r.status() == Status.ERROR) {
            String key = FaultGroups.key(r);
            Seen s = seen.get(key);
            if (s == null) {
                seen.put(key, new Seen(r.id()));
                print(ConsoleReport.line(r));
                ConsoleReport.later(r).forEach(this::print);
                return;
            }
            s.count++;
            if (Integer.bitCount(s.count) == 1 || silentFor(heartbeat)) {
                print("      same fault as " + s.firstId + " in " + s.count + " traces so far (latest " + r.id() + ")");
            }
            return;
        }
        if (silentFor(heartbeat)) {
            print("... " + ended + " of " + total + " traces done (latest " + r.id() + ")");
        }
    }

    @Override
    public void stopped(RunStop stop) {
        ConsoleReport.stopLines(stop).forEach(this::print);
    }

    private boolean silentFor(Duration d) {
        return clock.getAsLong() - lastLine >= d.toNanos();
    }

    private void print(String line) {
        out.println(line);
        out.flush();
        lastLine = clock.getAsLong();
    }

    private static String seconds(Duration d) {
        return d.toSeconds() >= 10 ? d.toSeconds() + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
