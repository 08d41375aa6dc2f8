package dev.atomik.lean;

import dev.atomik.spec.ClauseIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a Lean project's sources: every theorem (name, file, statement, docstring clauses), and the
 * lints that need no Lean toolchain (forbidden words, files not imported from the root module).
 */
public final class LeanInventory {
    /** Words that let a proof skip the kernel or assume what it should prove. */
    static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(sorry|admit|native_decide|bv_decide|ofReduceBool|implemented_by|extern|unsafe|skipKernelTC)\\b");
    /** An axiom declaration, possibly after attributes and modifiers. */
    static final Pattern AXIOM_DECL = Pattern.compile(
            "^\\s*(?:@\\[[^\\]]*\\]\\s*)*(?:(?:private|protected|noncomputable|partial)\\s+)*axiom\\b");
    private static final Pattern THEOREM = Pattern.compile(
            "^\\s*(?:@\\[[^\\]]*\\]\\s*)*(?:(?:private|protected)\\s+)*(theorem|lemma)\\s+([^\\s(:{\\[]+)");
    private static final Pattern NAMESPACE = Pattern.compile("^\\s*namespace\\s+(\\S+)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*end\\s+(\\S+)\\s*$");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(\\S+)\\s*$");

    private final List<LeanTheorem> theorems = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> files = new ArrayList<>();

    private LeanInventory() {
    }

    public List<LeanTheorem> theorems() {
        return theorems;
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<String> files() {
        return files;
    }

    /**
     * Scans {@code root} (the folder holding {@code lakefile.lean} and {@code <rootModule>.lean}).
     * Clause IDs cited in docstrings are checked against {@code clauses}.
     */
    public static LeanInventory scan(Path root, String rootModule, ClauseIndex clauses) {
        LeanInventory inv = new LeanInventory();
        List<Path> leanFiles;
        try (Stream<Path> walk = Files.walk(root)) {
            leanFiles = walk.filter(p -> p.toString().endsWith(".lean"))
                    .filter(p -> !isBuildOutput(root.relativize(p)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Lean sources under " + root, e);
        }
        Set<String> rootImports = new HashSet<>();
        Path rootFile = root.resolve(rootModule + ".lean");
        if (!Files.isRegularFile(rootFile)) {
            inv.findings.add(new Finding(Finding.Kind.BAD_IMPORT, rootModule + ".lean", "root module file is missing"));
        }
        Set<String> seenNames = new HashSet<>();
        for (Path p : leanFiles) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            inv.files.add(rel);
            List<String> lines = read(p);
            inv.lint(rel, lines);
            if (p.equals(rootFile)) {
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = IMPORT.matcher(lines.get(i));
                    if (m.matches()) {
                        rootImports.add(m.group(1));
                        Path target = root.resolve(m.group(1).replace('.', '/') + ".lean");
                        if (!Files.isRegularFile(target)) {
                            inv.findings.add(new Finding(Finding.Kind.BAD_IMPORT, rel + ":" + (i + 1),
                                    "imports " + m.group(1) + " but " + root.relativize(target) + " does not exist"));
                        }
                    }
                }
            }
            inv.collectTheorems(rel, lines, clauses, seenNames);
        }
        for (String rel : inv.files) {
            if (rel.startsWith(rootModule + "/")) {
                String module = rel.substring(0, rel.length() - ".lean".length()).replace('/', '.');
                if (!rootImports.contains(module)) {
                    inv.findings.add(new Finding(Finding.Kind.NOT_IMPORTED, rel,
                            "not imported from " + rootModule + ".lean: add `import " + module + "` there"));
                }
            } else if (!rel.equals(rootModule + ".lean") && !rel.equals("lakefile.lean")) {
                inv.findings.add(new Finding(Finding.Kind.NOT_IMPORTED, rel,
                        "Lean file outside " + rootModule + "/ is never built; move it under " + rootModule + "/"));
            }
        }
        return inv;
    }

    private static boolean isBuildOutput(Path rel) {
        String first = rel.getNameCount() > 0 ? rel.getName(0).toString() : "";
        return first.equals(".lake") || first.startsWith("target") || first.equals("build") || first.equals("src");
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private void lint(String rel, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = FORBIDDEN.matcher(lines.get(i));
            while (m.find()) {
                findings.add(new Finding(Finding.Kind.FORBIDDEN_WORD, rel + ":" + (i + 1),
                        "forbidden word `" + m.group(1) + "`"));
            }
            if (AXIOM_DECL.matcher(lines.get(i)).find()) {
                findings.add(new Finding(Finding.Kind.FORBIDDEN_WORD, rel + ":" + (i + 1),
                        "forbidden `axiom` declaration"));
            }
        }
    }

    private void collectTheorems(String rel, List<String> lines, ClauseIndex clauses, Set<String> seenNames) {
        Deque<String> namespaces = new ArrayDeque<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher ns = NAMESPACE.matcher(line);
            if (ns.matches()) {
                namespaces.push(ns.group(1));
                continue;
            }
            Matcher end = END.matcher(line);
            if (end.matches() && !namespaces.isEmpty() && namespaces.peek().equals(end.group(1))) {
                namespaces.pop();
                continue;
            }
            Matcher th = THEOREM.matcher(line);
            if (!th.find()) {
                continue;
            }
            String where = rel + ":" + (i + 1);
            List<String> path = new ArrayList<>(namespaces);
            java.util.Collections.reverse(path);
            path.add(th.group(2));
            String name = String.join(".", path);
            String statement = statementFrom(lines, i, th.end());
            String doc = docstringBefore(lines, i);
            if (!seenNames.add(name)) {
                findings.add(new Finding(Finding.Kind.DUPLICATE_THEOREM, where, name + " is declared twice"));
            }
            List<String> cited = new ArrayList<>();
            if (doc == null) {
                findings.add(new Finding(Finding.Kind.NO_DOCSTRING, where,
                        name + " has no docstring `/-- … Clause: ID. -/` right above it"));
                doc = "";
            } else {
                Matcher id = Pattern.compile("\\b" + ClauseIndex.ID.pattern() + "\\b").matcher(doc);
                while (id.find()) {
                    if (!cited.contains(id.group())) {
                        cited.add(id.group());
                    }
                }
                if (cited.isEmpty()) {
                    findings.add(new Finding(Finding.Kind.NO_CLAUSE, where, name + "'s docstring cites no clause ID"));
                }
                for (String c : cited) {
                    if (!clauses.contains(c)) {
                        findings.add(new Finding(Finding.Kind.UNKNOWN_CLAUSE, where,
                                name + " cites " + c + ", which is not in spec/CLAUSES.md"));
                    }
                }
            }
            theorems.add(new LeanTheorem(name, rel, i + 1, statement, summaryOf(doc), List.copyOf(cited),
                    isDefinitional(proofFrom(lines, i), statement)));
        }
    }

