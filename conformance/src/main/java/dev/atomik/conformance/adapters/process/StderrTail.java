package dev.atomik.conformance.adapters.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Drains an implementation's standard error on its own thread, so that a chatty implementation can
 * never block on a full pipe, and keeps the last lines for fault reports (the protocol leaves stderr
 * free for logs).
 */
final class StderrTail {
    static final int KEPT_LINES = 20;
    /** Longer lines are cut: a runaway log must not eat the runner's memory. */
    private static final int MAX_LINE_CHARS = 400;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final Thread thread;

    StderrTail(InputStream stderr, String threadName) {
        thread = new Thread(() -> drain(stderr), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        keep(pending);
                    } else if (pending.size() < MAX_LINE_CHARS * 4) {
                        pending.write(b);
                    }
                }
            }
        } catch (IOException closed) {
            // The process is gone; what we kept is what there is.
        }
        if (pending.size() > 0) {
            keep(pending);
        }
    }

    private void keep(ByteArrayOutputStream pending) {
        String line = pending.toString(StandardCharsets.UTF_8).stripTrailing();
        pending.reset();
        if (line.length() > MAX_LINE_CHARS) {
            line = line.substring(0, MAX_LINE_CHARS) + "…";
        }
        synchronized (lines) {
            lines.addLast(line);
            if (lines.size() > KEPT_LINES) {
                lines.removeFirst();
            }
        }
    }

    /** Waits briefly for the drain to reach end of file (the process has exited), so the tail is complete. */
    void awaitEnd(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines written to stderr, oldest first. */
    List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** The tail formatted for a fault message, or an empty string when stderr was silent. */
    String forReport() {
        List<String> tail = lines();
        if (tail.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("; last stderr lines:");
        for (String line : tail) {
            out.append("\n    | ").append(line);
        }
        return out.toString();
    }
}
