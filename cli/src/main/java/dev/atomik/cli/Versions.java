package dev.atomik.cli;

import picocli.CommandLine;

/** {@code atomik --version}: the kit version from the jar manifest. */
public final class Versions implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return new String[] {"atomik " + (v == null ? "dev" : v) + " (trace format 1, adapter protocol 1)"};
    }
}
