package dev.atomik.model.proof;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link KeyWorker} JVM proving one shard, and the build's side of it: results are read from
 * the worker's result file as they appear; an obligation the worker never reports (it crashed,
 * ran out of memory, or went silent for longer than any proof may take) becomes an {@code error}.
 */
final class WorkerProcess {
    /** No line for this long means the worker hangs: every proof is bounded by KeyProver.TIMEOUT_MILLIS. */
    static final long SILENCE_MILLIS = 2 * KeyProver.TIMEOUT_MILLIS;

    final int index;
    private final Process process;
    private final Path resultFile;
    final Path logFile;
    private long lastProgress = System.currentTimeMillis();
    private int linesSeen;

    private WorkerProcess(int index, Process process, Path resultFile, Path logFile) {
        this.index = index;
        this.process = process;
        this.resultFile = resultFile;
        this.logFile = logFile;
    }

    /** Starts a worker for {@code shard}, with this JVM's class path and the exploration properties passed on. */
    static WorkerProcess start(int index, List<Obligation> shard, Path sourceFolder, Path buildDir) throws IOException {
        Path results = buildDir.resolve("key-worker-" + index + ".results");
        Path log = buildDir.resolve("key-worker-" + index + ".log");
        Files.createDirectories(buildDir);
        Files.deleteIfExists(results);
        Files.createFile(results);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xss16m");
        cmd.add("-Xmx3g");
        for (String property : new String[] {"atomik.key.steps", "atomik.key.strategy"}) {
            cmd.add("-D" + property + "=" + System.getProperty(property, ""));
        }
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(KeyWorker.class.getName());
        cmd.add(sourceFolder.toString());
        cmd.add(buildDir.resolve("key-open-goals").toString());
        cmd.add(results.toString());
        cmd.add(shard.stream().map(Obligation::id).collect(Collectors.joining(",")));
        // Output to a file: a child writing to the test JVM's own stdout would corrupt Surefire's channel.
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new WorkerProcess(index, p, results, log);
    }

    /** Surefire puts the real test class path here when it launches through a manifest-only jar. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** Blocks until the worker reports {@code o}, or cannot any more. */
    ProofResult await(Obligation o, List<String> clauses) throws IOException, InterruptedException {
        long start = System.nanoTime();
        while (true) {
            boolean alive = process.isAlive();
            List<String> lines = Files.readAllLines(resultFile, StandardCharsets.UTF_8);
            if (lines.size() > linesSeen) {
                linesSeen = lines.size();
                lastProgress = System.currentTimeMillis();
            }
            for (String line : lines) {
                if (!line.isEmpty() && ResultLine.id(line).equals(o.id())) {
                    return ResultLine.decode(line, o, clauses);
                }
            }
            if (!alive) {
                return error(o, clauses, start, "KeY worker " + index + " exited with code " + process.exitValue()
                        + " before reporting it; see " + logFile);
            }
            if (System.currentTimeMillis() - lastProgress > SILENCE_MILLIS) {
                process.destroyForcibly();
                return error(o, clauses, start, "KeY worker " + index + " reported nothing for " + SILENCE_MILLIS / 1000
                        + " s and was stopped; see " + logFile);
            }
            Thread.sleep(200);
        }
    }

    private static ProofResult error(Obligation o, List<String> clauses, long start, String detail) {
        return new ProofResult(o, clauses, ProofResult.ERROR, 0, 0, 0, 0, (System.nanoTime() - start) / 1e9, detail);
    }

    /** The result lines the worker has written so far (for the progress line; never blocks). */
    List<String> reportedLines() {
        try {
            return Files.readAllLines(resultFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    void stop() {
        process.destroyForcibly();
    }

}
