package dev.atomik.model.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags JML that one of the two tools rejects, so that the model stays inside what KeY 2.12.3 and
 * OpenJML both read (../shared/OPENJML-NOTES.md, KEY-NOTES.md; spec/trust-ledger.md). Each rule
 * names the tool that fails and the fix:
 * <ul>
 * <li>{@code loop-frame}: a loop frame written {@code assignable} (or modifies, modifiable, assigns,
 *     writes) is an OpenJML parse error ("assignable is not a loop specification keyword"); write
 *     {@code loop_writes}, which both read;</li>
 * <li>{@code key-only}: {@code strictly_pure}, {@code \strictly_nothing} or a {@code \dl_} function
 *     in an annotation OpenJML reads; put it in a {@code /*+KeY@ … @*}{@code /} twin;</li>
 * <li>{@code unsigned-shift}: {@code >>>} inside JML does not resolve in KeY 2.12.3; use {@code >>};</li>
 * <li>{@code getMessage}: a model class overriding getMessage contradicts Throwable's library
 *     specification, which OpenJML checks (pass the message to the superclass instead).</li>
 * </ul>
 */
final class JmlLint {
    record Finding(String file, int line, String rule, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": [" + rule + "] " + message;
        }
    }

    private static final Pattern PLAIN_FRAME = Pattern.compile("(?<![\\w\\\\])(assignable|modifies|modifiable|assigns|writes)\\b");
    private static final Pattern KEY_ONLY = Pattern.compile("(?<![\\w])(strictly_pure|\\\\strictly_nothing|\\\\dl_\\w+)");
    private static final Pattern GET_MESSAGE = Pattern.compile("\\bString\\s+getMessage\\s*\\(\\s*\\)");

    private JmlLint() {
    }

    static List<Finding> check(List<JmlSource.Annotation> annotations) {
        List<Finding> out = new ArrayList<>();
        for (JmlSource.Annotation a : annotations) {
            String text = JmlSource.withoutComments(a.text());
            String file = a.file().getFileName().toString();
            if (a.target() == JmlSource.Target.LOOP) {
                Matcher m = PLAIN_FRAME.matcher(text);
                while (m.find()) {
                    out.add(new Finding(file, a.lineOf(m.start()), "loop-frame", "loop frame written '" + m.group(1)
                            + "': OpenJML rejects it (not a loop specification keyword); write loop_writes"));
                }
            }
            if (a.readByOpenJml()) {
                Matcher m = KEY_ONLY.matcher(text);
                while (m.find()) {
                    out.add(new Finding(file, a.lineOf(m.start()), "key-only", "'" + m.group(1)
                            + "' is KeY-only and OpenJML reads this annotation: put it in a /*+KeY@ ... @*/ twin"));
                }
            }
            if (a.readByKey()) {
                int shift = text.indexOf(">>>");
                if (shift >= 0) {
                    out.add(new Finding(file, a.lineOf(shift), "unsigned-shift",
                            "'>>>' in JML does not resolve in KeY 2.12.3: use '>>'"));
                }
            }
        }
        return out;
    }

    /** The getMessage rule, on the Java text itself (no annotation is involved). */
    static List<Finding> checkJava(String file, String src) {
        List<Finding> out = new ArrayList<>();
        Matcher m = GET_MESSAGE.matcher(src);
        while (m.find()) {
            int line = 1;
            for (int i = 0; i < m.start(); i++) {
                line += src.charAt(i) == '\n' ? 1 : 0;
            }
            out.add(new Finding(file, line, "getMessage", "getMessage overridden: OpenJML checks it against Throwable's "
                    + "specification (\\result is the stored message); pass the message to the superclass instead"));
        }
        return out;
    }
}
