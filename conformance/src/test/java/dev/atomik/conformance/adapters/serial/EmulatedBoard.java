package dev.atomik.conformance.adapters.serial;

import dev.atomik.conformance.adapters.rtl.RtlSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by socat, with the Python device emulator
 * (rtl/serial-emulator/atomik_serial_emulator.py) serving one end; the adapter opens the other.
 * Both processes are ended by {@link #close()}.
 */
final class EmulatedBoard implements AutoCloseable {
    private final Process socat;
    private final Process emulator;
    private final Path hostEnd;

    private EmulatedBoard(Process socat, Process emulator, Path hostEnd) {
        this.socat = socat;
        this.emulator = emulator;
        this.hostEnd = hostEnd;
    }

    static boolean available() {
        return onPath("socat") && onPath("python3");
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** A pty pair; with {@code emulatorArgs == null} nothing serves the device end (a silent board). */
    static EmulatedBoard start(Path dir, String... emulatorArgs) throws IOException, InterruptedException {
        Path host = dir.resolve("tty-host");
        Path board = dir.resolve("tty-board");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + board)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        for (int i = 0; i < 100 && !(Files.exists(host) && Files.exists(board)); i++) {
            Thread.sleep(20);
        }
        if (!Files.exists(host) || !Files.exists(board)) {
            socat.destroyForcibly();
            throw new IOException("socat made no pty pair within 2 s: " + Files.readString(dir.resolve("socat.log")));
        }
        Process emulator = null;
        if (emulatorArgs != null) {
            List<String> command = new ArrayList<>(List.of("python3",
                    RtlSources.rtlDir().resolve("serial-emulator/atomik_serial_emulator.py").toString(),
                    "--port", board.toString()));
            command.addAll(List.of(emulatorArgs));
            emulator = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("emulator.log").toFile()).start();
            awaitServing(emulator, dir.resolve("emulator.log"), socat);
        }
        return new EmulatedBoard(socat, emulator, host);
    }

    /**
     * Waits for the emulator's "serving" line, so the fault modes count replies from the first
     * HELLO (a HELLO sent earlier would be retransmitted and answered several times).
     */
    private static void awaitServing(Process emulator, Path log, Process socat) throws IOException, InterruptedException {
        for (int i = 0; i < 250; i++) {
            if (Files.exists(log) && Files.readString(log).contains("serving")) {
                return;
            }
            if (!emulator.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        emulator.destroyForcibly();
        socat.destroyForcibly();
        throw new IOException("the serial emulator did not start: " + (Files.exists(log) ? Files.readString(log) : "no log"));
    }

    String device() {
        return hostEnd.toString();
    }

    @Override
    public void close() {
        for (Process p : new Process[] {emulator, socat}) {
            if (p == null) {
                continue;
            }
            p.destroy();
            try {
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
