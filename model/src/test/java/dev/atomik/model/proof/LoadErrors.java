package dev.atomik.model.proof;

import de.uka.ilkd.key.java.PosConvertException;
import de.uka.ilkd.key.parser.Location;
import de.uka.ilkd.key.util.parsing.HasLocation;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the chained exception KeY throws when the Java or JML does not parse into one line:
 * {@code File.java:LINE:COL: innermost message}. KeY wraps the real cause several levels deep
 * (KEY-NOTES), so the top-level message is useless to the engineer who broke the JML.
 */
final class LoadErrors {
    /** Recoder's fallback form inside messages: {@code @132/41 in "FILE:/path/X.java"}. */
    private static final Pattern RECODER_POSITION = Pattern.compile("@(\\d+)/(\\d+) in \"?FILE:([^\"\\s]+)\"?");

    private LoadErrors() {
    }

    static String describe(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Throwable innermost = chain.get(chain.size() - 1);
        String where = null;
        // The innermost exception that knows its location names the offending file and line.
        for (int i = chain.size() - 1; i >= 0 && where == null; i--) {
            where = locationOf(chain.get(i));
        }
        String message = firstLine(innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage());
        if (where == null) {
            Matcher m = RECODER_POSITION.matcher(message);
            if (m.find()) {
                where = fileName(m.group(3)) + ":" + m.group(1) + ":" + m.group(2);
            }
        }
        return (where == null ? "(location unknown)" : where) + ": " + message;
    }

    private static String locationOf(Throwable t) {
        try {
            if (t instanceof HasLocation) {
                Location location = ((HasLocation) t).getLocation();
                if (location != null && location != Location.UNDEFINED && location.getFileURI().isPresent()) {
                    return format(location.getFileURI().get(), location.getPosition().line(), location.getPosition().column());
                }
            }
            if (t instanceof PosConvertException) {
                PosConvertException p = (PosConvertException) t;
                Matcher m = RECODER_POSITION.matcher(String.valueOf(p.getMessage()));
                if (m.find()) {
                    return fileName(m.group(3)) + ":" + p.getPosition().line() + ":" + p.getPosition().column();
                }
            }
        } catch (Exception ignored) {
            // A malformed location is no reason to hide the message itself.
        }
        return null;
    }

    private static String format(URI uri, int line, int column) {
        String file = "file".equals(uri.getScheme()) ? Path.of(uri).toString() : uri.toString();
        return fileName(file) + ":" + line + ":" + column;
    }

    /** The path relative to the model's source folder when possible: short and clickable. */
    private static String fileName(String path) {
        int at = path.indexOf("dev/atomik/");
        return at >= 0 ? path.substring(at) : path;
    }

    private static String firstLine(String s) {
        String trimmed = s.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
    }
}
