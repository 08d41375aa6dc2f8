package dev.atomik.conformance.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.AdapterProvider;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.ServiceLoader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the wire decoder behind the model adapter (WIRE-LEN-2, WIRE-RANGE-1, WIRE-ROUND-1): any byte
 * string decodes to a message that re-encodes to the same 16 bytes, or fails with BAD_LENGTH or
 * VALUE_OUT_OF_RANGE, exactly as the spec decides; nothing throws.
 */
class WireDecoderRobustnessTest {
    private static Adapter model;

    @BeforeContainer
    static void open() throws AdapterFault {
        AdapterProvider provider = ServiceLoader.load(AdapterProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.scheme().equals("model")).findFirst().orElseThrow();
        model = provider.open("");
        model.hello();
    }

    @AfterContainer
    static void close() {
        model.close();
    }

    private static ObjectNode request(String op) {
        return JsonNodeFactory.instance.objectNode().put("op", op);
    }

    @Property(tries = 1000)
    void any_bytes_decode_or_fail_with_the_spec_code(@ForAll @Size(max = 40) byte[] bytes) throws AdapterFault {
        String hex = HexFormat.of().formatHex(bytes);
        JsonNode reply = model.execute(List.of(request("decode").put("bytes", hex)), Duration.ofSeconds(5)).get(0);
        if (bytes.length != 16) {
            assertEquals("BAD_LENGTH", reply.path("error").asText(), "decode of " + bytes.length + " bytes: " + reply);
            return;
        }
        boolean seqZero = bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && bytes[15] == 0;
        if (seqZero) {
            assertEquals("VALUE_OUT_OF_RANGE", reply.path("error").asText(), "decode with seq 0: " + reply);
            return;
        }
        JsonNode m = reply.path("message");
        assertTrue(m.isObject(), "decode of a valid frame must give a message: " + reply);
        ObjectNode encode = request("encode");
        encode.set("addr", m.get("addr"));
        encode.set("delta", m.get("delta"));
        encode.set("seq", m.get("seq"));
        JsonNode again = model.execute(List.of(encode), Duration.ofSeconds(5)).get(0);
        assertEquals(hex, again.path("bytes").asText(), "encode(decode(b)) must be b");
    }
}
