package dev.atomik.conformance.serve;

import dev.atomik.conformance.adapter.Adapter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code java -cp … dev.atomik.conformance.serve.ServeMain [adapter]}: the reference model (or any
 * in-process adapter) on stdin/stdout, without the CLI's start-up. {@code ./atomik serve} does the
 * same; the bench starts this class directly.
 */
public final class ServeMain {

    private ServeMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args.length > 0 ? args[0] : "model"));
    }

    /** Serves until bye or end of input on the process's own stdin/stdout; returns the exit status. */
    public static int run(String adapterSpelling) {
        PrintStream log = System.err;
        // Nothing but replies may reach stdout: anything else printing there would break the framing.
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(log);
        try (Adapter adapter = AdapterLookup.open(adapterSpelling)) {
            return new ProtocolServer(adapter, new FileInputStream(FileDescriptor.in), stdout, log).serve();
        } catch (IllegalArgumentException usage) {
            log.println("serve: " + usage.getMessage());
            return 64;
        } catch (IOException io) {
            log.println("serve: I/O error: " + io.getMessage());
            return 74;
        }
    }
}
