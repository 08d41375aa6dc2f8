package dev.atomik.conformance.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * An implementation under test, seen by the runner. Requests and replies are the JSON objects of
 * spec/adapter-protocol.md (without {@code id}/{@code in_reply_to}, which transports add), so an
 * in-process adapter and a process adapter are interchangeable.
 *
 * <p>A request is a trace step minus {@code expect}, {@code expect_error}, {@code cover} and
 * {@code note}, or {@code {"op":"reset"}}. A reply is exactly one of {@code {"ok":true}},
 * {@code {"value":"0x.."}}, {@code {"message":{..}}}, {@code {"messages":[..]}},
 * {@code {"bytes":".."}}, {@code {"error":"CODE"}}.
 */
public interface Adapter extends AutoCloseable {

    /** The handshake; called once, before any request. */
    Hello hello() throws AdapterFault;

    /**
     * Runs the requests in order and returns one reply per request. Implementations may pipeline
     * (send every request before reading any reply). A reply that does not arrive within
     * {@code perStepTimeout} of the previous one is a {@link AdapterFault.Kind#TIMEOUT}.
     */
    List<ObjectNode> execute(List<ObjectNode> requests, Duration perStepTimeout) throws AdapterFault;

    /** Releases the implementation (ends its process, closes its port). Never throws. */
    @Override
    void close();

    /**
     * After {@link #close()}: what went wrong when the implementation was asked to exit, if anything
     * (a process that ignored {@code bye} and was killed). In-process adapters have nothing to note.
     */
    default java.util.Optional<ShutdownNote> shutdownNote() {
        return java.util.Optional.empty();
    }
}
