package dev.atomik.conformance.adapters.process;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.AdapterFault.Kind;
import dev.atomik.conformance.adapter.CapabilitiesJson;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.adapter.ShutdownNote;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * An implementation under test running as a child process and speaking spec/adapter-protocol.md on
 * its standard input and output.
 *
 * <p>Pipelined (the default) means a writer thread sends the whole batch while the caller reads
 * replies, so neither side can deadlock on a full pipe. Serial mode sends one request and waits for
 * its reply before the next; it exists to measure what pipelining buys and to debug peers that
 * cannot pipeline. After any fault the process is killed and the adapter refuses further work: the
 * runner opens a fresh one (PROTO-FAULT-1).
 */
public final class ProcessAdapter implements Adapter {
    /** Below the runner's own backstop (per-step timeout plus 2 s), so a slow start is reported as HANDSHAKE. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(6);

    /** The handshake timeout: the system property {@code atomik.handshake.seconds}, else the default. */
    public static Duration handshakeTimeout() {
        return Duration.ofSeconds(Long.getLong("atomik.handshake.seconds", DEFAULT_HANDSHAKE_TIMEOUT.toSeconds()));
    }
    /** How long an implementation has to exit after {@code bye} before it is killed (spec: 2 s). */
    static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private static final JsonFactory FACTORY = LineJson.factory();

    private final String commandText;
    private final boolean pipelined;
    private final Duration handshakeTimeout;
    private final Process process;
    private final OutputStream stdin;
    /** One generator for the adapter's life: creating one per line costs more than the line. */
    private final JsonGenerator requestsOut;
    private final ReplyReader replies;
    private final StderrTail stderr;
    private final ExecutorService writer;

    private long nextId = 1;
    private Hello hello;
    private AdapterFault firstFault;
    private ShutdownNote shutdownNote;
    private boolean closed;

