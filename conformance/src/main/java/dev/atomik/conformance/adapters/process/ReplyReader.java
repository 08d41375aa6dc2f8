package dev.atomik.conformance.adapters.process;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads an implementation's standard output on its own thread, cuts it into lines and parses each
 * line as one JSON object. Reading on a thread is what makes the per-step timeout possible (a
 * blocking read cannot time out) and lets parsing overlap with the caller's checks. Lines are handed
 * over in chunks (all the lines of one read) so a fast peer costs one queue operation per chunk,
 * not per line.
 */
final class ReplyReader {
    /** A line longer than this without a newline is a framing fault, not a reason to run out of memory. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /** One line of output: either a JSON object or the reason it is not one (a FRAMING fault). */
    record Line(ObjectNode json, String problem) {
    }

    /** Marks the end of standard output: the process closed it, usually by exiting. */
    static final Line END = new Line(null, "end of output");

    private final LinkedBlockingQueue<List<Line>> chunks = new LinkedBlockingQueue<>();
    private List<Line> current = List.of();
    private int position;
    private boolean ended;

    ReplyReader(InputStream stdout, String threadName) {
        Thread thread = new Thread(() -> pump(stdout), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The next line, waiting until {@code deadlineNanos} (a {@link System#nanoTime()} value); null
     * when the deadline passes first. After {@link #END} every call returns {@link #END}.
     */
    Line next(long deadlineNanos) throws InterruptedException {
        while (position >= current.size()) {
            if (ended) {
                return END;
            }
            List<Line> chunk = chunks.poll();
            if (chunk == null) {
                long wait = deadlineNanos - System.nanoTime();
                if (wait <= 0) {
                    return null;
                }
                chunk = chunks.poll(wait, TimeUnit.NANOSECONDS);
                if (chunk == null) {
                    return null;
                }
            }
            current = chunk;
            position = 0;
        }
        Line line = current.get(position++);
        if (line == END) {
            ended = true;
        }
        return line;
    }

    private void pump(InputStream in) {
        byte[] buffer = new byte[1 << 16];
        byte[] partial = new byte[256];
        int partialLength = 0;
        boolean skippingLongLine = false;
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                List<Line> lines = new ArrayList<>();
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    if (skippingLongLine) {
                        skippingLongLine = false;
                    } else if (partialLength == 0) {
                        lines.add(parse(buffer, start, i - start));
                    } else {
                        partial = append(partial, partialLength, buffer, start, i - start);
                        partialLength += i - start;
                        lines.add(parse(partial, 0, partialLength));
                    }
                    partialLength = 0;
                    start = i + 1;
                }
                if (start < n && !skippingLongLine) {
                    if (partialLength + (n - start) > MAX_LINE_BYTES) {
                        lines.add(new Line(null, "a line longer than " + MAX_LINE_BYTES + " bytes without a newline"));
                        skippingLongLine = true;
                        partialLength = 0;
                    } else {
                        partial = append(partial, partialLength, buffer, start, n - start);
                        partialLength += n - start;
                    }
                }
                if (!lines.isEmpty()) {
                    chunks.add(lines);
                }
            }
        } catch (IOException closed) {
            // Treated as end of output: the process is gone or was stopped.
        }
        if (partialLength > 0) {
            chunks.add(List.of(new Line(null, "output ended inside a line (no final newline): "
                    + excerpt(partial, 0, partialLength)), END));
        } else {
            chunks.add(List.of(END));
        }
    }

    private static byte[] append(byte[] into, int length, byte[] from, int offset, int count) {
        byte[] target = into.length >= length + count ? into : Arrays.copyOf(into, Math.max(into.length * 2, length + count));
        System.arraycopy(from, offset, target, length, count);
        return target;
    }

    /** Parses one line (without its newline; a trailing carriage return is tolerated as JSON blank). */
    static Line parse(byte[] bytes, int offset, int length) {
        if (length == 0 || (length == 1 && bytes[offset] == '\r')) {
            return new Line(null, "an empty line where a JSON object was expected");
        }
        try {
            ObjectNode object = LineJson.readObject(bytes, offset, length);
            if (object != null) {
                return new Line(object, null);
            }
            return new Line(null, "expected one JSON object per line, got " + LineJson.kindOf(bytes, offset, length)
                    + ": " + excerpt(bytes, offset, length));
        } catch (IOException notJson) {
            return new Line(null, "not a JSON object: " + excerpt(bytes, offset, length));
        }
    }

    /** The start of a bad line, quoted, for a fault message. */
    static String excerpt(byte[] bytes, int offset, int length) {
        int shown = Math.min(length, 120);
        String text = new String(bytes, offset, shown, StandardCharsets.UTF_8).replace("\r", "\\r");
        return "\"" + text + (shown < length ? "…" : "") + "\"";
    }
}
