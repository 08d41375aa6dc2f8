package dev.atomik.conformance.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.conformance.adapter.Adapter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator takes expectations from the model and refuses definitions the model contradicts. */
class GoldenGeneratorTest {

    private static String render(TraceDef def) throws Exception {
        try (Adapter model = GoldenFiles.openModel()) {
            model.hello();
            return new GoldenGenerator(model).render(def);
        }
    }

    @Test
    void expectationsComeFromTheModel() throws Exception {
        String text = render(TraceBuilder.trace("test", "context/t", "LOAD then READ.", "CTX-LOAD-1")
                .context(8).load(0, 0x1ff).read(0).build());
        String[] lines = text.split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].contains("\"requires\":{\"kind\":\"context\",\"widths\":[8],\"contexts\":1,"
                + "\"ops\":[\"init\",\"load\",\"read\"],\"nodes\":1}"), lines[0]);
        assertTrue(lines[0].endsWith("\"origin\":{\"kind\":\"generated\",\"generator\":\"golden/test\",\"seed\":\"0x0\"}}"), lines[0]);
        assertEquals("{\"op\":\"read\",\"expect\":\"0xff\"}", lines[3], "VAL-MASK-1 masks 0x1ff to 0xff at width 8");
    }

    @Test
    void aStepMeantToFailThatSucceedsIsRefused() {
        TraceDef wrong = TraceBuilder.trace("test", "context/t", "x", "CTX-LOAD-1").context(8).read(0).fails().build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> render(wrong));
        assertTrue(e.getMessage().contains("context/t step 2 (read): meant to fail"), e.getMessage());
    }

    @Test
    void aStepMeantToSucceedThatFailsIsRefused() {
        TraceDef wrong = TraceBuilder.trace("test", "table/t", "x", "TBL-ADDR-1").table(8, 2).read(2).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> render(wrong));
        assertTrue(e.getMessage().contains("meant to succeed"), e.getMessage());
    }

    @Test
    void catalogIdsAreUniqueAreaSlashNameAndOutsideReplication() {
        List<TraceDef> all = Catalog.all();
        assertTrue(all.size() >= 70, "at least 70 generated traces, found " + all.size());
        for (TraceDef def : all) {
            assertTrue(def.id().matches("[a-z]+/[a-z0-9-]+"), "bad id " + def.id());
            assertTrue(!def.clauses().isEmpty(), def.id() + " cites no clause");
        }
    }
}
