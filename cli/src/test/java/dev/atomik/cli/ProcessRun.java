package dev.atomik.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process for the integration tests, run as a user would from a given folder, without the
 * launcher's {@code ATOMIK_HOME} (so nothing points back to the checkout), killed after a timeout.
 *
 * @param exit   the exit status
 * @param output standard output and error, interleaved
 */
record ProcessRun(int exit, String output) {

    static ProcessRun of(Path dir, Duration timeout, String stdin, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("atomik-it-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("ATOMIK_HOME");
            builder.environment().remove("ATOMIK_RTL_DIR");
            builder.environment().remove("MAVEN_OPTS");   // the outer build's settings are not the child's
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(command + " in " + dir + " did not finish within " + timeout
                        + "; output so far:\n" + Files.readString(log));
            }
            return new ProcessRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The output, for assertion messages (the last 4000 characters). */
    String tail() {
        return output.length() <= 4000 ? output : "..." + output.substring(output.length() - 4000);
    }
}
