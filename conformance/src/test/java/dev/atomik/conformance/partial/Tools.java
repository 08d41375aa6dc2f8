package dev.atomik.conformance.partial;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether an external tool the partial implementations need (python3, iverilog) is installed. */
final class Tools {
    private Tools() {
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
