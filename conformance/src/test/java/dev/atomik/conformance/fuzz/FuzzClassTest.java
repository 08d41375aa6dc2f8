package dev.atomik.conformance.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.expectations.FuzzClassSyntax;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classes of disagreement: how two replies differ, by reply member only, and the CLASS syntax. */
class FuzzClassTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode reply(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"value\":\"0x1\"}|{\"value\":\"0x2\"}|VALUE",
        "{\"ok\":true}|{\"value\":\"0x2\"}|VALUE",
        "{\"messages\":[]}|{\"messages\":[{\"addr\":\"0x0\",\"delta\":\"0x0\",\"seq\":\"0x1\"}]}|VALUE",
        "{\"error\":\"BAD_WIDTH\"}|{\"error\":\"BAD_SIZE\"}|ERROR_CODE",
        "{\"error\":\"BAD_WIDTH\"}|{\"ok\":true}|ERROR_VS_SUCCESS",
        "{\"value\":\"0x0\"}|{\"error\":\"UNSUPPORTED\"}|ERROR_VS_SUCCESS",
        "{\"value\":\"0x0\"}|{\"valu\":\"0x0\"}|FAULT",
    })
    void differences(String model, String actual, FuzzClass.Difference expected) throws Exception {
        assertEquals(expected, ReplyDiff.difference(reply(model), reply(actual)));
    }

    @Test
    void agreeingRepliesHaveNoDifference() throws Exception {
        assertNull(ReplyDiff.difference(reply("{\"value\":\"0x0a\"}"), reply("{\"value\":\"0xA\"}")));
        assertNull(ReplyDiff.difference(reply("{\"error\":\"BAD_SIZE\"}"), reply("{\"error\":\"BAD_SIZE\"}")));
    }

    @Test
    void parsesAndPrintsTheSameSpelling() {
        for (String text : List.of("swap/value", "init/error-vs-success", "decode/error-code", "deliver/value")) {
            assertEquals(text, FuzzClass.parse(text).toString());
        }
    }

    @Test
    void theWaivableDifferencesAreExactlyTheFileSyntaxOnes() {
        assertEquals(FuzzClassSyntax.DIFFERENCES, Arrays.stream(FuzzClass.Difference.values())
                .filter(FuzzClass.Difference::waivable).map(FuzzClass.Difference::label).toList());
    }

    @Test
    void badClassesAreRejected() {
        for (String bad : List.of("swap", "swap/fault", "swap/values", "swpa/value", "Swap/value")) {
            assertThrows(IllegalArgumentException.class, () -> FuzzClass.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class,
                () -> Fuzzer.Options.of("model", 1, 1, null, null).keepGoing(0, java.util.Set.of()));
    }
}
