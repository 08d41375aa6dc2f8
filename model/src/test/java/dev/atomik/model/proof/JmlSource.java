package dev.atomik.model.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JML annotations of the model's sources, read without KeY or OpenJML: each {@code /*@ … *}{@code /},
 * {@code //@ …} and keyed {@code /*+KeY@ … *}{@code /} / {@code /*-KeY@ … *}{@code /} comment, with its
 * line, its key and what follows it (a loop, or a declaration with its signature). Used by the
 * JML lint (constructs one of the two tools rejects) and to count the spec cases the source
 * declares, which the KeY harness compares with the obligations KeY found.
 */
final class JmlSource {
    /** What the code after an annotation is. */
    enum Target { LOOP, METHOD, OTHER }

    /**
     * One JML comment. {@code key} is "" (both tools read it), "+KeY" (only KeY) or "-KeY" (every
     * tool but KeY, i.e. OpenJML); {@code signature} is {@code Class#method(type,...)} for a
     * method or constructor, as in {@link Obligation#signature()}, else "".
     */
    record Annotation(Path file, int line, String key, String text, Target target, String signature) {
        boolean readByKey() {
            return !key.equalsIgnoreCase("-KeY");
        }

        /** OpenJML's keys are case-sensitive and it enables none but its own: a +KeY comment is skipped. */
        boolean readByOpenJml() {
            return !key.startsWith("+");
        }

        /** Line of character {@code offset} of {@link #text}. */
        int lineOf(int offset) {
            int n = line;
            for (int i = 0; i < offset && i < text.length(); i++) {
                n += text.charAt(i) == '\n' ? 1 : 0;
            }
            return n;
        }
    }

    private static final Pattern START = Pattern.compile("/\\*([+-]\\w+)?@|//([+-]\\w+)?@");
    private static final Pattern LOOP_KEYWORD = Pattern.compile("(for|while|do)\\b");
    private static final Pattern DECLARATION = Pattern.compile("(\\w+)\\s*\\(([^)]*)\\)\\s*(throws[^{;]*)?[{;]");
    private static final Pattern SPEC_CASE = Pattern.compile("\\b(normal_|exceptional_)?behaviou?r\\b");
    private static final Pattern CLAUSE = Pattern.compile("\\b(requires|ensures|signals|signals_only|assignable|accessible)\\b");

    private JmlSource() {
    }

    static List<Annotation> scanFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Annotation> all = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                all.addAll(scan(f, Files.readString(f, StandardCharsets.UTF_8)));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The annotations of one compilation unit; {@code file} only labels them. */
    static List<Annotation> scan(Path file, String src) {
        String cls = className(file);
        List<Annotation> out = new ArrayList<>();
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipLiteral(src, i);
                continue;
            }
            if (c == '/' && i + 1 < src.length() && (src.charAt(i + 1) == '*' || src.charAt(i + 1) == '/')) {
                boolean block = src.charAt(i + 1) == '*';
                int end = block ? src.indexOf("*/", i + 2) : src.indexOf('\n', i);
                end = end < 0 ? src.length() : end;
                Matcher m = START.matcher(src).region(i, src.length());
                if (m.lookingAt() && (m.group(0).startsWith("/*") == block)) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : "";
                    String text = src.substring(m.end(), end);
                    int after = block ? end + 2 : end;
                    String code = codeAfter(src, after);
                    Target target = LOOP_KEYWORD.matcher(code).lookingAt() ? Target.LOOP : Target.OTHER;
                    String signature = "";
                    if (target == Target.OTHER) {
                        signature = signature(cls, code);
                        target = signature.isEmpty() ? Target.OTHER : Target.METHOD;
                    }
                    out.add(new Annotation(file, lineAt(src, m.end()), key, text, target, signature));
                }
                i = block ? Math.min(src.length(), end + 2) : end;
                continue;
            }
            i++;
        }
        return out;
    }

    /** The code after {@code from}, with comments (JML or not) left out, up to the first brace or semicolon. */
    private static String codeAfter(String src, int from) {
        StringBuilder sb = new StringBuilder();
        int i = from;
        while (i < src.length()) {
            if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? src.length() : end + 2;
                sb.append(' ');
                continue;
            }
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
                continue;
            }
            char c = src.charAt(i);
            sb.append(c);
            i++;
            if (c == '{' || c == ';') {
                break;
            }
        }
        return sb.toString().strip();
    }

    /** {@code Class#name(types)} when {@code code} declares a method or constructor, else "". */
    private static String signature(String cls, String code) {
        if (code.contains("=") || code.startsWith("class ") || code.contains(" class ")) {
            return "";
        }
        Matcher m = DECLARATION.matcher(code);
        if (!m.find()) {
            return "";
        }
        List<String> types = new ArrayList<>();
        for (String param : m.group(2).split(",")) {
            String p = param.strip().replaceAll("\\bfinal\\s+", "");
            if (p.isEmpty()) {
                continue;
            }
            int space = p.lastIndexOf(' ');
            types.add(p.substring(0, space).replace(" ", ""));
        }
        return cls + "#" + m.group(1) + "(" + String.join(",", types) + ")";
    }

    private static int skipLiteral(String src, int i) {
        char quote = src.charAt(i);
        int j = i + 1;
        while (j < src.length() && src.charAt(j) != quote && src.charAt(j) != '\n') {
            j += src.charAt(j) == '\\' ? 2 : 1;
        }
        return j + 1;
    }

    private static int lineAt(String src, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) {
            n += src.charAt(i) == '\n' ? 1 : 0;
        }
        return n;
    }

    private static String className(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
    }

    /**
     * Spec cases KeY reads per method signature: each heavyweight case ({@code normal_behavior},
     * {@code exceptional_behavior}, {@code behavior}) is one KeY obligation; a lightweight spec
     * (clauses without a behavior keyword) is one case per {@code also}-separated part. Several
     * annotations before one method add up.
     */
    static Map<String, Integer> specCases(List<Annotation> annotations) {
        Map<String, Integer> out = new TreeMap<>();
        for (Annotation a : annotations) {
            if (a.target() != Target.METHOD || !a.readByKey()) {
                continue;
            }
            String text = withoutComments(a.text());
            int heavy = count(SPEC_CASE, text);
            int cases = heavy > 0 ? heavy : CLAUSE.matcher(text).find() ? 1 + count(Pattern.compile("\\balso\\b"), text) : 0;
            if (cases > 0) {
                out.merge(a.signature(), cases, Integer::sum);
            }
        }
        return out;
    }

    /** The annotation text without the {@code // …} remarks JML allows after a spec keyword. */
    static String withoutComments(String text) {
        return text.replaceAll("//[^\n]*", "");
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
