package dev.atomik.conformance.adapters.serial;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapter.Hello;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A board over a serial line (spec/serial-protocol.md): one request at a time, retransmitted after a
 * garbled frame or a silent retry interval; the device replays its last reply for a repeated seq,
 * so a retransmission never applies an operation twice.
 */
public final class SerialAdapter implements Adapter {
    static final Duration HANDSHAKE_LIMIT = Duration.ofSeconds(3);
    static final Duration RETRY_INTERVAL = Duration.ofMillis(250);
    static final int GARBLED_LIMIT = 3;
    private static final List<String> OP_BITS =
            List.of("init", "load", "accum", "rollback", "read", "swap", "count", "merge");

    private final SerialLink link;
    private final FrameReader frames;
    private final int baud;
    private int nextSeq;
    private Hello hello;
    private int retransmissions;

    SerialAdapter(SerialLink link, int baud) {
        this.link = link;
        this.frames = new FrameReader(link);
        this.baud = baud;
    }

    /** Requests sent again so far (after garbled frames or silence); for reports and tests. */
    public int retransmissions() {
        return retransmissions;
    }

    @Override
    public Hello hello() throws AdapterFault {
        if (hello != null) {
            return hello;
        }
        try {
            link.write(new byte[] {0});   // ends any partial frame the device holds
        } catch (IOException e) {
            throw new AdapterFault(AdapterFault.Kind.HANDSHAKE, -1, "cannot write to " + link.name() + ": " + e.getMessage());
        }
        Packet reply;
        try {
            reply = exchange(Packet.HELLO, new byte[0], HANDSHAKE_LIMIT, -1);
        } catch (AdapterFault e) {
            throw new AdapterFault(AdapterFault.Kind.HANDSHAKE, -1, "no HELLO_OK from " + link.name() + " at " + baud
                    + " baud (" + e.getMessage() + "): is the board powered, running ATOMiK serial firmware "
                    + "(spec/serial-protocol.md), and set to this baud rate?");
        }
        hello = parseHello(reply);
        return hello;
    }

    private Hello parseHello(Packet reply) throws AdapterFault {
        try {
            if (reply.type() != Packet.HELLO_OK) {
                throw new IllegalStateException("reply type 0x" + Integer.toHexString(reply.type()));
            }
            ByteBuffer in = ByteBuffer.wrap(reply.payload());
            int protocol = in.get() & 0xFF;
            int minWidth = in.get() & 0xFF;
            int maxWidth = in.get() & 0xFF;
            long contexts = in.getLong();
            int kindBits = in.get() & 0xFF;
            if (protocol != 1 && protocol != 2) {
                throw new IllegalStateException("protocol " + protocol + " (expected 1 or 2)");
            }
            // Protocol 1: one op mask for every kind; protocol 2: one per declared kind, context first.
            int sharedOps = protocol == 1 ? in.getShort() & 0xFFFF : 0;
            Capabilities.Builder caps = Capabilities.builder().protocol(protocol).contexts(contexts);
            String[] kindNames = {"context", "table"};
            for (int k = 0; k < kindNames.length; k++) {
                if ((kindBits & (1 << k)) != 0) {
                    caps.kind(kindNames[k], opsOf(protocol == 1 ? sharedOps : in.getShort() & 0xFFFF));
                }
            }
            String name = text(in);
            String version = text(in);
            if (minWidth < 1 || minWidth > maxWidth || contexts < 1) {
                throw new IllegalStateException("protocol " + protocol + ", widths " + minWidth + ".." + maxWidth
                        + ", contexts " + contexts);
            }
            return new Hello(name, version, caps.widths(minWidth, maxWidth).build());
        } catch (RuntimeException e) {
            throw new AdapterFault(AdapterFault.Kind.HANDSHAKE, -1, "bad HELLO_OK from " + link.name() + ": "
                    + (e.getMessage() == null ? "payload too short" : e.getMessage()));
        }
    }

    private static Set<String> opsOf(int opBits) {
        Set<String> ops = new LinkedHashSet<>();
        for (int bit = 0; bit < OP_BITS.size(); bit++) {
            if ((opBits & (1 << bit)) != 0) {
                ops.add(OP_BITS.get(bit));
            }
        }
        return ops;
    }

    private static String text(ByteBuffer in) {
        byte[] bytes = new byte[in.get() & 0xFF];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public List<ObjectNode> execute(List<ObjectNode> requests, Duration perStepTimeout) throws AdapterFault {
        hello();
        List<ObjectNode> replies = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            SerialRequests.Translation t = SerialRequests.translate(requests.get(i));
            if (t.local() != null) {
                replies.add(t.local());
                continue;
            }
            Packet packet = exchange(t.type(), t.payload(), perStepTimeout, i);
            ObjectNode reply = SerialRequests.reply(packet, t.wantsValue());
            if (reply == null) {
                throw new AdapterFault(AdapterFault.Kind.BAD_REPLY, i, "reply type 0x" + Integer.toHexString(packet.type())
                        + " with " + packet.payload().length + " payload bytes does not answer request type 0x"
                        + Integer.toHexString(t.type()));
            }
            replies.add(reply);
        }
        return replies;
    }

    /** Sends one request and waits for the reply with its seq, retransmitting as the spec says. */
    private Packet exchange(int type, byte[] payload, Duration limit, int index) throws AdapterFault {
        int seq = nextSeq;
        nextSeq = (nextSeq + 1) & 0xFF;
        byte[] wire = new Packet(seq, type, payload).toWire();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long retryNanos = Math.min(RETRY_INTERVAL.toNanos(), limit.toNanos() / 4);
        long retryAt = start + retryNanos;
        int garbled = 0;
        try {
            link.write(wire);
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    throw new AdapterFault(AdapterFault.Kind.TIMEOUT, index, "no reply from " + link.name() + " within "
                            + limit.toMillis() + " ms" + (garbled > 0 ? " (" + garbled + " garbled frames)" : ""));
                }
                long wait = Math.max(1, (Math.min(deadline, retryAt) - now) / 1_000_000L);
                Optional<byte[]> frame = frames.next(wait);
                if (frame.isEmpty()) {
                    if (System.nanoTime() >= retryAt && System.nanoTime() < deadline) {
                        resend(wire);
                        retryAt = System.nanoTime() + retryNanos;
                    }
                    continue;
                }
                Optional<Packet> packet = Packet.fromFrame(frame.get());
                if (packet.isEmpty()) {
                    garbled++;
                    if (garbled >= GARBLED_LIMIT) {
                        throw new AdapterFault(AdapterFault.Kind.FRAMING, index, garbled + " garbled frames from "
                                + link.name() + " for one request (bad COBS, length or CRC; last frame "
                                + frame.get().length + " bytes)");
                    }
                    resend(wire);
                    retryAt = System.nanoTime() + retryNanos;
                    continue;
                }
                if (packet.get().seq() == seq) {
                    return packet.get();
                }
                // a stale reply to an earlier retransmission: ignore it
            }
        } catch (IOException e) {
            throw new AdapterFault(AdapterFault.Kind.CRASH, index, "serial line " + link.name() + " failed: " + e.getMessage());
        }
    }

    private void resend(byte[] wire) throws IOException {
        retransmissions++;
        link.write(wire);
    }

    @Override
    public void close() {
        link.close();
    }
}
