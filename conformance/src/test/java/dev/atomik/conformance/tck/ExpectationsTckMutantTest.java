package dev.atomik.conformance.tck;

import dev.atomik.conformance.adapter.Adapter;
import dev.atomik.conformance.runner.AdapterCatalog;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The TCK with an expectations file, as an implementer with a known bug uses it: the swap-returns-new
 * mutant fails two context traces, the file expects both, so every dynamic test passes (the two are
 * named "expected fail: ...").
 */
class ExpectationsTckMutantTest extends AtomikTck {
    @Override
    protected Adapter createAdapter() {
        return AdapterCatalog.discover().opener("mutant:swap-returns-new").get();
    }

    @Override
    protected String traceFilter() {
        return "context/*";
    }

    @Override
    protected Path expectations() {
        try {
            return Path.of(getClass().getResource("/expectations/swap-returns-new.txt").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
