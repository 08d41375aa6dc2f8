package dev.atomik.conformance.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.trace.ErrorCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/** The bridge from the typed interface to the protocol, and the TCK's refusals to pass vacuously. */
class ImplementationAdapterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Declares a context and implements nothing but a context whose read is broken in a chosen way. */
    private static Implementation contextOnly(Implementation.Context context) {
        return new Implementation() {
            public Capabilities capabilities() {
                return Capabilities.builder().kind("context", Set.of("init", "read")).build();
            }

            public Context context(int width) {
                if (width != 64) {
                    throw new AtomikFailure(ErrorCode.BAD_WIDTH);
                }
                return context;
            }
        };
    }

    private static List<String> replies(Implementation impl, String... requests) throws Exception {
        List<ObjectNode> batch = new ArrayList<>();
        for (String r : requests) {
            batch.add((ObjectNode) JSON.readTree(r));
        }
        return new ImplementationAdapter(impl).execute(batch, Duration.ofSeconds(1)).stream()
                .map(ObjectNode::toString).collect(Collectors.toList());
    }

    @Test
    void errorCodesAreTheSpecTable() {
        Set<String> spec = new TreeSet<>(ErrorCodes.EXPECTABLE);
        spec.add(ErrorCodes.UNSUPPORTED);
        assertEquals(spec, Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void valuesCodesAndDefaultsBecomeReplies() throws Exception {
        Implementation impl = contextOnly(new Implementation.Context() {
            public long read() {
                return 0xFFFF_FFFF_FFFF_FFFFL;
            }
        });
        assertEquals(List.of("{\"error\":\"BAD_WIDTH\"}", "{\"ok\":true}", "{\"value\":\"0xffffffffffffffff\"}",
                        "{\"error\":\"UNSUPPORTED\"}", "{\"error\":\"UNSUPPORTED\"}", "{\"error\":\"UNSUPPORTED\"}"),
                replies(impl, "{\"op\":\"init\",\"kind\":\"context\",\"width\":8}",
                        "{\"op\":\"init\",\"kind\":\"context\",\"width\":64}", "{\"op\":\"read\"}",
                        "{\"op\":\"accum\",\"delta\":\"0x1\"}", "{\"op\":\"init\",\"kind\":\"table\",\"width\":64,\"size\":2}",
                        "{\"op\":\"decode\",\"bytes\":\"00\"}"));
    }

    @Test
    void aFailedInitKeepsThePreviousObject() throws Exception {
        Implementation impl = contextOnly(new Implementation.Context() {
            public long read() {
                return 7;
            }
        });
        assertEquals("{\"value\":\"0x7\"}", replies(impl, "{\"op\":\"init\",\"kind\":\"context\",\"width\":64}",
                "{\"op\":\"init\",\"kind\":\"context\",\"width\":0}", "{\"op\":\"read\"}").get(2));
    }

    @Test
    void anExceptionIsACrashNamingTheRequestAndWhere() {
        Implementation impl = contextOnly(new Implementation.Context() {
            public long read() {
                throw new IllegalStateException("oops");
            }
        });
        AdapterFault fault = assertThrows(AdapterFault.class, () -> replies(impl,
                "{\"op\":\"init\",\"kind\":\"context\",\"width\":64}", "{\"op\":\"read\"}"));
        assertEquals(AdapterFault.Kind.CRASH, fault.kind());
        assertEquals(1, fault.requestIndex());
        assertTrue(fault.getMessage().contains("read threw java.lang.IllegalStateException: oops (at "), fault.getMessage());
        assertTrue(fault.getMessage().contains("ImplementationAdapterTest"), fault.getMessage());
    }

    @Test
    void aNullResultIsABadReply() {
        Implementation impl = new Implementation() {
            public Capabilities capabilities() {
                return Capabilities.builder().kind("wire", Set.of("encode")).build();
            }

            public byte[] encode(Message m) {
                return null;
            }
        };
        AdapterFault fault = assertThrows(AdapterFault.class, () -> replies(impl,
                "{\"op\":\"encode\",\"addr\":\"0x0\",\"delta\":\"0x0\",\"seq\":\"0x1\"}"));
        assertEquals(AdapterFault.Kind.BAD_REPLY, fault.kind());
        assertTrue(fault.getMessage().contains("encode returned null"), fault.getMessage());
    }

    /** Runs the TCK's dynamic tests in order, as JUnit would, and returns the first failure's message. */
    private static String firstFailure(AtomikTck tck) throws Exception {
        for (DynamicTest test : tck.goldenTraces().toList()) {
            try {
                test.getExecutable().execute();
            } catch (org.opentest4j.TestAbortedException skipped) {
                // a skipped trace: JUnit shows it aborted
            } catch (Throwable t) {
                return test.getDisplayName() + ": " + t.getMessage();
            }
        }
        return null;
    }

    @Test
    void aSuiteWhoseEveryTraceIsSkippedFails() throws Exception {
        AtomikTck tck = new AtomikTck() {
            protected Implementation createImplementation() {
                return contextOnly(new Implementation.Context() { });
            }

            protected String traceFilter() {
                return "stream/*";
            }
        };
        String failure = firstFailure(tck);
        assertTrue(failure != null && failure.startsWith("at least one trace ran: no trace ran: all "), failure);
    }

    @Test
    void aTckWithoutImplementationFails() throws Exception {
        String failure = firstFailure(new AtomikTck() { });
        assertTrue(failure != null && failure.startsWith("no implementation: "), failure);
    }
}
