package dev.atomik.conformance.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.adapter.Adapter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The served model answers the protocol exactly (PROTO-HELLO-1, PROTO-REPLY-1): a hello first, one
 * reply per request in order with in_reply_to, and a clean stop on bye or bad input.
 */
class ProtocolServerTest {

    record Outcome(int exit, List<String> lines, String log) {
    }

    static Outcome serve(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Adapter model = AdapterLookup.open("model")) {
            int exit = new ProtocolServer(model, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                    new PrintStream(log, true, StandardCharsets.UTF_8)).serve();
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8).lines().toList(), log.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void required_PROTO_REPLY_1_answersEachRequestInOrderWithItsId() throws Exception {
        Outcome o = serve("{\"type\":\"hello\",\"protocol\":1,\"spec\":\"1.0\"}\n"
                + "{\"id\":1,\"op\":\"init\",\"kind\":\"table\",\"width\":8,\"size\":4}\n"
                + "{\"id\":2,\"op\":\"load\",\"addr\":\"0x1\",\"value\":\"0x1ff\"}\n"
                + "{\"id\":3,\"op\":\"read\",\"addr\":\"0x1\"}\n"
                + "{\"id\":4,\"op\":\"read\",\"addr\":\"0x4\"}\n"
                + "{\"id\":5,\"op\":\"encode\",\"addr\":\"0x0\",\"delta\":\"0x14531455\",\"seq\":\"0x1\"}\n"
                + "{\"type\":\"bye\"}\n"
                + "{\"id\":6,\"op\":\"read\",\"addr\":\"0x1\"}\n");
        assertEquals(0, o.exit());
        assertTrue(o.lines().get(0).startsWith("{\"type\":\"hello\",\"protocol\":1,\"name\":\"atomik-model\""), o.lines().get(0));
        assertEquals(List.of("{\"in_reply_to\":1,\"ok\":true}", "{\"in_reply_to\":2,\"ok\":true}",
                "{\"in_reply_to\":3,\"value\":\"0xff\"}", "{\"in_reply_to\":4,\"error\":\"ADDRESS_OUT_OF_RANGE\"}",
                "{\"in_reply_to\":5,\"bytes\":\"00000000000000001453145500000001\"}"), o.lines().subList(1, 6));
        assertEquals(6, o.lines().size(), "nothing is answered after bye");
    }

    @Test
    void required_PROTO_REPLY_1_requestsSplitAcrossReadsAndLongLinesAreReassembled() throws Exception {
        StringBuilder input = new StringBuilder("{\"type\":\"hello\",\"protocol\":1}\n{\"id\":1,\"op\":\"init\",\"kind\":\"context\",\"width\":64}\n");
        for (int i = 0; i < 5000; i++) {
            input.append("{\"id\":").append(i + 2).append(",\"op\":\"accum\",\"delta\":\"0x").append(Integer.toHexString(i))
                    .append("\",\"note\":\"").append("x".repeat(i % 50)).append("\"}\n");
        }
        input.append("{\"id\":5002,\"op\":\"count\",\"note\":\"").append("y".repeat(200_000)).append("\"}\n");
        Outcome o = serve(input.toString());
        assertEquals(0, o.exit(), o.log());
        assertEquals(5003, o.lines().size());
        assertEquals("{\"in_reply_to\":5002,\"value\":\"0x1388\"}", o.lines().get(5002));
    }

    @Test
    void aLineThatIsNotJsonStopsTheServerWithStatus2AndAMessage() throws Exception {
        Outcome o = serve("{\"type\":\"hello\",\"protocol\":1}\n{\"id\":1,\"op\":\"reset\"}\nnot json\n{\"id\":2,\"op\":\"reset\"}\n");
        assertEquals(ProtocolServer.EXIT_BAD_INPUT, o.exit());
        assertEquals(2, o.lines().size(), "the hello and the reply before the bad line are still sent");
        assertTrue(o.log().contains("line 3: not JSON"), o.log());
    }

    @Test
    void endOfInputWithoutByeIsACleanExit() throws Exception {
        Outcome o = serve("{\"type\":\"hello\",\"protocol\":1}\n{\"id\":1,\"op\":\"reset\"}\n");
        assertEquals(0, o.exit());
        assertEquals("{\"in_reply_to\":1,\"ok\":true}", o.lines().get(1));
    }
}
