package dev.atomik.model.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact-count check of KeyProofsTest, without KeY: a vanished or an extra case is named. */
class SpecCaseCountTest {
    private static Obligation obligation(String id, String cls, String method, List<String> params) {
        return new Obligation(id, cls, method, params, "normal", id, null);
    }

    private static final String SOURCE = "class S {\n"
            + "  /*@ public normal_behavior\n"
            + "    @   ensures true;\n"
            + "    @ also public exceptional_behavior\n"
            + "    @   signals_only RuntimeException;\n"
            + "    @*/\n"
            + "  void rollback(long a) { }\n"
            + "  /*@ public normal_behavior ensures true; @*/\n"
            + "  int size() { return 0; }\n"
            + "}\n";

    @Test
    void countsThatAgreeGiveNoDifference() {
        Map<String, Integer> declared = JmlSource.specCases(JmlSource.scan(Path.of("S.java"), SOURCE));
        List<Obligation> keys = List.of(obligation("S_rollback_normal", "S", "rollback", List.of("long")),
                obligation("S_rollback_exceptional", "S", "rollback", List.of("long")),
                obligation("S_size_normal", "S", "size", List.of()));
        assertEquals(List.of(), SpecCaseCount.differences(declared, keys));
        assertEquals(3, SpecCaseCount.total(declared));
    }

    @Test
    void aSpecCaseKeyDoesNotSeeIsNamed() {
        Map<String, Integer> declared = JmlSource.specCases(JmlSource.scan(Path.of("S.java"), SOURCE));
        List<Obligation> keys = List.of(obligation("S_rollback_normal", "S", "rollback", List.of("long")),
                obligation("S_size_normal", "S", "size", List.of()));
        List<String> d = SpecCaseCount.differences(declared, keys);
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("S#rollback(long): the source declares 2"), d.get(0));
    }

    @Test
    void aSpecCaseDeletedFromTheSourceIsNamed() {
        String fewer = SOURCE.replace("    @ also public exceptional_behavior\n    @   signals_only RuntimeException;\n", "");
        Map<String, Integer> declared = JmlSource.specCases(JmlSource.scan(Path.of("S.java"), fewer));
        List<Obligation> keys = List.of(obligation("S_rollback_normal", "S", "rollback", List.of("long")),
                obligation("S_rollback_exceptional", "S", "rollback", List.of("long")),
                obligation("S_size_normal", "S", "size", List.of()));
        assertEquals(List.of("S#rollback(long): the source declares 1 spec case(s), KeY has 2 obligation(s)"),
                SpecCaseCount.differences(declared, keys));
    }

    @Test
    void theModelDeclaresEveryCaseOfMain() {
        // main c78da80 had 136 obligations; this branch adds ErrorCode.name (1), rollback's capacity
        // and seq-exhausted cases (2), the new-key cases of CacheNode.load and receive (2) and the
        // contract of CacheNode(int,int) (3). Pinned here so that a lost case is seen even without KeY.
        Map<String, Integer> declared = JmlSource.specCases(JmlSource.scanFolder(KeyProofsTest.moduleDir().resolve("src/main/java")));
        assertEquals(136 + 1 + 2 + 2 + 3, SpecCaseCount.total(declared), declared.toString());
        assertEquals(5, declared.get("DeltaStream#rollback(long,long)"));
        assertEquals(3, declared.get("CacheNode#CacheNode(int,int)"));
    }
}
