package dev.atomik.conformance.snippet;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts snippet text into statements: {@code ;} ends one (and a line end, in files and on stdin),
 * except inside {@code {…}}, {@code […]} and {@code "…"}. Text in parentheses is a comment and is
 * dropped; backticks (Markdown code quotes around a code or a value) count as spaces.
 */
public final class Statements {

    /** One statement and the source line it starts on. */
    public record Statement(String text, int line) {
    }

    private Statements() {
    }

    public static List<Statement> split(String source, String text, boolean lineEndsStatement) throws SnippetException {
        List<Statement> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = 1;
        int nesting = 0;
        int comment = 0;
        int commentLine = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (comment > 0) {
                if (c == '(') {
                    comment++;
                } else if (c == ')') {
                    comment--;
                }
                continue;
            }
            if (quoted) {
                current.append(c);
                quoted = c != '"';
                continue;
            }
            switch (c) {
                case '"' -> { quoted = true; current.append(c); }
                case '(' -> { if (nesting == 0) { comment = 1; commentLine = line; } else { current.append(c); } }
                case '{', '[' -> { nesting++; current.append(c); }
                case '}', ']' -> {
                    if (--nesting < 0) {
                        throw new SnippetException(source + ":" + line + ": '" + c + "' without an opening bracket");
                    }
                    current.append(c);
                }
                case '`' -> current.append(' ');
                case ';' -> {
                    if (nesting == 0) {
                        startLine = flush(out, current, startLine, line);
                    } else {
                        current.append(c);
                    }
                }
                case '\n', '\r' -> {
                    if (lineEndsStatement && nesting == 0) {
                        startLine = flush(out, current, startLine, line);
                    } else {
                        current.append(' ');
                    }
                }
                default -> current.append(c);
            }
        }
        if (comment > 0) {
            throw new SnippetException(source + ":" + commentLine + ": comment '(' is never closed");
        }
        if (quoted) {
            throw new SnippetException(source + ":" + line + ": a '\"' is never closed");
        }
        if (nesting > 0) {
            throw new SnippetException(source + ":" + line + ": a '{' or '[' is never closed");
        }
        flush(out, current, startLine, line);
        return out;
    }

    /** Adds the statement if it has any text; returns where the next one starts. */
    private static int flush(List<Statement> out, StringBuilder current, int startLine, int line) {
        String text = current.toString().strip();
        if (!text.isEmpty() && !text.startsWith("//")) {
            out.add(new Statement(text, startLine));
        }
        current.setLength(0);
        return line;
    }
}
