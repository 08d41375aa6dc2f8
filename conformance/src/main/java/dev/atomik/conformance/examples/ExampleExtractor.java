package dev.atomik.conformance.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the examples of the spec: every paragraph starting {@code Example: } (continued over its
 * wrapped lines until a blank line, a heading, {@code Intent:}, {@code Note:} or another example),
 * and every fenced JSON block that is a hello (the protocol's handshake sample must be accepted).
 */
public final class ExampleExtractor {
    private static final Pattern HEADING = Pattern.compile("^### ([A-Z]+(?:-[A-Z]+)*-[0-9]+) · (MUST|SHOULD|MAY)\\s*$");
    private static final String PREFIX = "Example: ";

    private ExampleExtractor() {
    }

    /** Every example of every {@code *.md} file directly in {@code specDir}, by file name then line. */
    public static List<SpecExample> fromDirectory(Path specDir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(specDir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        List<SpecExample> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(extract(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
        }
        return out;
    }

    public static List<SpecExample> extract(String file, String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<SpecExample> out = new ArrayList<>();
        String clause = null;
        boolean fenced = false;
        StringBuilder block = null;
        int blockLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("```")) {
                if (!fenced) {
                    fenced = true;
                    block = line.strip().equals("```json") ? new StringBuilder() : null;
                    blockLine = i + 2;
                } else {
                    fenced = false;
                    if (block != null && block.toString().strip().startsWith("{\"type\":\"hello\"")
                            && block.toString().contains("\"capabilities\"")) {
                        out.add(new SpecExample(file, blockLine, clause == null ? "PROTO-HELLO-1" : clause, "hello " + block.toString().strip() + " → accepted"));
                    }
                    block = null;
                }
                continue;
            }
            if (fenced) {
                if (block != null) {
                    block.append(line.strip()).append(' ');
                }
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                clause = h.group(1);
                continue;
            }
            if (line.startsWith("#")) {
                clause = null;
                continue;
            }
            if (!line.startsWith(PREFIX)) {
                continue;
            }
            StringBuilder text = new StringBuilder(line.substring(PREFIX.length()).strip());
            int j = i + 1;
            while (j < lines.length && continues(lines[j])) {
                text.append(' ').append(lines[j].strip());
                j++;
            }
            // An example is a sentence: its closing full stop is not part of the last result.
            String joined = text.toString().strip();
            if (joined.endsWith(".")) {
                joined = joined.substring(0, joined.length() - 1);
            }
            out.add(new SpecExample(file, i + 1, clause, joined));
            i = j - 1;
        }
        return out;
    }

    private static boolean continues(String line) {
        String t = line.strip();
        return !t.isEmpty() && !line.startsWith("#") && !t.startsWith("Intent:") && !t.startsWith("Note:")
                && !t.startsWith("Example:") && !t.startsWith("```") && !t.startsWith("|");
    }
}
