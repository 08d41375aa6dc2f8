package dev.atomik.cli;

import dev.atomik.conformance.adapter.AdapterProvider;
import dev.atomik.conformance.runner.AdapterCatalog;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code atomik conformance adapters}: the adapter schemes found on the class path. */
@Command(name = "adapters", mixinStandardHelpOptions = true,
        description = "List adapter schemes usable with 'run --adapter' (found through META-INF/services).")
final class AdaptersCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        List<AdapterProvider> providers = AdapterCatalog.discover().providers();
        int width = providers.stream().mapToInt(p -> p.scheme().length()).max().orElse(0);
        for (AdapterProvider p : providers) {
            System.out.println(String.format("%-" + width + "s  %s", p.scheme(), p.description()));
        }
        if (providers.isEmpty()) {
            System.err.println("atomik: no adapter provider on the class path");
            return ExitCode.HARNESS;
        }
        return ExitCode.OK;
    }
}
