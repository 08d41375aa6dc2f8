package dev.atomik.conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.golden.GoldenFiles;
import dev.atomik.conformance.runner.LoadedTrace;
import dev.atomik.conformance.runner.TraceResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code mutant:a+b} switches on several faults that each act as they do alone, and
 * {@code mutant:null} answers every op with zero and never an error.
 */
class MutantCombinationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A context fault (SWAP's value) and a table fault (an address check): no op shared. */
    private static final String A = Fault.SWAP_RETURNS_NEW.id();
    private static final String B = Fault.TABLE_ADDRESS_WRAPS.id();

    @Test
    void namesCombineInOrder() throws Exception {
        assertEquals(List.of(Fault.SWAP_RETURNS_NEW, Fault.TABLE_ADDRESS_WRAPS), MutantAdapterProvider.parse(A + "+" + B));
        assertEquals(List.of(), MutantAdapterProvider.parse(MutantAdapterProvider.CONTROL));
        assertEquals("mutant:" + A + "+" + B, new MutantAdapterProvider().open(A + "+" + B).hello().name());
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MutantAdapterProvider().open(A + "+no-such-fault"));
        assertTrue(e.getMessage().contains("'no-such-fault'"), e.getMessage());
        for (Fault f : Fault.values()) {
            assertTrue(e.getMessage().contains(f.id()), f.id() + " missing from: " + e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> MutantAdapterProvider.parse(A + "+"));
        assertThrows(IllegalArgumentException.class, () -> MutantAdapterProvider.parse(A + "+" + A));
        assertThrows(IllegalArgumentException.class, () -> MutantAdapterProvider.parse("null+" + A));
    }

    /** Every trace that catches a alone or b alone also catches a+b: neither fault hides the other. */
    @Test
    void combinedFaultsAreCaughtByTheTracesOfEach() throws Exception {
        List<LoadedTrace> traces = SelfTestRun.singleNodeTraces(GoldenFiles.defaultTracesDir());
        Set<String> alone = new TreeSet<>(ids(SelfTestRun.catching(SelfTestRun.run(A, traces))));
        Set<String> onlyA = new TreeSet<>(alone);
        Set<String> onlyB = new TreeSet<>(ids(SelfTestRun.catching(SelfTestRun.run(B, traces))));
        alone.addAll(onlyB);
        assertFalse(onlyA.isEmpty());
        assertFalse(onlyB.isEmpty());
        Set<String> combined = new TreeSet<>(ids(SelfTestRun.catching(SelfTestRun.run(A + "+" + B, traces))));
        assertTrue(combined.containsAll(alone), "a+b escaped " + difference(alone, combined));
    }

    private static List<String> ids(List<TraceResult> results) {
        return results.stream().map(TraceResult::id).toList();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    @Test
    void theNullMutantAnswersZeroAndNeverAnError() throws Exception {
        List<String> requests = List.of(
                "{\"op\":\"reset\"}",
                "{\"op\":\"init\",\"kind\":\"context\",\"width\":99}",
                "{\"op\":\"accum\",\"delta\":\"0x5\"}",
                "{\"op\":\"read\"}",
                "{\"op\":\"init\",\"kind\":\"stream\",\"width\":8}",
                "{\"op\":\"accum\",\"addr\":\"0x1\",\"delta\":\"0x5\"}",
                "{\"op\":\"rollback\",\"addr\":\"0x1\",\"delta\":\"0x5\"}",
                "{\"op\":\"swap\",\"addr\":\"0x1\"}",
                "{\"op\":\"epoch\"}",
                "{\"op\":\"drain\"}",
                "{\"op\":\"encode\",\"addr\":\"0x1\",\"delta\":\"0x2\",\"seq\":\"0x0\"}",
                "{\"op\":\"decode\",\"bytes\":\"00\"}",
                "{\"op\":\"no-such-op\"}");
        List<String> expected = List.of(
                "{\"ok\":true}", "{\"ok\":true}", "{\"ok\":true}", "{\"value\":\"0x0\"}", "{\"ok\":true}",
                "{\"message\":{\"addr\":\"0x0\",\"delta\":\"0x0\",\"seq\":\"0x0\"}}",
                "{\"message\":{\"addr\":\"0x0\",\"delta\":\"0x0\",\"seq\":\"0x0\"}}",
                "{\"value\":\"0x0\"}", "{\"value\":\"0x0\"}", "{\"messages\":[]}",
                "{\"bytes\":\"00000000000000000000000000000000\"}",
                "{\"message\":{\"addr\":\"0x0\",\"delta\":\"0x0\",\"seq\":\"0x0\"}}",
                "{\"ok\":true}");
        List<ObjectNode> parsed = new ArrayList<>();
        for (String r : requests) {
            parsed.add((ObjectNode) JSON.readTree(r));
        }
        MutantAdapter mutant = (MutantAdapter) new MutantAdapterProvider().open(Fault.NULL.id());
        assertEquals(MutantAdapter.CAPABILITIES, mutant.hello().capabilities());
        List<ObjectNode> replies = mutant.execute(parsed, Duration.ofSeconds(1));
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(JSON.readTree(expected.get(i)), replies.get(i), requests.get(i));
        }
    }
}
