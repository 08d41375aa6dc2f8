package dev.atomik.conformance.adapters.rtl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A running simulation: harness lines (those starting with {@code @}) arrive on a queue filled by a
 * reader thread, so the adapter can write a whole batch of commands without ever blocking on a full
 * output pipe. Anything else the simulation prints (a core's own {@code $display}, simulator
 * warnings, standard error) is kept as a short log tail for fault reports.
 */
final class SimulationProcess implements AutoCloseable {
    /** Marks end of output on the queue (the process closed its standard output). */
    private static final String EOF = "\u0000EOF";
    private static final int LOG_LINES = 15;

    private final Process process;
    private final Writer stdin;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final ArrayDeque<String> log = new ArrayDeque<>();

    SimulationProcess(List<String> command, Path workDir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.redirectErrorStream(true);
        process = builder.start();
        OutputStream out = process.getOutputStream();
        stdin = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
        Thread reader = new Thread(this::pump, "atomik-rtl-sim-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("@")) {
                    lines.add(line.substring(1));
                } else {
                    keepLog(line);
                }
            }
        } catch (IOException e) {
            keepLog("(reading simulation output failed: " + e.getMessage() + ")");
        } finally {
            lines.add(EOF);
        }
    }

    private synchronized void keepLog(String line) {
        if (log.size() == LOG_LINES) {
            log.removeFirst();
        }
        log.addLast(line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }

    /** Writes command lines and flushes; false when the process no longer reads its input. */
    boolean send(List<String> commands) {
        try {
            for (String command : commands) {
                stdin.write(command);
                stdin.write('\n');
            }
            stdin.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The next harness line, or empty when none arrived within {@code timeout}; {@code null} when
     * the simulation ended.
     */
    Optional<String> next(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            return Optional.empty();
        }
        return Optional.of(line);
    }

    static boolean isEnd(String line) {
        return EOF.equals(line);
    }

    /** Exit status after the output ended (waits briefly for the process to finish). */
    String exitDescription() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return "exit " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "output closed, process still running";
    }

    synchronized String logTail() {
        return log.isEmpty() ? "" : "; simulation log: " + String.join(" | ", log);
    }

    @Override
    public void close() {
        send(List.of("Q"));
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the process is going away anyway
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the process at once (after a timeout the simulation's state is unknown). */
    void kill() {
        process.destroyForcibly();
    }
}
