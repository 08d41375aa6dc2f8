package dev.atomik.conformance.adapters.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast line reader must agree with Jackson on every line: same tree for what it accepts, and
 * fall back (so Jackson rejects) for what is not one JSON object (PROTO-REPLY-1 framing).
 */
class LineJsonTest {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static byte[] utf8(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"in_reply_to\":7,\"value\":\"0x2a\"}",
        " {\"in_reply_to\" : 9007199254740993 , \"ok\" : true }\r",
        "{\"in_reply_to\":1,\"messages\":[{\"addr\":\"0x0\",\"delta\":\"0x1\",\"seq\":\"0x1\"},{}]}",
        "{\"a\":null,\"b\":false,\"c\":-12,\"d\":[],\"e\":{},\"f\":[1,[2,[3]]]}",
        "{\"escaped\":\"a\\\"b\\u00e9\",\"utf8\":\"é\"}",
        "{\"fraction\":1.5,\"exp\":1e3,\"big\":123456789012345678901234567890}",
        "{}",
    })
    void required_PROTO_REPLY_1_acceptedLinesGiveJacksonsTree(String line) throws IOException {
        byte[] bytes = utf8(line);
        JsonNode expected = STRICT.readTree(bytes);
        assertEquals(expected, LineJson.readObject(bytes, 0, bytes.length));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":1}{\"b\":2}", "{\"a\":1} x", "{\"a\":01}", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1,\"a\":2}",
        "{\"a\":tru}", "{\"a\":\"unterminated}", "{\"a\":-}", "this is not json {", "", "{\"a\":[1,2}",
    })
    void required_PROTO_REPLY_1_malformedLinesAreRejected(String line) {
        byte[] bytes = utf8(line);
        assertThrows(IOException.class, () -> LineJson.readObject(bytes, 0, bytes.length), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "42", "\"text\"", "null", "true"})
    void required_PROTO_REPLY_1_aValueThatIsNotAnObjectIsNoObject(String line) throws IOException {
        byte[] bytes = utf8(line);
        assertNull(LineJson.readObject(bytes, 0, bytes.length));
    }
}
