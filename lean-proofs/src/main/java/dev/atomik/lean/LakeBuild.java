package dev.atomik.lean;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs {@code lake build} when a Lean toolchain is on the PATH; otherwise says it skipped. */
public final class LakeBuild {
    public enum State { PASSED, FAILED, SKIPPED }

    public record Result(State state, String detail) {
    }

    private LakeBuild() {
    }

    static Optional<Path> findOnPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, exe);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static Result run(Path leanRoot) {
        Optional<Path> lake = findOnPath("lake");
        if (lake.isEmpty()) {
            return new Result(State.SKIPPED, "skipped: `lake` is not on the PATH (install elan and run `lake build` in lean-proofs/)");
        }
        try {
            Path log = Files.createTempFile("lake-build", ".log");
            Process p = new ProcessBuilder(lake.get().toString(), "build").directory(leanRoot.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Result(State.FAILED, "`lake build` did not finish within 30 minutes");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            String tail = out.length() > 4000 ? out.substring(out.length() - 4000) : out;
            return p.exitValue() == 0
                    ? new Result(State.PASSED, "`lake build` succeeded")
                    : new Result(State.FAILED, "`lake build` exited with " + p.exitValue() + ":\n" + tail);
        } catch (IOException e) {
            return new Result(State.FAILED, "could not run `lake build`: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(State.FAILED, "interrupted while running `lake build`");
        }
    }
}
