package dev.atomik.model.proof;

import java.util.List;

/**
 * One proof result as one line of text, how a worker JVM hands its results to the build:
 * {@code id TAB status TAB nodes TAB ruleApps TAB openGoals TAB maxSteps TAB seconds TAB detail},
 * with tabs, newlines and backslashes in the detail escaped.
 */
final class ResultLine {
    private ResultLine() {
    }

    static String encode(ProofResult r) {
        return String.join("\t", r.obligation().id(), r.status(), Integer.toString(r.nodes()),
                Integer.toString(r.ruleApps()), Integer.toString(r.openGoals()), Integer.toString(r.maxSteps()),
                Double.toString(r.seconds()), escape(r.detail()));
    }

    /** The id a line reports on; the line must come from {@link #encode}. */
    static String id(String line) {
        return line.substring(0, line.indexOf('\t'));
    }

    static ProofResult decode(String line, Obligation o, List<String> clauses) {
        String[] f = line.split("\t", -1);
        if (f.length != 8 || !f[0].equals(o.id())) {
            throw new IllegalArgumentException("not a result line for " + o.id() + ": " + line);
        }
        return new ProofResult(o, clauses, f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                Integer.parseInt(f[5]), Double.parseDouble(f[6]), unescape(f[7]));
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
