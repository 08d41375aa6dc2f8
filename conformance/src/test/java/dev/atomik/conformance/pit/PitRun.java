package dev.atomik.conformance.pit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.pitest.mutationtest.engine.gregor.MethodMutatorFactory;
import org.pitest.mutationtest.engine.gregor.config.Mutator;

/**
 * The {@code pit} profile's entry point (conformance/selftest/PIT.md): runs PIT once, with the mutators
 * of every group, on {@code dev.atomik.model.*} with the golden suite on the model ({@link GoldenSuiteForPit}, ModelGoldenTckTest's traces as one test) as the only
 * test, prints killed / survived / uncovered per class for each group, and exits 1 when a survived or uncovered
 * mutant is not in the accepted list (or an entry there is stale), 2 on a usage or tool error.
 *
 * <p>PIT runs as a child JVM on this JVM's class path, so the mutated model is whatever copy the
 * build put there (the reactor's, or ~/.m2's with {@code -pl conformance}).
 */
public final class PitRun {
    static final String GOLDEN_SUITE = "dev.atomik.conformance.pit.GoldenSuiteForPit";
    static final String TARGET_CLASSES = "dev.atomik.model.*";

    private PitRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("groups", "DEFAULTS,STRONGER", "threads", "2",
                "tests", GOLDEN_SUITE));
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                usage("argument '" + a + "' is not --name=value");
            }
            opts.put(a.substring(2, eq), a.substring(eq + 1));
        }
        for (String required : List.of("reports", "sources", "accepted")) {
            if (!opts.containsKey(required)) {
                usage("--" + required + "= is missing");
            }
        }
        AcceptedMutants accepted = AcceptedMutants.read(Path.of(opts.get("accepted")));
        List<String> groups = List.of(opts.get("groups").split(","));
        // One PIT run with every mutator of the groups: a mutant's fate does not depend on which other
        // mutants exist, so each group's verdict is the subset made by its own mutators (measured: the
        // 423 DEFAULTS mutants of a separate DEFAULTS run end exactly as in the STRONGER run).
        Map<String, Set<String>> mutatorsOf = new LinkedHashMap<>();
        for (String group : groups) {
            mutatorsOf.put(group, mutatorNames(group));
        }
        Path reports = Path.of(opts.get("reports"));
        long start = System.nanoTime();
        int exit = runPit(String.join(",", groups), reports, modelRoot(), opts);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        if (exit != 0) {
            System.err.println("pit: PIT exited with status " + exit + " (its output is above)");
            System.exit(2);
        }
        List<Mutant> all = MutationsXml.read(reports.resolve("mutations.xml"));
        boolean ok = true;
        List<String> summary = new ArrayList<>();
        for (String group : groups) {
            List<Mutant> mine = all.stream().filter(m -> mutatorsOf.get(group).contains(m.mutator())).toList();
            PitVerdict verdict = PitVerdict.judge(group, mine, accepted);
            System.out.println();
            System.out.println("pit: " + group + " (reports of the whole run in " + reports + ")");
            verdict.table().forEach(System.out::println);
            for (Mutant m : verdict.unlisted()) {
                System.out.println("  NOT PINNED " + m.status() + " " + m.simpleClass() + "." + m.method() + ":"
                        + m.line() + " " + m.mutator() + ": " + m.description());
                System.out.println("    add a trace that kills it, or list it with a reason: " + AcceptedMutants.row(group, m));
            }
            for (Mutant m : verdict.gaps()) {
                System.out.println("  GAP " + m.status() + " " + m.simpleClass() + "." + m.method() + ":" + m.line()
                        + " " + m.mutator() + ": " + m.description() + " (listed as pinnable: a trace could kill it)");
            }
            for (AcceptedMutants.Entry e : verdict.stale()) {
                System.out.println("  STALE " + accepted.file() + ":" + e.fileLine() + " " + e.key().replace('\t', ' ')
                        + ": no survived or uncovered mutant matches it in " + group + " (killed now, or the code moved)");
            }
            summary.add(verdict.table().get(verdict.table().size() - 1));
            ok &= verdict.passes();
        }
        System.out.println();
        System.out.println("pit: PIT ran " + all.size() + " mutants in " + seconds + " s with " + opts.get("threads") + " threads");
        summary.forEach(s -> System.out.println("pit: " + s));
        if (!ok) {
            System.out.println("pit: FAILED: a mutant no golden trace kills is not in " + accepted.file()
                    + " (or an entry there is stale)");
            System.exit(1);
        }
        System.out.println("pit: every mutant is killed by the golden suite or listed with a reason");
    }

    /** The short class names of a PIT mutator group's mutators, as mutations.xml names them. */
    static Set<String> mutatorNames(String group) {
        Set<String> names = new TreeSet<>();
        for (MethodMutatorFactory f : Mutator.fromStrings(List.of(group))) {
            String id = f.getGloballyUniqueId();
            names.add(id.substring(id.lastIndexOf('.') + 1));
        }
        return names;
    }

    private static int runPit(String mutators, Path reports, Path modelRoot, Map<String, String> opts)
            throws IOException, InterruptedException {
        Files.createDirectories(reports);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.pitest.mutationtest.commandline.MutationCoverageReport",
                "--reportDir", reports.toString(),
                "--targetClasses", TARGET_CLASSES,
                "--targetTests", opts.get("tests"),
                "--mutableCodePaths", modelRoot.toString(),
                "--sourceDirs", opts.get("sources"),
                "--mutators", mutators,
                "--threads", opts.get("threads"),
                "--outputFormats", "HTML,XML",
                "--timestampedReports=false");
        System.out.println("pit: " + mutators + ": mutating " + TARGET_CLASSES + " from " + modelRoot + " with " + opts.get("tests"));
        return new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    /** The class-path entry holding the model's classes (a folder or a jar). */
    static Path modelRoot() throws IOException {
        String marker = "dev/atomik/model/Context.class";
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p) && Files.exists(p.resolve(marker))) {
                return p;
            }
            if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    if (jar.getEntry(marker) != null) {
                        return p;
                    }
                }
            }
        }
        throw new IOException("no entry of the class path holds " + marker);
    }

    private static void usage(String problem) {
        System.err.println("pit: " + problem + "; usage: PitRun --reports=DIR --sources=DIR --accepted=FILE "
                + "[--groups=DEFAULTS,STRONGER] [--threads=2] [--tests=CLASS]");
        System.exit(2);
    }
}
