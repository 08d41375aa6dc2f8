package dev.atomik.conformance.adapters.rtl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file list for {@code rtl:...,-ffiles.f}: one Verilog source per line; {@code //} and {@code #}
 * start a comment that runs to the end of the line; blank lines are ignored. Relative paths are
 * resolved against the list's own folder, so a list works from any working directory. Simulator
 * options ({@code +incdir+}, {@code -I}, ...) are refused rather than half-supported: they belong
 * in the {@code rtl:} argument, where both simulators get them the same way.
 */
final class FileList {
    private FileList() {
    }

    /** The sources listed in {@code list}, absolute, in order. */
    static List<Path> read(Path list) {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read file list " + list + ": " + e.getMessage(), e);
        }
        Path base = list.toAbsolutePath().getParent();
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String entry = stripComment(lines.get(i)).trim();
            if (entry.isEmpty()) {
                continue;
            }
            String where = list + ":" + (i + 1) + ": ";
            if (entry.startsWith("-") || entry.startsWith("+")) {
                throw new IllegalArgumentException(where + "expected a source path, got the option '" + entry
                        + "' (give options in the rtl: argument, e.g. rtl:core.v,-Iinc)");
            }
            sources.add(RtlOptions.existingFile(base, entry, where + "no such Verilog file: " + entry));
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(list + ": expected at least one source path, the list is empty");
        }
        return sources;
    }

    private static String stripComment(String line) {
        int cut = line.length();
        int slashes = line.indexOf("//");
        int hash = line.indexOf('#');
        if (slashes >= 0) {
            cut = slashes;
        }
        if (hash >= 0 && hash < cut) {
            cut = hash;
        }
        return line.substring(0, cut);
    }
}
