package dev.atomik.conformance.adapters.rtl;

import dev.atomik.conformance.bundle.KitResources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the kit's {@code rtl/} folder (reference core and harness) and the top module of a core
 * under test.
 */
public final class RtlSources {
    /** Overrides the search for the {@code rtl/} folder (system property, then environment). */
    public static final String DIR_PROPERTY = "atomik.rtl.dir";
    public static final String DIR_ENV = "ATOMIK_RTL_DIR";

    private static final Pattern MODULE = Pattern.compile("(?m)^\\s*module\\s+([A-Za-z_][A-Za-z0-9_$]*)");

    private RtlSources() {
    }

    /**
     * The {@code rtl/} folder: {@code -Datomik.rtl.dir}, {@code $ATOMIK_RTL_DIR}, {@code $ATOMIK_HOME/rtl} (set by the launcher), the
     * first {@code rtl/} holding {@code harness/atomik_harness.v} in the working directory or a parent, or
     * else the copy built into the jar (so the RTL adapter and {@code rtl testbench} work outside a checkout).
     */
    public static Path rtlDir() {
        String configured = System.getProperty(DIR_PROPERTY, System.getenv(DIR_ENV));
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath();
            if (!Files.isRegularFile(dir.resolve("harness/atomik_harness.v"))) {
                throw new IllegalArgumentException(dir + " (from " + DIR_PROPERTY + "/" + DIR_ENV
                        + ") has no harness/atomik_harness.v");
            }
            return dir;
        }
        String home = System.getenv("ATOMIK_HOME");   // set by the ./atomik launcher
        if (home != null && Files.isRegularFile(Path.of(home, "rtl/harness/atomik_harness.v"))) {
            return Path.of(home, "rtl").toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("rtl/harness/atomik_harness.v"))) {
                return dir.resolve("rtl");
            }
        }
        return KitResources.rtlDir().orElseThrow(() -> new IllegalArgumentException(
                "cannot find the kit's rtl/harness/atomik_harness.v from " + Path.of("").toAbsolutePath()
                        + " and this jar was built without it: run from the kit's checkout or set -D" + DIR_PROPERTY));
    }

    public static Path referenceCore() {
        return rtlDir().resolve("atomik_core.v");
    }

    /** {@code rtl:null}: the do-nothing core that must pass no trace that exercises a core. */
    public static Path nullCore() {
        return rtlDir().resolve("examples/atomik_core_null.v");
    }

    /**
     * The module to test in {@code first}: the module named like the file (my_core.v → my_core), or
     * the only module in it.
     */
    public static String topModule(Path first) {
        String text;
        try {
            text = Files.readString(first, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + first + ": " + e.getMessage(), e);
        }
        List<String> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(text);
        while (m.find()) {
            modules.add(m.group(1));
        }
        String base = first.getFileName().toString().replaceFirst("\\.s?v$", "");
        if (modules.contains(base)) {
            return base;
        }
        if (modules.size() == 1) {
            return modules.get(0);
        }
        throw new IllegalArgumentException(first + " declares modules " + modules + ": name the file after the "
                + "top module with the ATOMiK ports (rtl/README.md), e.g. " + (modules.isEmpty() ? "my_core" : modules.get(0)) + ".v");
    }
}
