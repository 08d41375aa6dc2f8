package dev.atomik.replication;

import java.util.ArrayList;
import java.util.List;

/**
 * Repairing replicas that lost messages (REP-REPAIR-1). The algebra does not heal loss by itself:
 * a missing delta is simply missing from the XOR. Two ways back, both recorded as trace steps.
 */
public final class Repair {
    private Repair() {
    }

    /**
     * Re-sends, by sender and seq, every issued message a peer has not had delivered and that is
     * not still in flight, and delivers it. Returns the copies re-sent. Precise re-sending needs
     * to know what arrived, which the delivery layers record.
     */
    public static List<Copy> resendMissing(Cluster c) {
        List<Copy> resent = new ArrayList<>();
        List<Copy> inFlight = c.inFlight();
        for (int from = 0; from < c.size(); from++) {
            for (long seq : c.issuedSeqs(from)) {
                for (int to = 0; to < c.size(); to++) {
                    Copy copy = new Copy(from, to, seq);
                    if (to != from && !c.layer(to).hasDelivered(from, seq) && !inFlight.contains(copy)) {
                        c.send(from, to, seq);
                        c.deliver(from, to, seq);
                        resent.add(copy);
                    }
                }
            }
        }
        return resent;
    }

    /**
     * Re-sends every message {@code from} ever issued to every peer, whether or not it arrived:
     * the blind repair. Without de-duplication the messages that had arrived are applied a second
     * time and cancel (NG-DUP-1); with it they are filtered (REP-DEDUP-1).
     */
    public static void resendAll(Cluster c, int from) {
        for (long seq : c.issuedSeqs(from)) {
            for (int to = 0; to < c.size(); to++) {
                if (to != from) {
                    c.send(from, to, seq);
                    c.deliver(from, to, seq);
                }
            }
        }
    }

    /**
     * Installs {@code source}'s state on {@code target}: a LOAD of every key the source holds,
     * sending nothing. Valid only when the source has had every message of every other node
     * delivered and nothing is in flight to the target; otherwise the snapshot would lose writes
     * or a late copy would be applied on top of a state that already contains it. The target's
     * delivery layer then counts every issued message as delivered, so a late resend is filtered
     * when de-duplication is on.
     */
    public static void snapshot(Cluster c, int source, int target) {
        c.snapshot(source, target);
    }
}
