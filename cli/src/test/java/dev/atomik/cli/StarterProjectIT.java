package dev.atomik.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atomik tck init} writes a project that an implementer builds with plain Maven: it must pass
 * against the kit's freshly built artifacts, fail with the TCK's message when its implementation is
 * broken, still run when its class is renamed to {@code *Tck}, and fail (never pass with zero tests)
 * under a name Surefire does not run.
 *
 * <p>{@code mvn verify} installs nothing, so the test builds its own local repository: the parent,
 * spec, model and conformance artifacts of this build, plus a mirror that serves every other artifact
 * from the outer build's local repository over {@code file:}. The child build reaches no network.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StarterProjectIT {
    private static final Path JAR = Path.of(System.getProperty("atomik.jar", "target/atomik.jar")).toAbsolutePath();
    private static final Path KIT = Path.of(System.getProperty("atomik.kit", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("atomik.version", "1.0.0-SNAPSHOT");
    private static final Path M2 = Path.of(System.getProperty("atomik.m2",
            System.getProperty("user.home") + "/.m2/repository")).toAbsolutePath();
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(8);
    private static final String TEST_DIR = "src/test/java/com/example/atomik/";
    private static final String READ = "return reference[i] ^ accumulator[i];";
    private static final Pattern TESTS_RUN = Pattern.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)\\s*$",
            Pattern.MULTILINE);

    @TempDir
    static Path tmp;
    static Path project;
    static Path settings;

    @BeforeAll
    static void initProjectAndRepository() throws Exception {
        assumeTrue(SelfContainedJarIT.onPath("mvn"), "mvn is not on PATH: the starter project cannot be built");
        ProcessRun init = ProcessRun.of(tmp, Duration.ofMinutes(1), null,
                List.of("java", "-jar", JAR.toString(), "tck", "init", "my-atomik"));
        assertEquals(0, init.exit(), init.tail());
        project = tmp.resolve("my-atomik");
        Path repo = tmp.resolve("repo");
        install(repo, "atomik-kit", KIT.resolve("pom.xml"), null);
        install(repo, "atomik-spec", KIT.resolve("spec/pom.xml"), codeSource("dev.atomik.spec.ClauseIndex"));
        install(repo, "atomik-model", KIT.resolve("model/pom.xml"), codeSource("dev.atomik.model.Context"));
        install(repo, "atomik-conformance", KIT.resolve("conformance/pom.xml"), codeSource("dev.atomik.conformance.tck.AtomikTck"));
        settings = tmp.resolve("settings.xml");
        Files.writeString(settings, "<settings>\n  <localRepository>" + repo + "</localRepository>\n"
                + "  <mirrors><mirror><id>outer-build-repository</id><mirrorOf>*</mirrorOf><url>" + M2.toUri()
                + "</url></mirror></mirrors>\n</settings>\n");
    }

    @Test
    @Order(1)
    void theStarterPassesOutOfTheBox() throws Exception {
        ProcessRun build = mvnTest();
        assertEquals(0, build.exit(), build.tail());
        int[] counts = lastCounts(build);
        assertTrue(counts[0] > 100 && counts[1] == 0 && counts[2] == 0 && counts[0] > counts[3], build.tail());
    }

    @Test
    @Order(2)
    void aBrokenReadFailsWithTheTcksMessage() throws Exception {
        Path table = project.resolve("src/main/java/com/example/atomik/AtomikTable.java");
        String source = Files.readString(table);
        assertTrue(source.contains(READ), "the starter's read changed: update this test");
        Files.writeString(table, source.replace(READ, "return reference[i] ^ accumulator[i] ^ 1;"));
        try {
            ProcessRun build = mvnTest();
            assertNotEquals(0, build.exit(), build.tail());
            assertTrue(lastCounts(build)[1] > 0, build.tail());
            assertTrue(build.output().contains("BUILD FAILURE"), build.tail());
            assertTrue(Pattern.compile("AssertionFailedError: context/\\S+: step \\d+ \\(read\\): expected 0x[0-9a-f]+, actual 0x")
                    .matcher(build.output()).find(), build.tail());
        } finally {
            Files.writeString(table, source);
        }
    }

    @Test
    @Order(3)
    void aTckNamedClassStillRuns() throws Exception {
        rename("MyImplementationTest", "MyImplementationTck");
        try {
            ProcessRun build = mvnTest();
            assertEquals(0, build.exit(), build.tail());
            assertTrue(build.output().contains("in com.example.atomik.MyImplementationTck"), build.tail());
            assertTrue(lastCounts(build)[0] > 100, build.tail());
        } finally {
            rename("MyImplementationTck", "MyImplementationTest");
        }
    }

    @Test
    @Order(4)
    void aClassSurefireDoesNotRunFailsTheBuild() throws Exception {
        rename("MyImplementationTest", "MyImplementationChecks");
        try {
            ProcessRun build = mvnTest();
            assertNotEquals(0, build.exit(), build.tail());
            assertTrue(build.output().contains("No tests were executed"), build.tail());
        } finally {
            rename("MyImplementationChecks", "MyImplementationTest");
        }
    }

    private static ProcessRun mvnTest() throws Exception {
        return ProcessRun.of(project, BUILD_TIMEOUT, null, List.of("mvn", "-B", "-ntp", "-s", settings.toString(), "test"));
    }

    /** Surefire's last summary line: tests, failures, errors, skipped. */
    private static int[] lastCounts(ProcessRun build) {
        Matcher m = TESTS_RUN.matcher(build.output());
        int[] counts = null;
        while (m.find()) {
            counts = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))};
        }
        assertTrue(counts != null, "no Surefire summary in the build output:\n" + build.tail());
        return counts;
    }

    private static void rename(String from, String to) throws IOException {
        Path source = project.resolve(TEST_DIR + from + ".java");
        Files.writeString(project.resolve(TEST_DIR + to + ".java"), Files.readString(source).replace(from, to));
        Files.delete(source);
    }

    /** Lays out one artifact as {@code mvn install} would: {@code dev/atomik/A/V/A-V.pom} and {@code .jar}. */
    private static void install(Path repo, String artifact, Path pom, Path classes) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("dev/atomik/" + artifact + "/" + VERSION));
        Files.copy(pom, dir.resolve(artifact + "-" + VERSION + ".pom"));
        if (classes == null) {
            return;
        }
        Path jar = dir.resolve(artifact + "-" + VERSION + ".jar");
        if (Files.isRegularFile(classes)) {
            Files.copy(classes, jar);
        } else {
            jarUp(classes, jar);   // run before the package phase (an IDE): the classes folder
        }
    }

    /** Where a class of this build was loaded from: its module's jar, or its classes folder. */
    private static Path codeSource(String className) throws ClassNotFoundException, URISyntaxException {
        return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void jarUp(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
