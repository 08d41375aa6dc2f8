package dev.atomik.replication;

/** Nodes are numbered 0…N−1 in code and named A, B, C… in schedules, traces and output. */
public final class NodeNames {
    public static final int MAX_NODES = 26;

    private NodeNames() {
    }

    public static String name(int node) {
        if (node < 0 || node >= MAX_NODES) {
            throw new IllegalArgumentException("node index " + node + " outside 0.." + (MAX_NODES - 1));
        }
        return String.valueOf((char) ('A' + node));
    }

    /** The index of a node name; {@code nodes} is the cluster size the name must fit. */
    public static int index(String name, int nodes) {
        if (name == null || name.length() != 1 || name.charAt(0) < 'A' || name.charAt(0) >= 'A' + nodes) {
            throw new IllegalArgumentException("unknown node " + name + " (this cluster has "
                    + name(0) + ".." + name(nodes - 1) + ")");
        }
        return name.charAt(0) - 'A';
    }
}
