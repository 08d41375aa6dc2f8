package dev.atomik.cli;

import dev.atomik.replication.demo.CacheTutorial;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code ./atomik demo <name>}: runnable walkthroughs. {@code demo cache} replays the tutorial's
 * replicated cache on the model (REP-CACHE-1) and exits 1 if the nodes do not converge.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runnable walkthroughs of ATOMiK on the reference model.",
        subcommands = {DemoCommand.Cache.class})
public final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("usage: atomik demo cache   (the 3-node replicated cache of the tutorial)");
        return ExitCode.HARNESS;
    }

    @Command(name = "cache", mixinStandardHelpOptions = true,
            description = "3 nodes, reference 0xCAFEBABE at key 0, node A writes 0xDEADBEEF: "
                    + "the delta on the wire and every node's READ.")
    static final class Cache implements Callable<Integer> {
        @Override
        public Integer call() {
            return CacheTutorial.run(System.out) ? ExitCode.OK : ExitCode.FAILED;
        }
    }
}
