package dev.atomik.replication;

/** One copy of message (from, seq) on the link from → to. Duplicates are equal copies. */
public record Copy(int from, int to, long seq) {
    @Override
    public String toString() {
        return NodeNames.name(from) + "→" + NodeNames.name(to) + " seq " + seq;
    }
}
