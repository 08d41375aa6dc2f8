package dev.atomik.conformance.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomik.conformance.coverage.CoverageMatrix;
import dev.atomik.conformance.coverage.Waiver;
import dev.atomik.spec.Clause;
import dev.atomik.spec.ClauseIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The chain of evidence for each clause, read from the repository's files: JML contracts of the
 * model (source comments) with KeY's status from {@code model/target/key-report.json}, golden
 * traces and waivers (the coverage matrix), and Lean theorems with their twins (the generated table
 * of lean-proofs/README.md). The model is read as text, never loaded: this is a report, and the
 * layering keeps conformance away from the model's classes.
 */
public final class Evidence {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLAUSES = Pattern.compile("Clauses?:\\s*([A-Z][A-Z0-9-]*(?:\\s*,\\s*[A-Z][A-Z0-9-]*)*)");
    private static final Pattern DECLARATION = Pattern.compile(
            "^\\s*(?:public|protected|private|static|final|synchronized|\\s)*[\\w<>\\[\\], ]*?\\b(\\w+)\\s*\\(");

    /** Where KeY writes its report; absent until the model module's tests ran. */
    public static final String KEY_REPORT = "model/target/key-report.json";

    private final Path root;
    private final ClauseIndex index;
    private final CoverageMatrix coverage;
    private final List<Contract> contracts;
    private final List<Theorem> theorems;
    private final boolean keyRun;

    private Evidence(Path root, ClauseIndex index, CoverageMatrix coverage, List<Contract> contracts,
                     List<Theorem> theorems, boolean keyRun) {
        this.root = root;
        this.index = index;
        this.coverage = coverage;
        this.contracts = contracts;
        this.theorems = theorems;
        this.keyRun = keyRun;
    }

    /** Reads the evidence of the repository at {@code root}. */
    public static Evidence read(Path root) throws IOException {
        if (!Files.isRegularFile(root.resolve("spec/context.md"))) {
            throw new IOException(root + " is not the kit's repository (no spec/context.md); run inside the checkout");
        }
        ClauseIndex index = ClauseIndex.fromDirectory(root.resolve("spec"));
        CoverageMatrix coverage = CoverageMatrix.compute(index, root.resolve("conformance/traces"),
                root.resolve("conformance/waivers.json"));
        Path report = root.resolve(KEY_REPORT);
        JsonNode key = Files.isRegularFile(report) ? JSON.readTree(report.toFile()) : null;
        return new Evidence(root, index, coverage, contracts(root, key), theorems(root), key != null);
    }

    public Path root() {
        return root;
    }

    public ClauseIndex index() {
        return index;
    }

    public CoverageMatrix coverage() {
        return coverage;
    }

    /** True when {@code model/target/key-report.json} exists; otherwise every contract is "not run". */
    public boolean keyRun() {
        return keyRun;
    }

    public Optional<Clause> clause(String id) {
        return index.get(id);
    }

    public List<Contract> contracts(String clause) {
        return contracts.stream().filter(c -> c.clauses().contains(clause)).toList();
    }

    public List<String> traces(String clause) {
        return coverage.traces(clause);
    }

    public List<Theorem> theorems(String clause) {
        return theorems.stream().filter(t -> t.clauses().contains(clause)).toList();
    }

    public Optional<Waiver> waiver(String clause) {
        return Optional.ofNullable(coverage.waivers().get(clause));
    }

    private static List<Contract> contracts(Path root, JsonNode key) throws IOException {
        Path dir = root.resolve("model/src/main/java/dev/atomik/model");
        List<Contract> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            String className = file.getFileName().toString().replace(".java", "");
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = CLAUSES.matcher(lines.get(i));
                String t = lines.get(i).strip();
                if (!m.find() || !(t.startsWith("/**") || t.startsWith("*"))) {
                    continue;
                }
                String method = methodAfter(lines, i + 1);
                if (method == null) {
                    continue;
                }
                List<String> clauses = Arrays.stream(m.group(1).split(",")).map(String::strip).toList();
                out.add(new Contract(root.relativize(file).toString().replace('\\', '/'), i + 1, className, method,
                        clauses, obligations(key, className, method)));
            }
        }
        return out;
    }

    /** The name of the first declaration after the JML block that follows a Clauses comment. */
    private static String methodAfter(List<String> lines, int from) {
        boolean inJml = false;
        for (int j = from; j < Math.min(lines.size(), from + 60); j++) {
            String t = lines.get(j).strip();
            if (t.startsWith("/*@")) {
                inJml = !t.endsWith("*/") || t.equals("/*@");
                continue;
            }
            if (inJml) {
                inJml = !t.endsWith("@*/") && !t.endsWith("*/");
                continue;
            }
            if (t.isEmpty() || t.startsWith("//") || t.startsWith("@") || t.startsWith("*") || t.startsWith("/*")) {
                continue;
            }
            Matcher d = DECLARATION.matcher(t);
            return d.find() ? d.group(1) : null;
        }
        return null;
    }

    private static List<Contract.Obligation> obligations(JsonNode key, String className, String method) {
        List<Contract.Obligation> out = new ArrayList<>();
        if (key == null) {
            return out;
        }
        for (JsonNode c : key.path("contracts")) {
            if (c.path("class").asText().endsWith(className) && c.path("method").asText().equals(method)) {
                out.add(new Contract.Obligation(c.path("contract").asText(), c.path("status").asText(),
                        c.path("expected").asText("provable")));
            }
        }
        return out;
    }

    /** The rows of the generated theorem table in lean-proofs/README.md. */
    private static List<Theorem> theorems(Path root) throws IOException {
        Path readme = root.resolve("lean-proofs/README.md");
        List<Theorem> out = new ArrayList<>();
        if (!Files.isRegularFile(readme)) {
            return out;
        }
        boolean inTable = false;
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            if (line.startsWith("| theorem |")) {
                inTable = true;
                continue;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1);
            if (cells.length < 6) {
                continue;
            }
            out.add(new Theorem(cells[0].strip().replace("`", ""), cells[1].strip(), cells[2].strip(),
                    split(cells[3]), split(cells[4]), cells[5].strip()));
        }
        return out;
    }

    private static List<String> split(String cell) {
        return Arrays.stream(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
