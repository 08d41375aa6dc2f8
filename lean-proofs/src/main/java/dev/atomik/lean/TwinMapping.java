package dev.atomik.lean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The committed mapping {@code twins.json}: for every theorem, the statement hash it was written for and
 * its twins; plus an SMT-LIB prelude of definitions that mirror the Lean ones.
 */
public final class TwinMapping {
    /** One theorem's entry. */
    /** One theorem's entry; {@code confirmedHash} is the {@link TwinHash} the pair was last confirmed for. */
    public record Entry(String theorem, String confirmedHash, List<Twin> twins) {
    }

    private final String smtPrelude;
    private final Map<String, Entry> entries;

    private TwinMapping(String smtPrelude, Map<String, Entry> entries) {
        this.smtPrelude = smtPrelude;
        this.entries = entries;
    }

    public String smtPrelude() {
        return smtPrelude;
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    /** Reads the mapping; a malformed file fails with the file and the offending entry named. */
    public static TwinMapping read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not readable JSON: " + e.getMessage(), e);
        }
        String prelude = root.path("smtPrelude").isArray() ? joinLines(root.path("smtPrelude")) : root.path("smtPrelude").asText("");
        JsonNode theorems = root.path("theorems");
        if (!theorems.isObject()) {
            throw new IllegalArgumentException(file + ": expected an object \"theorems\"");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = theorems.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode node = e.getValue();
            List<Twin> twins = new ArrayList<>();
            for (JsonNode t : node.path("twins")) {
                String kindText = t.path("kind").asText("");
                Twin.Kind kind;
                try {
                    kind = Twin.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(file + ": theorem " + name + ": unknown twin kind \"" + kindText
                            + "\" (expected z3, jqwik, exhaustive, key or trace)");
                }
                String smt = t.path("smt").isArray() ? joinLines(t.path("smt")) : t.path("smt").asText(null);
                String ref = t.path("ref").asText(kind == Twin.Kind.Z3 ? name : null);
                if (kind == Twin.Kind.Z3 && (smt == null || smt.isBlank())) {
                    throw new IllegalArgumentException(file + ": theorem " + name + ": z3 twin without \"smt\"");
                }
                if (kind != Twin.Kind.Z3 && (ref == null || ref.isBlank())) {
                    throw new IllegalArgumentException(file + ": theorem " + name + ": " + kindText + " twin without \"ref\"");
                }
                Long cases = t.path("cases").isIntegralNumber() ? t.path("cases").asLong() : null;
                if (kind == Twin.Kind.EXHAUSTIVE && cases == null) {
                    throw new IllegalArgumentException(file + ": theorem " + name + ": exhaustive twin " + ref
                            + " without \"cases\" (the size of the domain it enumerates; the harness checks the twin's count)");
                }
                twins.add(new Twin(kind, ref, smt, cases));
            }
            entries.put(name, new Entry(name, node.path("confirmedHash").asText(""), List.copyOf(twins)));
        }
        return new TwinMapping(prelude, entries);
    }

    private static String joinLines(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode line : array) {
            sb.append(line.asText()).append('\n');
        }
        return sb.toString();
    }
}
