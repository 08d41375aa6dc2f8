package dev.atomik.conformance.adapters.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** PROTO-REPLY-1 and VAL-HEX-1: shapes are checked before meaning. */
class ReplyShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void required_PROTO_REPLY_1_wellShapedRepliesAreReducedToTheirResult() throws Exception {
        assertEquals("{\"value\":\"0xDEADbeef\"}",
                ReplyShape.check(json("{\"in_reply_to\":4,\"value\":\"0xDEADbeef\",\"log\":\"x\"}"), 4, "read").toString());
        assertEquals("{\"messages\":[{\"addr\":\"0x0\",\"delta\":\"0x1\",\"seq\":\"0x1\"}]}",
                ReplyShape.check(json("{\"in_reply_to\":1,\"messages\":[{\"addr\":\"0x0\",\"delta\":\"0x1\",\"seq\":\"0x1\"}]}"), 1, "drain").toString());
        assertEquals("{\"error\":\"BAD_WIDTH\"}", ReplyShape.check(json("{\"in_reply_to\":1,\"error\":\"BAD_WIDTH\"}"), 1, "init").toString());
        assertEquals("{\"ok\":true}", ReplyShape.check(json("{\"in_reply_to\":1,\"ok\":true}"), 1, "accum").toString());
    }

    @Test
    void required_ERR_CODES_1_anUnknownCodeIsAWellShapedReplyForTheRunnerToFail() throws Exception {
        // Its meaning, not its shape, is wrong: the runner fails the step (INTERPRETING §3.4–3.5).
        assertEquals("{\"error\":\"OOPS\"}", ReplyShape.check(json("{\"in_reply_to\":1,\"error\":\"OOPS\"}"), 1, "read").toString());
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"in_reply_to\":1,\"value\":42}|read|value must be a hex string",
        "{\"in_reply_to\":1,\"value\":\"0x\"}|read|value must be a hex string",
        "{\"in_reply_to\":1,\"value\":\"0x12345678901234567\"}|read|value must be a hex string",
        "{\"in_reply_to\":1,\"value\":\"2a\"}|read|value must be a hex string",
        "{\"in_reply_to\":1,\"ok\":true,\"value\":\"0x1\"}|read|both ok and value",
        "{\"in_reply_to\":1}|read|none of ok",
        "{\"in_reply_to\":\"1\",\"ok\":true}|load|in_reply_to is \"1\"",
        "{\"ok\":true}|load|no in_reply_to",
        "{\"in_reply_to\":1,\"ok\":false}|load|ok must be true",
        "{\"in_reply_to\":1,\"ok\":true}|read|must be value or error, not ok",
        "{\"in_reply_to\":1,\"bytes\":\"abc\"}|encode|even number of hex digits",
        "{\"in_reply_to\":1,\"message\":{\"addr\":\"0x0\",\"delta\":\"0x1\"}}|decode|exactly addr, delta and seq",
        "{\"in_reply_to\":1,\"messages\":[{\"addr\":\"0x0\",\"delta\":1,\"seq\":\"0x1\"}]}|drain|messages[0].delta must be a hex string",
        "{\"in_reply_to\":1,\"error\":\"\"}|read|error must be a code string",
        "{\"in_reply_to\":1,\"error\":7}|read|error must be a code string",
    })
    void required_PROTO_REPLY_1_malformedRepliesAreRejectedWithTheReason(String reply, String op, String reason) throws Exception {
        ObjectNode node = json(reply);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ReplyShape.check(node, 1, op));
        assertTrue(error.getMessage().contains(reason), error.getMessage());
    }
}
