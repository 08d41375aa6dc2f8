package dev.atomik.model.proof;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A second (third, …) KeY in its own JVM: KeY is single-threaded and keeps global settings, so the
 * build proves in parallel by starting workers rather than threads. Usage:
 * {@code KeyWorker <model source folder> <open-goal dir> <result file> <id,id,...>}. Proves the
 * named obligations in that order with the registry's budgets and appends one {@link ResultLine}
 * per obligation to the result file as soon as it is known, so a worker that dies leaves the
 * results it had.
 */
public final class KeyWorker {
    private KeyWorker() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: KeyWorker <source folder> <open-goal dir> <result file> <id,id,...>");
            System.exit(2);
        }
        Path results = Path.of(args[2]);
        List<String> ids = Arrays.asList(args[3].split(","));
        try (KeyProver prover = KeyProver.load(Path.of(args[0]));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(results, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            prover.writeOpenGoalsTo(Path.of(args[1]));
            Map<String, Obligation> byId = KeyProver.byId(prover.obligations());
            for (String id : ids) {
                Obligation o = byId.get(id);
                ProofResult r = o == null
                        ? new ProofResult(new Obligation(id, "", "", List.of(), "", "", null), List.of(), ProofResult.ERROR,
                                0, 0, 0, 0, 0, "the worker's KeY does not know this obligation")
                        : prover.prove(o, List.of(), KeyProofsTest.budget(id));
                out.println(ResultLine.encode(r));
                out.flush();
                System.out.println("KeY worker: " + id + " " + r.status() + " " + r.nodes() + " nodes");
            }
        } catch (KeyLoadException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }
}
