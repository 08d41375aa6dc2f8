package dev.atomik.conformance.adapters.rtl;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * {@code --adapter rtl} (the kit's reference core {@code rtl/atomik_core.v}), {@code rtl:null} (the
 * null core) or {@code --adapter 'rtl:<top.v>[,<more.v>...][,-Idir][,-DNAME=v][,-PNAME=v][,-flist.f]'}
 * (any core with the port interface of rtl/README.md; items in {@link RtlOptions}). An optional
 * {@code iverilog:} or {@code verilator:} prefix picks the simulator, e.g. {@code rtl:verilator:}
 * or {@code rtl:verilator:my_core.v}; otherwise Icarus Verilog is used when installed, else Verilator.
 */
public final class RtlAdapterProvider implements AdapterProvider {

    @Override
    public String scheme() {
        return "rtl";
    }

    @Override
    public String description() {
        return "Verilog core in simulation: 'rtl' (reference core), 'rtl:null' (null core) or "
                + "'rtl:[iverilog:|verilator:]top.v[,more.v...][,-Idir][,-DNAME[=v]][,-PNAME=v][,-flist.f]'";
    }

    @Override
    public Adapter open(String argument) {
        String rest = argument == null ? "" : argument.trim();
        String requested = null;
        for (String sim : List.of("iverilog", "verilator")) {
            if (rest.equals(sim) || rest.startsWith(sim + ":")) {
                requested = sim;
                rest = rest.substring(Math.min(rest.length(), sim.length() + 1));
                break;
            }
        }
        Simulator simulator = Simulator.choose(requested);
        Path rtlDir = RtlSources.rtlDir();
        RtlOptions options = RtlOptions.parse(rest, Path.of("").toAbsolutePath());
        String top = RtlSources.topModule(options.sources().get(0));
        Build build = build(simulator, rtlDir, top, options);
        return new RtlAdapter("rtl:" + top + " (" + simulator.name().toLowerCase() + ")", build.run(), build.dir());
    }

    /** A compiled simulation: its folder and the command that runs it. */
    private record Build(Path dir, List<String> run) {
    }

    /**
     * Builds are kept for the life of the JVM, keyed by simulator, top and sources with their
     * modification times: the runner reopens the adapter after every fault, and a Verilator build
     * takes minutes on a busy machine. The folders are deleted at exit.
     */
    private static final Map<String, Build> BUILDS = new ConcurrentHashMap<>();

    private static synchronized Build build(Simulator simulator, Path rtlDir, String top, RtlOptions options) {
        StringBuilder key = new StringBuilder(simulator + "|" + top + "|" + rtlDir + "|" + options.includes()
                + "|" + options.defines() + "|" + options.parameters());
        for (Path source : options.sources()) {
            try {
                key.append('|').append(source).append('@').append(Files.getLastModifiedTime(source).toMillis());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + source + ": " + e.getMessage(), e);
            }
        }
        Build cached = BUILDS.get(key.toString());
        if (cached != null && Files.isDirectory(cached.dir())) {
            return cached;
        }
        Path workDir;
        try {
            workDir = Files.createTempDirectory("atomik-rtl-");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create a build directory for the simulation: " + e.getMessage(), e);
        }
        deleteAtExit(workDir);
        Build build = new Build(workDir, simulator.compile(rtlDir.resolve("harness"), top, options, workDir));
        BUILDS.put(key.toString(), build);
        return build;
    }

    private static void deleteAtExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary folder is harmless
            }
        }, "atomik-rtl-cleanup"));
    }
}
