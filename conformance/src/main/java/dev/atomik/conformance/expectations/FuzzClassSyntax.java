package dev.atomik.conformance.expectations;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The syntax of a fuzz CLASS, {@code <op>/<difference>} (DESIGN-12), shared by the expectations
 * file and the fuzzer's {@code --waive} so both accept exactly the same names.
 */
public final class FuzzClassSyntax {
    /** How the two sides differed: a result, an error code, or one errored and the other did not. */
    public static final List<String> DIFFERENCES = List.of("value", "error-code", "error-vs-success");
    private static final Pattern OP = Pattern.compile("[a-z][a-z0-9_]*");

    private FuzzClassSyntax() {
    }

    /** Null when {@code text} is a valid CLASS, else what was expected, for the user. */
    public static String problem(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return "fuzz class \"" + text + "\" is not <op>/<difference> (e.g. swap/value)";
        }
        String op = text.substring(0, slash);
        String difference = text.substring(slash + 1);
        if (!OP.matcher(op).matches()) {
            return "fuzz class \"" + text + "\": op \"" + op + "\" is not a lower-case op name (e.g. swap)";
        }
        if (!DIFFERENCES.contains(difference)) {
            return "fuzz class \"" + text + "\": difference \"" + difference + "\" is not one of "
                    + String.join(", ", DIFFERENCES);
        }
        return null;
    }
}