    private ProcessAdapter(List<String> command, Process process, boolean pipelined, Duration handshakeTimeout) {
        this.commandText = String.join(" ", command);
        this.process = process;
        this.pipelined = pipelined;
        this.handshakeTimeout = handshakeTimeout;
        this.stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        try {
            this.requestsOut = FACTORY.createGenerator(stdin, JsonEncoding.UTF8)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write to a fresh pipe", e);
        }
        this.requestsOut.setRootValueSeparator(null);
        String tag = "atomik-adapter-" + process.pid();
        this.replies = new ReplyReader(process.getInputStream(), tag + "-stdout");
        this.stderr = new StderrTail(process.getErrorStream(), tag + "-stderr");
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, tag + "-stdin");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts {@code command} in {@code workingDirectory}. A relative program path containing a slash
     * is resolved against that directory (the JVM would resolve it against its own).
     *
     * @throws IllegalArgumentException when the command is empty or cannot be started
     */
    public static ProcessAdapter start(List<String> command, Path workingDirectory, boolean pipelined, Duration handshakeTimeout) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command line: give the program to run, e.g. "
                    + "process:python3 samples/python/atomik_adapter.py");
        }
        List<String> argv = new ArrayList<>(command);
        String program = argv.get(0);
        if (program.contains("/") && !Path.of(program).isAbsolute()) {
            argv.set(0, workingDirectory.resolve(program).normalize().toString());
        }
        try {
            Process process = new ProcessBuilder(argv).directory(workingDirectory.toFile()).start();
            return new ProcessAdapter(command, process, pipelined, handshakeTimeout);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot start '" + String.join(" ", command) + "' in " + workingDirectory
                    + ": " + e.getMessage());
        }
    }

    @Override
    public Hello hello() throws AdapterFault {
        if (hello != null) {
            return hello;
        }
        refuseAfterFault();
        try {
            stdin.write("{\"type\":\"hello\",\"protocol\":2,\"accepts\":[1,2],\"spec\":\"1.0\"}\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            // The process may already be gone; reading its answer below reports how it ended.
        }
        ReplyReader.Line line = nextLine(System.nanoTime() + handshakeTimeout.toNanos());
        if (line == null) {
            throw fault(Kind.HANDSHAKE, -1, "no hello within " + describe(handshakeTimeout));
        }
        if (line == ReplyReader.END) {
            throw fault(Kind.HANDSHAKE, -1, "the process " + exitDescription() + " before its hello");
        }
        if (line.problem() != null) {
            throw fault(Kind.HANDSHAKE, -1, "first line is not a hello: " + line.problem());
        }
        try {
            hello = parseHello(line.json());
            return hello;
        } catch (IllegalArgumentException bad) {
            throw fault(Kind.HANDSHAKE, -1, bad.getMessage());
        }
    }

    /** PROTO-HELLO-1: type hello, protocol 1 or 2, a name, a version and capabilities. */
    static Hello parseHello(ObjectNode json) {
        if (!"hello".equals(json.path("type").asText(null))) {
            throw new IllegalArgumentException("first line is not a hello (type must be \"hello\"): " + json);
        }
        JsonNode protocol = json.get("protocol");
        if (protocol == null || !protocol.isIntegralNumber() || (protocol.asInt() != 1 && protocol.asInt() != 2)) {
            throw new IllegalArgumentException("hello must declare protocol 1 or 2, got " + protocol);
        }
        for (String field : List.of("name", "version")) {
            JsonNode text = json.get(field);
            if (text == null || !text.isTextual() || text.textValue().isBlank()) {
                throw new IllegalArgumentException("hello must carry a non-empty string " + field + ", got " + text);
            }
        }
        return new Hello(json.get("name").textValue(), json.get("version").textValue(),
                CapabilitiesJson.parse(json.get("capabilities"), protocol.asInt()));
    }

    @Override
    public List<ObjectNode> execute(List<ObjectNode> requests, Duration perStepTimeout) throws AdapterFault {
        hello();
        refuseAfterFault();
        long firstId = nextId;
        nextId += requests.size();
        List<ObjectNode> out = new ArrayList<>(requests.size());
        long timeoutNanos = perStepTimeout.toNanos();
        if (pipelined) {
            Future<?> sending = writer.submit(() -> send(requests, firstId));
            for (int i = 0; i < requests.size(); i++) {
                out.add(receive(requests.get(i), firstId + i, i, timeoutNanos, perStepTimeout));
            }
            awaitSent(sending, requests.size() - 1);
        } else {
            for (int i = 0; i < requests.size(); i++) {
                try {
                    write(requests.get(i), firstId + i);
                    flushRequests();
                } catch (IOException e) {
                    // Its stdin is closed: it exited or closed it. Reading shows which.
                }
                out.add(receive(requests.get(i), firstId + i, i, timeoutNanos, perStepTimeout));
            }
        }
        return out;
    }

    /** Writer thread: every request of the batch, one flush at the end (the pipe's buffer does the rest). */
    private Void send(List<ObjectNode> requests, long firstId) throws IOException {
        for (int i = 0; i < requests.size(); i++) {
            write(requests.get(i), firstId + i);
        }
        flushRequests();
        return null;
    }

    /** One request line: {@code id} first, then the request's members as given. */
    private void write(ObjectNode request, long id) throws IOException {
        requestsOut.writeStartObject();
        requestsOut.writeNumberField("id", id);
        LineJson.writeMembers(requestsOut, request);
        requestsOut.writeEndObject();
        requestsOut.writeRaw('\n');
    }

    /** Pushes buffered request lines through to the process. */
    private void flushRequests() throws IOException {
        requestsOut.flush();
        stdin.flush();
    }

    private ObjectNode receive(ObjectNode request, long id, int index, long timeoutNanos, Duration timeout) throws AdapterFault {
        ReplyReader.Line line = nextLine(System.nanoTime() + timeoutNanos);
        if (line == null) {
            throw fault(Kind.TIMEOUT, index, "no reply to request " + id + " (" + request.path("op").asText("?")
                    + ") within " + describe(timeout));
        }
        if (line == ReplyReader.END) {
            throw fault(Kind.CRASH, index, "the process " + exitDescription() + " before replying to request " + id);
        }
        if (line.problem() != null) {
            throw fault(Kind.FRAMING, index, line.problem());
        }
        try {
            return ReplyShape.check(line.json(), id, request.path("op").asText(null));
        } catch (IllegalArgumentException bad) {
            throw fault(Kind.BAD_REPLY, index, bad.getMessage());
        }
    }

    private void awaitSent(Future<?> sending, int lastIndex) throws AdapterFault {
        try {
            sending.get(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Every reply arrived, so a late write error only means the peer closed stdin after answering.
        } catch (java.util.concurrent.TimeoutException e) {
            throw fault(Kind.TIMEOUT, lastIndex, "every reply arrived but the process stopped reading its input");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fault(Kind.CRASH, lastIndex, "interrupted while sending requests");
        }
    }

    private ReplyReader.Line nextLine(long deadlineNanos) throws AdapterFault {
        try {
            return replies.next(deadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fault(Kind.CRASH, -1, "interrupted while waiting for the process");
        }
    }

    /** "exited with status N" or "closed its output", after giving the process a moment to finish exiting. */
    private String exitDescription() {
        try {
            if (process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return "exited with status " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "closed its standard output (still running)";
    }

    /** Records the fault, stops the process and returns the exception to throw, with stderr's last lines. */
    private AdapterFault fault(Kind kind, int index, String detail) {
        process.destroyForcibly();
        stderr.awaitEnd(500);
        AdapterFault fault = new AdapterFault(kind, index, detail + stderr.forReport());
        if (firstFault == null) {
            firstFault = fault;
        }
        return fault;
    }

    private void refuseAfterFault() throws AdapterFault {
        if (firstFault != null) {
            throw new AdapterFault(firstFault.kind(), -1, "the process was stopped after an earlier fault ("
                    + firstFault.getMessage().lines().findFirst().orElse("") + "); open a new adapter");
        }
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** The command this adapter runs, as given. */
    public String command() {
        return commandText;
    }

    /** Whether requests are pipelined (the default) or sent one at a time. */
    public boolean pipelined() {
        return pipelined;
    }

    /** CPU time the implementation's process has used so far, when the operating system reports it. */
    public java.util.Optional<Duration> processCpuTime() {
        return process.info().totalCpuDuration();
    }

    /** The last lines the implementation wrote to standard error, oldest first. */
    public List<String> stderrTail() {
        return stderr.lines();
    }

    /** Empty after a clean shutdown; otherwise what went wrong (killed, non-zero exit). */
    @Override
    public java.util.Optional<ShutdownNote> shutdownNote() {
        return java.util.Optional.ofNullable(shutdownNote);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.shutdownNow();
        if (process.isAlive()) {
            try {
                stdin.write("{\"type\":\"bye\"}\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            } catch (IOException gone) {
                // Already exiting; waiting below settles it.
            }
        }
        try {
            stdin.close();
        } catch (IOException ignored) {
            // Closing a pipe the process already closed is not an error.
        }
        try {
            if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                shutdownNote = new ShutdownNote(ShutdownNote.Kind.KILLED_AFTER_BYE,
                        "did not exit within " + EXIT_GRACE.toSeconds() + " s of bye; killed");
            } else if (process.exitValue() != 0 && firstFault == null) {
                shutdownNote = new ShutdownNote(ShutdownNote.Kind.EXIT_STATUS_AFTER_BYE,
                        "exited with status " + process.exitValue() + " after bye");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
