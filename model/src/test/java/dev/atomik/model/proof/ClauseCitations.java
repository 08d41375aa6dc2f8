package dev.atomik.model.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The clause IDs each method cites in the {@code Clauses: X, Y.} line of its Javadoc, read from
 * the model's source (KeY does not keep Javadoc). Keyed by {@code Class#method(type,type)} with
 * simple type names, as {@link Obligation#signature()} builds them.
 */
final class ClauseCitations {
    private static final String ID = "[A-Z]+(?:-[A-Z]+)*-[0-9]+";
    private static final Pattern CLAUSES = Pattern.compile("Clauses:\\s*(" + ID + "(?:\\s*,\\s*" + ID + ")*)");
    private static final Pattern ONE_ID = Pattern.compile(ID);
    /** A JML annotation comment, plain ({@code /*@}) or keyed for one tool ({@code /*+KeY@}, {@code /*-KeY@}). */
    private static final Pattern JML_START = Pattern.compile("/\\*[+-]?\\w*@");
    /** A method or constructor header: modifiers, optional JML, optional type, name, parameters. */
    private static final Pattern DECLARATION = Pattern.compile(
            "^\\s*(?:(?:public|private|protected|static|final|synchronized)\\s+|/\\*[+-]?\\w*@.*?@\\*/\\s*)*"
                    + "(?:[\\w\\[\\]<>.]+\\s+)?(\\w+)\\s*\\(([^)]*)\\)\\s*(?:throws [\\w., ]+)?\\{?\\s*$");

    /** One citation: where it is and what it names. */
    record Citation(String file, int line, String signature, List<String> ids) {
    }

    private ClauseCitations() {
    }

    /** Every citation in every .java file of the model's package folder. */
    static List<Citation> scan(Path sourceFolder) {
        Path dir = sourceFolder.resolve("dev/atomik/model");
        List<Citation> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
                all.addAll(parse(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model's sources in " + dir, e);
        }
        return all;
    }

    static Map<String, List<String>> bySignature(List<Citation> citations) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Citation c : citations) {
            map.put(c.signature(), c.ids());
        }
        return map;
    }

    /**
     * Parses one source file. A Javadoc's citation belongs to the next declaration after it,
     * skipping JML comments and annotations in between; a Javadoc followed by anything else (a
     * field, a class) is dropped.
     */
    static List<Citation> parse(String fileName, String source) {
        String className = fileName.replaceAll("\\.java$", "");
        String[] lines = source.split("\n", -1);
        List<Citation> out = new ArrayList<>();
        List<String> pending = null;
        int pendingLine = 0;
        boolean inJml = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("/**")) {
                StringBuilder doc = new StringBuilder();
                int start = i;
                while (true) {
                    doc.append(lines[i].replaceFirst("^\\s*(/\\*\\*|\\*/|\\*)?", "")).append(' ');
                    if (lines[i].contains("*/") || i + 1 >= lines.length) {
                        break;
                    }
                    i++;
                }
                pending = ids(doc.toString().replace("*/", " ").replaceAll("\\s+", " "));
                pendingLine = start + 1;
                continue;
            }
            if (inJml) {
                inJml = !line.contains("@*/") && !line.endsWith("*/");
                continue;
            }
            if (JML_START.matcher(line).lookingAt()) {
                inJml = !(line.contains("@*/") || line.endsWith("*/"));
                continue;
            }
            if (line.isEmpty() || line.startsWith("//") || line.startsWith("@")) {
                continue;
            }
            Matcher m = DECLARATION.matcher(lines[i]);
            if (pending != null && m.matches() && !isKeyword(m.group(1))) {
                String signature = className + "#" + m.group(1) + "(" + String.join(",", paramTypes(m.group(2))) + ")";
                out.add(new Citation(fileName, pendingLine, signature, pending));
            }
            pending = null;
        }
        return out;
    }

    private static boolean isKeyword(String word) {
        return List.of("if", "for", "while", "switch", "return", "new", "catch", "synchronized").contains(word);
    }

    private static List<String> ids(String javadoc) {
        Matcher m = CLAUSES.matcher(javadoc);
        List<String> ids = new ArrayList<>();
        if (m.find()) {
            Matcher id = ONE_ID.matcher(m.group(1));
            while (id.find()) {
                ids.add(id.group());
            }
        }
        return ids;
    }

    /** {@code final /*@ nullable @*&#47; long x, byte[] b} becomes [long, byte[]]. */
    static List<String> paramTypes(String params) {
        List<String> types = new ArrayList<>();
        String cleaned = params.replaceAll("/\\*[+-]?\\w*@.*?@\\*/", " ").strip();
        if (cleaned.isEmpty()) {
            return types;
        }
        for (String p : cleaned.split(",")) {
            String[] words = p.strip().replace("final ", "").strip().split("\\s+");
            String type = words.length >= 2 ? words[words.length - 2] : words[0];
            types.add(KeyProver.simpleName(type));
        }
        return types;
    }
}
