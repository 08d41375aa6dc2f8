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
     * simulation. Every path is absolute, so includes resolve the same whatever the simulator's
     * work directory; the core's folder is searched for includes after the {@code -I} ones.
     *
     * @throws IllegalArgumentException with the compiler's messages when the sources do not build
     */
    List<String> compile(Path harnessDir, String top, RtlOptions options, Path workDir) {
        Path harness = harnessDir.resolve("atomik_harness.v");
        List<Path> sources = options.sources();
        List<String> flags = new ArrayList<>();
        flags.add("-DATOMIK_DUT=" + top);
        options.defines().forEach((name, value) -> flags.add("-D" + name + (value == null ? "" : "=" + value)));
        List<Path> includes = new ArrayList<>(List.of(harnessDir));
        includes.addAll(options.includeSearch());
        if (!options.parameters().isEmpty()) {
            // Parameters go to the harness's dut instance as #( ... ): iverilog -P and verilator -G
            // only set parameters of the top module, which is the harness, not the core.
            writeParameters(workDir, options);
            flags.add("-DATOMIK_DUT_PARAMS");
            includes.add(workDir);
        }
        List<String> command = new ArrayList<>();
        List<String> run;
        if (this == ICARUS) {
            Path image = workDir.resolve("atomik_harness.vvp");
            command.addAll(List.of("iverilog", "-g2012", "-o", image.toString(), "-s", "atomik_harness"));
            command.addAll(flags);
            includes.forEach(dir -> command.addAll(List.of("-I", dir.toString())));
            run = List.of("vvp", "-n", image.toString());
        } else {
            Path objDir = workDir.resolve("obj_dir");
            command.addAll(List.of("verilator", "--binary", "--timing", "-Wno-fatal", "-Wno-lint",
                    "-Wno-style", "--top-module", "atomik_harness", "--Mdir", objDir.toString(), "-o", "atomik_sim"));
            command.addAll(flags);
            includes.forEach(dir -> command.add("-I" + dir));
            run = List.of(objDir.resolve("atomik_sim").toString());
        }
        command.add(harness.toString());
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
            checkParametersFound(compileLog, top, options);
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

    private static void writeParameters(Path workDir, RtlOptions options) {
        try {
            Files.writeString(workDir.resolve("atomik_dut_params.vh"), options.parameterList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the parameter list into " + workDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A -P naming no parameter of the core: Icarus only warns (a -P that silently does nothing would
     * run the wrong core), Verilator fails with PINNOTFOUND; both become the same one-line error.
     */
    private static void checkParametersFound(Path compileLog, String top, RtlOptions options) throws IOException {
        String log = Files.readString(compileLog, StandardCharsets.UTF_8);
        for (String name : options.parameters().keySet()) {
            if (log.contains("parameter " + name + " not found") || log.contains("Parameter pin not found: '" + name + "'")) {
                throw new IllegalArgumentException("rtl option -P" + name + "=" + options.parameters().get(name)
                        + ": expected a parameter of module " + top + "; it has none named " + name);
            }
        }
    }

    private static String head(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(0, Math.min(lines.size(), 20)));
    }
}
