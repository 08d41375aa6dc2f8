package dev.atomik.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code atomik tck}: the JUnit TCK for Java implementations (conformance/INTERPRETING.md §8). */
@Command(name = "tck", mixinStandardHelpOptions = true,
        description = "The JUnit TCK for Java implementations: add dev.atomik:atomik-conformance to your build and "
                + "extend dev.atomik.conformance.tck.AtomikTck (conformance/INTERPRETING.md section 8).",
        subcommands = {TckCommand.Init.class})
final class TckCommand implements Runnable {

    @Override
    public void run() {
        throw new UsageException("missing subcommand: atomik tck init DIR");
    }

    /** {@code atomik tck init DIR}: writes the starter project. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Write a minimal Maven project that tests a Java implementation with the TCK: a small "
                    + "correct context-and-table implementation and its TCK test class. It passes out of the box "
                    + "with 'cd DIR && mvn -o test' once the kit is installed (in the kit's checkout: "
                    + "mvn -B install -DskipTests)."})
    static final class Init implements Callable<Integer> {
        /** The starter's files, as bundled under {@value #TEMPLATES} (a jar cannot be listed). */
        static final List<String> FILES = List.of(
                "pom.xml",
                "README.md",
                "src/main/java/com/example/atomik/AtomikException.java",
                "src/main/java/com/example/atomik/AtomikTable.java",
                "src/test/java/com/example/atomik/MyImplementationTest.java");
        static final String TEMPLATES = "/atomik/starter/";

        @Parameters(paramLabel = "DIR", description = "the project folder to create (new or empty)")
        Path dir;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(dir) && !(Files.isDirectory(dir) && isEmpty(dir))) {
                throw new UsageException(dir + " exists and is not an empty folder: choose a new one");
            }
            for (String file : FILES) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = TckCommand.class.getResourceAsStream(TEMPLATES + file)) {
                    if (in == null) {
                        throw new IllegalStateException("the starter template " + file + " is missing from the jar");
                    }
                    Files.copy(in, target);
                }
                System.out.println("  " + target);
            }
            System.out.println("Starter project written. Run: cd " + dir + " && mvn -o test");
            System.out.println("(the kit must be installed once: in the kit's checkout, mvn -B install -DskipTests)");
            return ExitCode.OK;
        }

        private static boolean isEmpty(Path dir) throws IOException {
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.findAny().isEmpty();
            }
        }
    }
}
