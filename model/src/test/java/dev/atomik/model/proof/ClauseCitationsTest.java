package dev.atomik.model.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.spec.ClauseIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every clause ID the model cites in a {@code Clauses:} line exists in the spec (ANCHORS L17). */
class ClauseCitationsTest {

    @Test
    void everyCitedClauseExistsInTheSpec() {
        ClauseIndex spec = ClauseIndex.load();
        List<ClauseCitations.Citation> citations = ClauseCitations.scan(KeyProofsTest.sourceFolder());
        assertTrue(citations.size() >= 25, "expected the model's contracts to cite clauses, found " + citations.size() + " citations");
        List<String> unknown = new ArrayList<>();
        for (ClauseCitations.Citation c : citations) {
            for (String id : c.ids()) {
                if (!spec.contains(id)) {
                    unknown.add(c.file() + ":" + c.line() + " (" + c.signature() + ") cites unknown clause " + id);
                }
            }
        }
        assertTrue(unknown.isEmpty(), String.join("\n", unknown));
    }

    @Test
    void citationsAttachToTheNextDeclarationPastJml() {
        String source = String.join("\n",
                "package p;",
                "/** Clauses: CTX-LOAD-1. A class Javadoc is not a method's. */",
                "public final class Demo {",
                "    /** Clauses: WIRE-LEN-1. */",
                "    public static final int LENGTH = 16;",
                "    /**",
                "     * Clauses: STR-ACCUM-1, STR-SEQ-1,",
                "     * CTX-ACCUM-1. Spans lines.",
                "     */",
                "    /*@ public normal_behavior",
                "      @   ensures true;",
                "      @*/",
                "    public DeltaMessage accum(long address, final long delta) {",
                "    }",
                "    /** No citation. */",
                "    //@ ensures true;",
                "    public /*@ pure @*/ int width() {",
                "    }",
                "    /** Clauses: WIRE-FIELDS-1. */",
                "    private static void put(byte[] out, /*@ nullable @*/ Demo d) {",
                "    }",
                "}");
        List<ClauseCitations.Citation> found = ClauseCitations.parse("Demo.java", source);
        assertEquals(3, found.size(), found.toString());
        assertEquals("Demo#accum(long,long)", found.get(0).signature());
        assertEquals(List.of("STR-ACCUM-1", "STR-SEQ-1", "CTX-ACCUM-1"), found.get(0).ids());
        assertEquals(6, found.get(0).line());
        assertEquals("Demo#width()", found.get(1).signature());
        assertTrue(found.get(1).ids().isEmpty());
        assertEquals("Demo#put(byte[],Demo)", found.get(2).signature());
        assertEquals(List.of("WIRE-FIELDS-1"), found.get(2).ids());
    }

    @Test
    void keyedAnnotationsForOneToolAreSkippedLikeOtherJml() {
        String source = String.join("\n",
                "public final class Demo {",
                "    /** Clauses: STR-SPARSE-1. */",
                "    /*@ public normal_behavior",
                "      @   ensures true;",
                "      @*/",
                "    public /*@ pure @*/ /*+KeY@ strictly_pure @*/ int find(long address) {",
                "        /*+KeY@ assignable \\strictly_nothing; @*/",
                "        /*-KeY@ assignable \\nothing; @*/",
                "        return -1;",
                "    }",
                "}");
        List<ClauseCitations.Citation> found = ClauseCitations.parse("Demo.java", source);
        assertEquals(1, found.size(), found.toString());
        assertEquals("Demo#find(long)", found.get(0).signature());
        assertEquals(List.of("STR-SPARSE-1"), found.get(0).ids());
    }

    @Test
    void aMisspelledCitationIsCaught() {
        List<ClauseCitations.Citation> found = ClauseCitations.parse("X.java",
                "/** Clauses: CTX-LAOD-1. */\npublic void load(long v) {\n}\n");
        assertFalse(ClauseIndex.load().contains(found.get(0).ids().get(0)), "CTX-LAOD-1 must not be a clause");
    }

    @Test
    void constructorsAreKeyedByTheirClassName() {
        List<ClauseCitations.Citation> found = ClauseCitations.parse("Table.java",
                "/** Clauses: TBL-SIZE-1. */\n    public Table(int width, int size) {\n}\n");
        assertEquals("Table#Table(int,int)", found.get(0).signature());
        assertTrue(Path.of("Table.java").toString().endsWith("Table.java"));
    }
}
