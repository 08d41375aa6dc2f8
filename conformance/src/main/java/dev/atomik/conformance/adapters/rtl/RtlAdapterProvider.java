package dev.atomik.conformance.adapters.rtl;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --adapter rtl} (the kit's reference core {@code rtl/atomik_core.v}) or
 * {@code --adapter 'rtl:<top.v>[,<more.v>...]'} (any core with the port interface of
 * rtl/README.md). An optional {@code iverilog:} or {@code verilator:} prefix picks the simulator,
 * e.g. {@code rtl:verilator:} or {@code rtl:verilator:my_core.v}; otherwise Icarus Verilog is used
 * when installed, else Verilator.
 */
public final class RtlAdapterProvider implements AdapterProvider {

    @Override
    public String scheme() {
        return "rtl";
    }

    @Override
    public String description() {
        return "Verilog core in simulation: 'rtl' (reference core) or 'rtl:[iverilog:|verilator:]top.v[,more.v...]'";
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
        List<Path> sources = rest.isEmpty()
                ? List.of(RtlSources.referenceCore())
                : RtlSources.existing(Arrays.asList(rest.split(",")));
        String top = RtlSources.topModule(sources.get(0));
        Path workDir;
        try {
            workDir = Files.createTempDirectory("atomik-rtl-");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create a build directory for the simulation: " + e.getMessage(), e);
        }
        List<String> run = simulator.compile(rtlDir.resolve("harness"), top, sources, workDir);
        return new RtlAdapter("rtl:" + top + " (" + simulator.name().toLowerCase() + ")", run, workDir);
    }
}
