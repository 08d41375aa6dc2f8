package dev.atomik.conformance.adapters.rtl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.adapter.AdapterFault;
import dev.atomik.conformance.adapter.Capabilities;
import dev.atomik.conformance.adapter.Hello;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs trace requests against a Verilog core in simulation (rtl/README.md). The core is compiled
 * once with the stdin harness; the simulation process is started on first use and restarted after
 * a fault, since after a crash or a hang its state is unknown.
 */
public final class RtlAdapter implements Adapter {
    /** Starting the compiled simulation and resetting the core; generous for Verilator builds. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(20);

    private final String name;
    private final List<String> runCommand;
    private final Path workDir;
    private SimulationProcess process;
    private Hello hello;

    RtlAdapter(String name, List<String> runCommand, Path workDir) {
        this.name = name;
        this.runCommand = List.copyOf(runCommand);
        this.workDir = workDir;
    }

    @Override
    public Hello hello() throws AdapterFault {
        running();
        return hello;
    }

    private SimulationProcess running() throws AdapterFault {
        if (process != null) {
            return process;
        }
        try {
            process = new SimulationProcess(runCommand, workDir);
        } catch (IOException e) {
            throw new AdapterFault(AdapterFault.Kind.CRASH, -1, "could not start " + runCommand + ": " + e.getMessage());
        }
        Optional<String> first = nextLine(STARTUP_LIMIT, -1, AdapterFault.Kind.HANDSHAKE);
        String line = first.orElseThrow(() -> fault(AdapterFault.Kind.HANDSHAKE, -1,
                "the simulation printed no capability line within " + STARTUP_LIMIT.toSeconds() + " s"));
        hello = new Hello(name, "1", parseCapabilities(line));
        return process;
    }

    /** {@code H <cap_width> <cap_depth> <cap_ops hex>}, as printed by atomik_harness.v. */
    private Capabilities parseCapabilities(String line) throws AdapterFault {
        String[] parts = line.trim().split("\\s+");
        long width;
        long depth;
        int ops;
        try {
            if (parts.length != 4 || !parts[0].equals("H")) {
                throw new NumberFormatException("shape");
            }
            width = Long.parseLong(parts[1]);
            depth = Long.parseLong(parts[2]);
            ops = Integer.parseInt(parts[3], 16);
        } catch (NumberFormatException e) {
            throw fault(AdapterFault.Kind.HANDSHAKE, -1, "expected 'H <width> <depth> <ops hex>' from the harness, got '"
                    + line + "' (are cap_width, cap_depth and cap_ops driven by constants?)");
        }
        if (width < 1 || width > 64 || depth < 1) {
            throw fault(AdapterFault.Kind.HANDSHAKE, -1, "core declares cap_width=" + width + ", cap_depth=" + depth
                    + "; rtl/README.md requires 1..64 and at least 1");
        }
        Set<String> coreOps = opsOf(ops);
        return Capabilities.builder().widths(1, (int) width).contexts(depth)
                .kind("context", coreOps).kind("table", coreOps).build();
    }

    /** Maps the cap_ops bit mask (bit i = op code i) to protocol op names, by {@link CapOps#BITS}. */
    static Set<String> opsOf(int mask) {
        return CapOps.declared(mask);
    }

    @Override
    public List<ObjectNode> execute(List<ObjectNode> requests, Duration perStepTimeout) throws AdapterFault {
        SimulationProcess sim = running();
        List<HarnessCommands.Translation> translations = new ArrayList<>(requests.size());
        List<String> lines = new ArrayList<>();
        for (ObjectNode request : requests) {
            HarnessCommands.Translation t = HarnessCommands.translate(request);
            translations.add(t);
            if (t.line() != null) {
                lines.add(t.line());
            }
        }
        if (!sim.send(lines)) {
            throw fault(AdapterFault.Kind.CRASH, 0, "the simulation stopped reading its input ("
                    + sim.exitDescription() + ")");
        }
        List<ObjectNode> replies = new ArrayList<>(requests.size());
        for (int i = 0; i < translations.size(); i++) {
            HarnessCommands.Translation t = translations.get(i);
            if (t.local() != null) {
                replies.add(t.local());
                continue;
            }
            String line = nextLine(perStepTimeout, i, AdapterFault.Kind.TIMEOUT)
                    .orElseThrow(timeoutAt(i, perStepTimeout));
            if (line.startsWith("F ")) {
                throw fault(AdapterFault.Kind.TIMEOUT, i, "the core hung: " + line.substring(2).trim()
                        + " (waited 10000 clock cycles)");
            }
            if (line.startsWith("P ")) {
                // The answer cannot be trusted: a held or spurious out_valid answers the wrong op.
                throw fault(AdapterFault.Kind.BAD_REPLY, i, line.substring(2).trim() + " (rtl/README.md, Timing)");
            }
            ObjectNode reply = HarnessCommands.reply(line, t.answer());
            if (reply == null) {
                throw fault(AdapterFault.Kind.BAD_REPLY, i, "harness answered '" + line + "' to '" + t.line()
                        + "' (x/z bits on data_out?)");
            }
            replies.add(reply);
        }
        return replies;
    }

    private java.util.function.Supplier<AdapterFault> timeoutAt(int index, Duration limit) {
        return () -> fault(AdapterFault.Kind.TIMEOUT, index, "no answer from the simulation within "
                + limit.toMillis() + " ms");
    }

    /** The next harness line; a process that ended is a CRASH fault. */
    private Optional<String> nextLine(Duration limit, int index, AdapterFault.Kind kindIfEnded) throws AdapterFault {
        Optional<String> line;
        try {
            line = process.next(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fault(AdapterFault.Kind.TIMEOUT, index, "interrupted while waiting for the simulation");
        }
        if (line.isPresent() && SimulationProcess.isEnd(line.get())) {
            throw fault(kindIfEnded == AdapterFault.Kind.HANDSHAKE ? AdapterFault.Kind.HANDSHAKE : AdapterFault.Kind.CRASH,
                    index, "the simulation ended (" + process.exitDescription() + ")");
        }
        return line;
    }

    /** Builds a fault and drops the simulation, which is restarted on the next request. */
    private AdapterFault fault(AdapterFault.Kind kind, int index, String detail) {
        String log = process == null ? "" : process.logTail();
        if (process != null) {
            process.kill();
            process = null;
        }
        return new AdapterFault(kind, index, detail + log);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
        // The build folder belongs to the provider's cache (reused when the runner reopens).
    }
}
