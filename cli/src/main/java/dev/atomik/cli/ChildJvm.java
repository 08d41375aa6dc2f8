package dev.atomik.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs an {@code atomik} command in a fresh JVM with a given heap limit, on this JVM's class path,
 * and measures it: the only way to hold a command to a heap limit, since a JVM cannot lower its own.
 */
final class ChildJvm {

    /**
     * What the child did.
     *
     * @param peakResidentKb the child's peak resident set, sampled from /proc (0 where there is none)
     */
    record Outcome(int exitCode, String stdout, String stderr, double seconds, long peakResidentKb) {
    }

    private ChildJvm() {
    }

    /** {@code java -Xmx<heap> -cp <this class path> dev.atomik.cli.AtomikCommand args...}. */
    static Outcome atomik(String heap, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AtomikCommand.class.getName());
        command.addAll(args);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = 0;
        while (process.isAlive()) {
            peak = Math.max(peak, residentHighWaterKb(status));
            Thread.sleep(50);
        }
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(exit, out.join(), err.join(), seconds, peak);
    }

    private static CompletableFuture<String> drain(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /** VmHWM of /proc/PID/status: the peak resident set so far (0 when unreadable or gone). */
    private static long residentHighWaterKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException | java.io.UncheckedIOException e) {
            // not Linux, or the process just ended
        }
        return 0;
    }
}
