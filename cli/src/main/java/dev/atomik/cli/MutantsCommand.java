package dev.atomik.cli;

import dev.atomik.conformance.selftest.Fault;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code atomik conformance mutants}: the deliberately broken implementations of the self-test. */
@Command(name = "mutants", mixinStandardHelpOptions = true,
        description = {"List the named mutants usable as --adapter mutant:<name>.",
                "mutant:none is the same interpreter without a fault; it passes every golden trace.",
                "mutant:null is the do-nothing implementation: every op answers zero, never an error.",
                "mutant:a+b switches on several faults at once (not with null), each acting as it does alone."})
public final class MutantsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        int width = 0;
        for (Fault f : Fault.values()) {
            width = Math.max(width, f.id().length());
        }
        System.out.printf("%-" + width + "s  %-14s  %s%n", "NAME", "VIOLATES", "FAULT");
        for (Fault f : Fault.values()) {
            System.out.printf("%-" + width + "s  %-14s  %s%n", f.id(), f.clause(), f.description());
        }
        return 0;
    }
}
