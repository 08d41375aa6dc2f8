package dev.atomik.conformance.adapters.rtl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sources and simulator options of {@code --adapter 'rtl:...'} after the optional simulator
 * prefix: comma-separated items, each a Verilog file or an option glued to its value (rtl/README.md,
 * "Sources and options"):
 *
 * <pre>
 *   my_core.v        a source file (the first one names the core under test)
 *   null             the kit's null core, rtl/examples/atomik_core_null.v (first item only)
 *   -Idir            an include directory
 *   -DNAME[=value]   a preprocessor define
 *   -PNAME=value     a parameter of the core's top module (a number or a "string")
 *   -ffiles.f        a file list: one source path per line, relative to the list's folder
 * </pre>
 *
 * Options are glued because the items are already separated by commas; a blank after the option
 * letter is allowed ({@code -I inc}). With no source at all the reference core is used, so
 * {@code rtl:-PDEPTH=16} runs the reference core with 16 contexts.
 *
 * @param sources    absolute source paths, the core under test first
 * @param includes   absolute include directories, in the order given
 * @param defines    define name to value ({@code null}: defined without a value), in order
 * @param parameters parameter name to Verilog constant, in order
 */
record RtlOptions(List<Path> sources, List<Path> includes, Map<String, String> defines,
                  Map<String, String> parameters) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    /** Decimal, based (8'hff, 'd3, 32'sd5) or real numbers, or a string without quotes inside. */
    private static final Pattern CONSTANT = Pattern.compile(
            "-?[0-9][0-9_]*(\\.[0-9_]+)?|-?([0-9][0-9_]*)?'[sS]?[bBoOdDhH][0-9a-fA-FxXzZ?_]+|\"[^\"\\\\]*\"");
    static final String EXPECTED = "expected a Verilog file, null, -I<dir>, -D<NAME>[=value], -P<param>=<value> or -f<file list>";

    RtlOptions {
        sources = List.copyOf(sources);
        includes = List.copyOf(includes);
        defines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defines));
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Parses the items; relative paths are resolved against {@code workingDir}. The reference or
     * null core comes from the kit's rtl/ folder.
     *
     * @throws IllegalArgumentException one line naming the bad item and what was expected
     */
    static RtlOptions parse(String argument, Path workingDir) {
        List<Path> sources = new ArrayList<>();
        List<Path> includes = new ArrayList<>();
        Map<String, String> defines = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        String text = argument == null ? "" : argument.trim();
        String[] items = text.isEmpty() ? new String[0] : text.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            String item = items[i].trim();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("rtl: empty item " + (i + 1) + " in '" + text + "': " + EXPECTED);
            }
            if (item.equals("null")) {
                if (i != 0) {
                    throw new IllegalArgumentException("rtl: 'null' (the null core) must be the first item, got it as item "
                            + (i + 1) + " in '" + text + "'");
                }
                sources.add(RtlSources.nullCore());
            } else if (item.startsWith("-")) {
                option(item, workingDir, sources, includes, defines, parameters);
            } else {
                sources.add(existingFile(workingDir, item, "no such Verilog file: " + item));
            }
        }
        if (sources.isEmpty()) {
            sources.add(RtlSources.referenceCore());
        }
        return new RtlOptions(sources, includes, defines, parameters);
    }

    private static void option(String item, Path workingDir, List<Path> sources, List<Path> includes,
                               Map<String, String> defines, Map<String, String> parameters) {
        char letter = item.length() > 1 ? item.charAt(1) : ' ';
        String value = item.length() > 2 ? item.substring(2).trim() : "";
        switch (letter) {
            case 'I' -> {
                if (value.isEmpty()) {
                    throw bad(item, "a directory after -I, e.g. -Iinclude");
                }
                Path dir = workingDir.resolve(value).toAbsolutePath().normalize();
                if (!Files.isDirectory(dir)) {
                    throw bad(item, "an existing directory; " + dir + " is not one");
                }
                includes.add(dir);
            }
            case 'D' -> {
                int eq = value.indexOf('=');
                String name = eq < 0 ? value : value.substring(0, eq);
                if (!IDENTIFIER.matcher(name).matches()) {
                    throw bad(item, "-DNAME or -DNAME=value with NAME a Verilog identifier");
                }
                defines.put(name, eq < 0 ? null : value.substring(eq + 1));
            }
            case 'P' -> {
                int eq = value.indexOf('=');
                String name = eq < 0 ? value : value.substring(0, eq).trim();
                String constant = eq < 0 ? "" : value.substring(eq + 1).trim();
                if (!IDENTIFIER.matcher(name).matches() || !CONSTANT.matcher(constant).matches()) {
                    throw bad(item, "-Pparam=value with param the core's parameter name and value a number "
                            + "(32, 8'hff) or a \"string\"");
                }
                parameters.put(name, constant);
            }
            case 'f' -> {
                if (value.isEmpty()) {
                    throw bad(item, "a file list after -f, e.g. -fcore.f");
                }
                sources.addAll(FileList.read(existingFile(workingDir, value, "rtl option " + item
                        + ": expected an existing file list; there is no " + value)));
            }
            default -> throw new IllegalArgumentException("rtl: unknown option '" + item + "': " + EXPECTED);
        }
    }

    private static IllegalArgumentException bad(String item, String expected) {
        return new IllegalArgumentException("rtl option " + item + ": expected " + expected);
    }

    static Path existingFile(Path base, String name, String messageIfMissing) {
        Path file = base.resolve(name.trim()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(messageIfMissing);
        }
        return file;
    }

    /** The include directories the compiler gets: those given, then the core's own folder. */
    List<Path> includeSearch() {
        List<Path> all = new ArrayList<>(includes);
        Path coreDir = sources.get(0).getParent();
        if (!all.contains(coreDir)) {
            all.add(coreDir);   // so `include "x.vh" next to the core works from any work directory
        }
        return all;
    }

    /** The text of the parameter list the harness includes as {@code #( ... )} (atomik_harness.v). */
    String parameterList() {
        List<String> assignments = new ArrayList<>();
        parameters.forEach((name, value) -> assignments.add("." + name + "(" + value + ")"));
        return String.join(",\n", assignments) + "\n";
    }
}