    /** Tactics and terms that only unfold definitions or decide an {@code if}: a proof made of them restates a definition. */
    private static final Set<String> DEFINITIONAL_WORDS = Set.of("by", "exact", "refine", "first", "unfold", "rfl", "if_pos",
            "if_neg", "decide", "at", "Iff.rfl", "trivial");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_'.?]*");

    /** The proof: from the first ":=" after the theorem keyword to the next blank line or declaration. */
    private static String proofFrom(List<String> lines, int start) {
        StringBuilder sb = new StringBuilder();
        boolean inProof = false;
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!inProof) {
                int at = line.indexOf(":=");
                if (at < 0) {
                    continue;
                }
                inProof = true;
                line = line.substring(at + 2);
            } else if (line.isBlank() || line.startsWith("/-") || line.startsWith("end ") || line.startsWith("theorem ")) {
                break;
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /**
     * Definition-level: once the restated goals ({@code show …}) and the names the statement binds are set
     * aside, every word of the proof is in {@link #DEFINITIONAL_WORDS} or names a definition it unfolds.
     */
    static boolean isDefinitional(String proof, String statement) {
        Set<String> bound = new HashSet<>();
        Matcher b = WORD.matcher(statement);
        while (b.find()) {
            bound.add(b.group());
        }
        for (String line : proof.split("\n")) {
            // `first | rfl | …` or `first | decide | …`: the kernel-level alternative is tried first.
            if (line.trim().matches("\\|\\s*(rfl|decide)")) {
                return true;
            }
        }
        for (String line : proof.split("\n")) {
            String t = line.trim().replaceFirst("^[·|]\\s*", "");
            if (t.startsWith("show ") || t.isEmpty()) {
                continue;
            }
            boolean unfolding = t.startsWith("unfold ");
            Matcher w = WORD.matcher(t);
            while (w.find()) {
                String word = w.group();
                if (!DEFINITIONAL_WORDS.contains(word) && !bound.contains(word) && !word.equals("_") && !unfolding) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The text after the theorem's name up to the first ":=" (its binders and type). */
    private static String statementFrom(List<String> lines, int start, int column) {
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < lines.size(); i++) {
            String part = i == start ? lines.get(i).substring(column) : lines.get(i);
            int stop = part.indexOf(":=");
            if (stop >= 0) {
                sb.append(part, 0, stop);
                return StatementHash.normalize(sb.toString());
            }
            sb.append(part).append('\n');
        }
        return StatementHash.normalize(sb.toString());
    }

    /** The {@code /-- … -/} block that ends on the line above the theorem (attributes may sit between). */
    private static String docstringBefore(List<String> lines, int theoremLine) {
        int i = theoremLine - 1;
        while (i >= 0 && lines.get(i).trim().startsWith("@[")) {
            i--;
        }
        if (i < 0 || !lines.get(i).trim().endsWith("-/")) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int j = i; j >= 0; j--) {
            sb.insert(0, lines.get(j) + "\n");
            int open = lines.get(j).indexOf("/--");
            if (open >= 0) {
                String text = sb.toString();
                text = text.substring(text.indexOf("/--") + 3, text.lastIndexOf("-/"));
                return text;
            }
            if (lines.get(j).contains("/-") || (j < i && lines.get(j).contains("-/"))) {
                return null;
            }
        }
        return null;
    }

    private static String summaryOf(String doc) {
        String s = doc.replaceAll("\\s+", " ").trim();
        int cut = s.indexOf("Clause");
        if (cut >= 0) {
            s = s.substring(0, cut).trim();
        }
        return s;
    }
}
