package dev.atomik.conformance.adapters.rtl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Verilog simulators the RTL adapter can use. Icarus Verilog is the one CI installs; Verilator
 * (5.x, {@code --binary --timing}) is used when asked for or when Icarus is absent. Both compile the
 * same harness ({@code rtl/harness/atomik_harness.v}) with the core under test once per adapter.
 */
enum Simulator {
    ICARUS("iverilog", "Icarus Verilog (Debian package iverilog)"),
    VERILATOR("verilator", "Verilator 5 (Debian package verilator)");

    /** Verilator builds C++ and can take a minute; Icarus takes about a second. */
    private static final long COMPILE_LIMIT_SECONDS = 900;

    private final String executable;
    private final String description;

    Simulator(String executable, String description) {
        this.executable = executable;
        this.description = description;
    }

    String description() {
        return description;
    }

    /** Picks {@code requested} (iverilog/verilator) or else the first installed one. */
    static Simulator choose(String requested) {
        if (requested != null && !requested.isBlank()) {
            for (Simulator s : values()) {
                if (s.executable.equals(requested) || s.name().equalsIgnoreCase(requested)) {
                    if (!s.installed()) {
                        throw new IllegalArgumentException(requested + " is not installed (no '" + s.executable
                                + "' on PATH): install " + s.description);
                    }
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown simulator '" + requested + "': expected iverilog or verilator");
        }
        for (Simulator s : values()) {
            if (s.installed()) {
                return s;
            }
        }
        throw new IllegalArgumentException("no Verilog simulator found on PATH: install Icarus Verilog "
                + "(apt-get install iverilog) or Verilator 5 (apt-get install verilator)");
    }

    boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compiles harness + core into {@code workDir} and returns the command line that runs the
     * simulation.
     *
     * @throws IllegalArgumentException with the compiler's messages when the sources do not build
     */
    List<String> compile(Path harnessDir, String top, List<Path> sources, Path workDir) {
        Path harness = harnessDir.resolve("atomik_harness.v");
        List<String> command = new ArrayList<>();
        List<String> run;
        if (this == ICARUS) {
            Path image = workDir.resolve("atomik_harness.vvp");
            command.addAll(List.of("iverilog", "-g2012", "-o", image.toString(), "-s", "atomik_harness",
                    "-DATOMIK_DUT=" + top, "-I", harnessDir.toString(), harness.toString()));
            run = List.of("vvp", "-n", image.toString());
        } else {
            Path objDir = workDir.resolve("obj_dir");
            command.addAll(List.of("verilator", "--binary", "--timing", "-Wno-fatal", "-Wno-lint",
                    "-Wno-style", "--top-module", "atomik_harness", "-DATOMIK_DUT=" + top,
                    "-I" + harnessDir, "--Mdir", objDir.toString(), "-o", "atomik_sim", harness.toString()));
            run = List.of(objDir.resolve("atomik_sim").toString());
        }
        sources.forEach(source -> command.add(source.toString()));
        Path compileLog = workDir.resolve("compile.log");
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(compileLog.toFile()).start();
            if (!process.waitFor(COMPILE_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalArgumentException(executable + " did not finish within "
                        + COMPILE_LIMIT_SECONDS + " s compiling " + sources);
            }
            if (process.exitValue() != 0) {
                throw new IllegalArgumentException(executable + " could not compile " + sources
                        + " with the harness (exit " + process.exitValue() + "):\n" + head(compileLog));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("could not run " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while compiling " + sources, e);
        }
        return run;
    }

    private static String head(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(0, Math.min(lines.size(), 20)));
    }
}
