package dev.atomik.replication.demo;

import dev.atomik.model.CacheNode;
import dev.atomik.model.DeltaMessage;
import dev.atomik.replication.Hex;
import dev.atomik.replication.NodeNames;
import java.io.PrintStream;

/**
 * The tutorial's replicated cache, step by step (REP-CACHE-1): three nodes, reference 0xCAFEBABE
 * at key 0, node A writes 0xDEADBEEF, the delta travels as a 16-byte DeltaMessage, and every node
 * reads 0xDEADBEEF. The tutorial (and the examples of REP-CACHE-1, NG-DUP-1, WIRE-FIELDS-1) print
 * that delta as 0x14531455, but 0xCAFEBABE ^ 0xDEADBEEF is 0x14530451; this demo computes it and
 * says so, since 0x14531455 applied to 0xCAFEBABE gives 0xDEADAEEB. It uses the model's {@link CacheNode} directly, so what it prints
 * is what the verified model does. Exit status 1 if any node disagrees.
 */
public final class CacheTutorial {
    static final long KEY = 0L;
    static final long REFERENCE = 0xCAFEBABEL;
    static final long WRITE = 0xDEADBEEFL;
    /** The delta the tutorial text shows; kept to point out that it is not REFERENCE ^ WRITE. */
    static final long TUTORIAL_PRINTED_DELTA = 0x14531455L;

    private CacheTutorial() {
    }

    /** Prints the walkthrough to {@code out}; returns true when every node reads the written value. */
    public static boolean run(PrintStream out) {
        CacheNode[] nodes = new CacheNode[3];
        out.println("ATOMiK replicated cache: 3 nodes, full mesh, no leader, no consensus (REP-CACHE-1)");
        out.println();
        out.println("1. Every node LOADs the reference " + Hex.of(REFERENCE) + " at key " + Hex.of(KEY) + ".");
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new CacheNode(i, 64);
            nodes[i].load(KEY, REFERENCE);
            out.println("   node " + NodeNames.name(i) + ": get(" + Hex.of(KEY) + ") = " + Hex.of(nodes[i].get(KEY)));
        }
        out.println();
        out.println("2. Node A puts " + Hex.of(WRITE) + ": it reads the old state, LOADs the new value locally,");
        out.println("   and issues the delta old ^ new as a DeltaMessage with its next seq.");
        long old = nodes[0].get(KEY);
        DeltaMessage m = nodes[0].put(KEY, WRITE);
        out.println("   old   = " + Hex.of(old));
        out.println("   new   = " + Hex.of(WRITE));
        out.println("   delta = old ^ new = " + Hex.of(m.delta));
        out.println("   message " + m);
        if (m.delta != TUTORIAL_PRINTED_DELTA) {
            out.println("   (the tutorial prints this delta as " + Hex.of(TUTORIAL_PRINTED_DELTA) + ", a typo: "
                    + Hex.of(REFERENCE) + " ^ " + Hex.of(TUTORIAL_PRINTED_DELTA) + " = "
                    + Hex.of(REFERENCE ^ TUTORIAL_PRINTED_DELTA) + ", not " + Hex.of(WRITE) + ")");
        }
        out.println();
        byte[] wire = m.encode();
        String hex = Hex.bytes(wire);
        out.println("3. The message on the wire: " + wire.length + " bytes, big-endian (WIRE-FIELDS-1)");
        out.println("   " + hex.substring(0, 8) + " " + hex.substring(8, 24) + " " + hex.substring(24));
        out.println("   addr u32 | delta u64        | seq u32");
        out.println();
        out.println("4. A sends those 16 bytes to B and C; each decodes them and ACCUMulates the delta (receive).");
        for (int i = 1; i < nodes.length; i++) {
            DeltaMessage received = DeltaMessage.decode(wire.clone());
            nodes[i].receive(received);
            out.println("   node " + NodeNames.name(i) + " receives " + received);
        }
        out.println();
        out.println("5. Every node READs key " + Hex.of(KEY) + ":");
        boolean agree = true;
        for (int i = 0; i < nodes.length; i++) {
            long v = nodes[i].get(KEY);
            agree &= v == WRITE;
            out.println("   node " + NodeNames.name(i) + ": get(" + Hex.of(KEY) + ") = " + Hex.of(v)
                    + (v == WRITE ? "" : "   <-- expected " + Hex.of(WRITE)));
        }
        out.println();
        out.println(agree
                ? "Converged: every node reads " + Hex.of(WRITE) + " (REP-CONV-1)."
                : "NOT converged: this contradicts REP-CACHE-1.");
        out.println("What it does not promise: a duplicated message cancels (NG-DUP-1), a lost one must be");
        out.println("repaired (REP-REPAIR-1), concurrent puts converge to R^X^Y (NG-CONC-1), and SWAP is local");
        out.println("(NG-SWAP-1). See spec/non-guarantees.md and conformance/traces/replication/.");
        return agree;
    }

    public static void main(String[] args) {
        System.exit(run(System.out) ? 0 : 1);
    }
}
