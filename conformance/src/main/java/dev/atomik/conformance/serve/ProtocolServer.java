package dev.atomik.conformance.serve;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Hello;
import dev.atomik.conformance.adapters.process.LineJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Serves an in-process adapter (the reference model by default) over spec/adapter-protocol.md: a
 * correct peer to look at, and the far side of the bench.
 *
 * <p>Speed comes from three choices: input is cut into lines in one large buffer and each line is
 * parsed straight from its bytes; replies go through one JSON generator into a buffered stream; and
 * output is flushed only when the next read could block (no more input is waiting), never per
 * line. Flushing before every potentially blocking read is also what keeps a pipelining runner from
 * deadlocking: every request read so far has its reply on the wire before the server waits.
 */
public final class ProtocolServer {
    /** Exit status after a clean {@code bye} or end of input. */
    public static final int EXIT_OK = 0;
    /** Exit status when a request line is not a JSON object with an id. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit status when the served adapter faults. */
    public static final int EXIT_ADAPTER_FAULT = 3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration NO_LIMIT = Duration.ofDays(1);

    private final Adapter adapter;
    private final InputStream in;
    private final JsonGenerator out;
    private final PrintStream log;

    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private long lineNumber;

    public ProtocolServer(Adapter adapter, InputStream in, OutputStream out, PrintStream log) throws IOException {
        this.adapter = adapter;
        this.in = in;
        this.out = LineJson.factory().createGenerator(new java.io.BufferedOutputStream(out, 1 << 16), JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.out.setRootValueSeparator(null);
        this.log = log;
    }

    /** Answers requests until {@code bye} or end of input; returns the process exit status. */
    public int serve() throws IOException {
        try {
            while (true) {
                int newline = indexOfNewline();
                if (newline < 0) {
                    if (!fill()) {
                        out.flush();
                        return EXIT_OK;
                    }
                    continue;
                }
                lineNumber++;
                int lineStart = start;
                start = newline + 1;
                ObjectNode request;
                try {
                    request = LineJson.readObject(buffer, lineStart, newline - lineStart);
                } catch (IOException notJson) {
                    return badInput("not JSON: " + notJson.getMessage().lines().findFirst().orElse(""));
                }
                if (request == null) {
                    return badInput("not a JSON object");
                }
                Integer done = answer(request);
                if (done != null) {
                    out.flush();
                    return done;
                }
            }
        } catch (AdapterFault fault) {
            out.flush();
            log.println("serve: the served adapter faulted: " + fault.getMessage());
            return EXIT_ADAPTER_FAULT;
        }
    }

    /** Answers one line; returns an exit status when the conversation is over, else null. */
    private Integer answer(ObjectNode request) throws IOException, AdapterFault {
        JsonNode type = request.get("type");
        if (type != null) {
            switch (type.asText()) {
                case "hello":
                    writeHello(adapter.hello(), speaksV2(request) ? 2 : 1);
                    return null;
                case "bye":
                    return EXIT_OK;
                default:
                    return badInput("unknown message type " + type);
            }
        }
        JsonNode id = request.remove("id");
        if (id == null) {
            return badInput("a request without an id");
        }
        ObjectNode reply;
        try {
            reply = adapter.execute(List.of(request), NO_LIMIT).get(0);
        } catch (IllegalStateException | IllegalArgumentException notMeaningful) {
            // The served adapter could not map the request (e.g. an op before any init): a harness
            // problem, not an ATOMiK error. Say so on stderr and answer UNSUPPORTED so the peer can go on.
            log.println("serve: line " + lineNumber + ": " + notMeaningful.getMessage());
            reply = JSON.createObjectNode().put("error", "UNSUPPORTED");
        }
        out.writeStartObject();
        out.writeFieldName("in_reply_to");
        LineJson.write(out, id);
        LineJson.writeMembers(out, reply);
        out.writeEndObject();
        out.writeRaw('\n');
        return null;
    }

    /** A runner that asks for protocol 2, or lists it among the versions it accepts, gets a v2 hello. */
    private static boolean speaksV2(ObjectNode request) {
        if (request.path("protocol").asInt(1) >= 2) {
            return true;
        }
        for (JsonNode v : request.path("accepts")) {
            if (v.asInt() == 2) {
                return true;
            }
        }
        return false;
    }

    private void writeHello(Hello hello, int protocol) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "hello").put("protocol", protocol).put("name", hello.name()).put("version", hello.version());
        line.set("capabilities", protocol == 2 ? hello.capabilities().toJson() : hello.capabilities().toJsonV1());
        LineJson.write(out, line);
        out.writeRaw('\n');
    }

    private int badInput(String what) throws IOException {
        out.flush();
        log.println("serve: line " + lineNumber + ": " + what + "; stopping");
        return EXIT_BAD_INPUT;
    }

    private int indexOfNewline() {
        for (int i = start; i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads more input after the unconsumed bytes; false at end of input. Flushes replies first when
     * the read could block, so the peer always has every answer to what it has sent.
     */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
        }
        if (in.available() == 0) {
            out.flush();
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }
}
