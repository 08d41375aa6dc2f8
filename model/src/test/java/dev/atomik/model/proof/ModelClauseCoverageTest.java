package dev.atomik.model.proof;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atomik.spec.Clause;
import dev.atomik.spec.ClauseIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every spec clause that constrains the model is cited by at least one JML contract (a
 * {@code Clauses:} line in the model's sources, proved by KeY) or one property/exhaustive check
 * (a test method named {@code required_<CLAUSE>_…} or {@code exhaustive_<CLAUSE>_…}).
 */
class ModelClauseCoverageTest {

    /** The spec files whose clauses constrain the model. */
    private static final Set<String> MODEL_FILES = Set.of(
            "values.md", "context.md", "table.md", "stream.md", "wire.md", "errors.md", "replication.md",
            "non-guarantees.md");

    /** Clauses of those files that do not constrain the model, and why. */
    private static final Map<String, String> NOT_MODEL = Map.of(
            "VAL-WIDTH-2", "a capability other implementations declare; the model supports every width",
            "VAL-WIDE-1", "words wider than 64 bits are outside the model and the wire format",
            "VAL-HEX-1", "notation of traces and of the adapter protocol, not of the model",
            "ERR-CODES-1", "spelling of codes on the wire; the model's codes are ErrorCode constants",
            "REP-DEDUP-1", "the transport's job: replication/DeliveryLayer and its tests",
            "REP-REPAIR-1", "the transport's job: replication/Repair and its tests",
            "NG-ORDER-1", "a MAY about the transport; the model's order-independence is CTX-ALG-1 and REP-CONV-1",
            "NG-SWAP-1", "a statement about replicas, shown by replication/ tests and traces; STR-SWAP-1 is the model's part");

    private static final Pattern TEST_NAME = Pattern.compile("\\b(?:required|exhaustive)_([A-Z]+(?:_[A-Z]+)*_[0-9]+)_");

    @Test
    void everyModelClauseIsCitedByAContractOrAProperty() throws IOException {
        Set<String> cited = new TreeSet<>();
        for (ClauseCitations.Citation c : ClauseCitations.scan(KeyProofsTest.sourceFolder())) {
            cited.addAll(c.ids());
        }
        Path tests = KeyProofsTest.sourceFolder().resolve("../../test/java").normalize();
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TEST_NAME.matcher(Files.readString(file));
                while (m.find()) {
                    cited.add(m.group(1).replace('_', '-'));
                }
            }
        }
        List<String> uncited = new ArrayList<>();
        for (Clause clause : ClauseIndex.load().all()) {
            if (MODEL_FILES.contains(clause.file()) && !NOT_MODEL.containsKey(clause.id()) && !cited.contains(clause.id())) {
                uncited.add(clause.id() + " (" + clause.file() + ")");
            }
        }
        assertTrue(uncited.isEmpty(), "clauses that constrain the model but no contract or property cites: " + uncited);
        for (String id : NOT_MODEL.keySet()) {
            assertTrue(ClauseIndex.load().contains(id), "exemption for unknown clause " + id);
        }
    }
}
