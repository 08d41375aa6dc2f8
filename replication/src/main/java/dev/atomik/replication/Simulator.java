package dev.atomik.replication;

import dev.atomik.model.DeltaMessage;
import dev.atomik.model.Width;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic, seeded simulation of a full-mesh cache cluster over faulty links. Every random
 * choice (who writes, what, which copy is dropped, duplicated, delayed or delivered next) comes
 * from one {@link Random} seeded with {@code seed}, whose algorithm Java specifies exactly, so a
 * seed names a run on every JVM. The run is recorded by the {@link Cluster}; the recording alone
 * replays it ({@link Replay}).
 *
 * <p>Time is in ticks. Each tick: partitions start or heal; with probability {@code putRate} one
 * random node puts a random value at a random key and sends it to every peer (each copy may be
 * dropped, duplicated and delayed); then one or two ready copies are delivered.
 */
public final class Simulator {
    /** A run that has not quiesced after this many ticks is a bug in the scenario, not a result. */
    private static final int TICK_LIMIT = 100_000;

    private record Pending(Copy copy, int readyAt) {
    }

    private final Random rng;
    private final Workload workload;
    private final Faults faults;
    private final Cluster cluster;
    private final List<Pending> pending = new ArrayList<>();
    private Faults.Partition active;

    private Simulator(long seed, Workload workload, Faults faults, boolean dedup) {
        this.rng = new Random(seed);
        this.workload = workload;
        this.faults = faults;
        this.cluster = new Cluster(workload.nodes(), workload.width(), dedup);
    }

    /** Runs the workload to quiescence (no puts left, nothing deliverable) and ends with a check. */
    public static Cluster run(long seed, Workload workload, Faults faults, boolean dedup) {
        Simulator sim = new Simulator(seed, workload, faults, dedup);
        sim.initialise();
        sim.loop();
        sim.cluster.check();
        return sim.cluster;
    }

    private void initialise() {
        for (Map.Entry<Long, Long> e : workload.initial().entrySet()) {
            for (int node = 0; node < cluster.size(); node++) {
                cluster.load(node, e.getKey(), e.getValue());
            }
        }
        if (!workload.initial().isEmpty()) {
            cluster.check();
        }
    }

    private void loop() {
        int putsLeft = workload.puts();
        int lastPartitionEnd = 0;
        for (Faults.Partition p : faults.partitions()) {
            lastPartitionEnd = Math.max(lastPartitionEnd, p.end());
        }
        for (int tick = 0; putsLeft > 0 || !pending.isEmpty() || tick <= lastPartitionEnd; tick++) {
            if (tick > TICK_LIMIT) {
                throw new IllegalStateException("simulation did not quiesce within " + TICK_LIMIT + " ticks");
            }
            partitions(tick);
            if (putsLeft > 0 && rng.nextDouble() < workload.putRate()) {
                put(tick);
                putsLeft--;
            }
            deliver(tick);
        }
    }

    private void partitions(int tick) {
        if (active != null && tick >= active.end()) {
            cluster.heal();
            active = null;
        }
        for (Faults.Partition p : faults.partitions()) {
            if (p.start() == tick) {
                if (active != null) {
                    throw new IllegalArgumentException("partitions overlap at tick " + tick);
                }
                active = p;
                cluster.partition(p.isolated());
                if (p.lossy()) {
                    dropCrossing();
                }
            }
        }
    }

    private void dropCrossing() {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Copy c = it.next().copy();
            if (cluster.crossesCut(c.from(), c.to())) {
                it.remove();
                cluster.drop(c.from(), c.to(), c.seq());
            }
        }
    }

    private void put(int tick) {
        int node = rng.nextInt(cluster.size());
        long key = rng.nextInt(workload.keys());
        long value = rng.nextLong() & Width.maskOf(workload.width());
        DeltaMessage m = cluster.put(node, key, value);
        for (int peer = 0; peer < cluster.size(); peer++) {
            if (peer != node) {
                send(new Copy(node, peer, m.seq), tick);
            }
        }
    }

    private void send(Copy c, int tick) {
        cluster.send(c.from(), c.to(), c.seq());
        if (active != null && active.lossy() && cluster.crossesCut(c.from(), c.to())) {
            cluster.drop(c.from(), c.to(), c.seq());
            return;
        }
        if (rng.nextDouble() < faults.dropRate()) {
            cluster.drop(c.from(), c.to(), c.seq());
            return;
        }
        pending.add(new Pending(c, tick + delay()));
        if (rng.nextDouble() < faults.duplicateRate()) {
            cluster.duplicate(c.from(), c.to(), c.seq());
            pending.add(new Pending(c, tick + delay()));
        }
    }

    private int delay() {
        return faults.maxDelay() == 0 ? 0 : rng.nextInt(faults.maxDelay() + 1);
    }

    private void deliver(int tick) {
        int budget = 1 + rng.nextInt(2);
        for (int k = 0; k < budget; k++) {
            List<Integer> ready = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                if (p.readyAt() <= tick && !cluster.crossesCut(p.copy().from(), p.copy().to())) {
                    ready.add(i);
                }
            }
            if (ready.isEmpty()) {
                return;
            }
            int index = faults.reorder() ? ready.get(rng.nextInt(ready.size())) : ready.get(0);
            Copy c = pending.remove(index).copy();
            cluster.deliver(c.from(), c.to(), c.seq());
        }
    }
}
