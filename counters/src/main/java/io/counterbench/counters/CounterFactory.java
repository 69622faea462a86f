package io.counterbench.counters;

import io.counterbench.topology.Level;
import io.counterbench.topology.Topology;

/**
 * Builds counters of one id for one topology and batch. Everything derived from the topology (tree
 * shape, CPU-to-slot maps) is computed once here, so creating a counter allocates only the counter
 * (and, for the tree, its own item lines) and takes its per-CPU slots from the {@link PerCpuArena}.
 */
public final class CounterFactory implements CounterBuilder {
    private final CounterId id;
    private final Topology topology;
    private final long batch;
    private final TreeShape shape;
    private final LineObserver observer;
    private int[] identity;
    private int[] nodeOf;

    CounterFactory(CounterId id, Topology topology, long batch) {
        if (topology == null) {
            throw new IllegalArgumentException("topology must not be null (counter " + id.id() + ")");
        }
        if (batch < 0) {
            throw new IllegalArgumentException("batch " + batch + " must be positive (counter " + id.id() + ")");
        }
        long b = batch == 0 ? id.defaultBatch(topology) : batch;
        if (b != 0 && b <= 1) {
            throw new IllegalArgumentException("batch " + batch + " must be greater than 1 (counter " + id.id() + ")");
        }
        if (id.needsPowerOfTwoBatch() && Long.bitCount(b) != 1) {
            throw new IllegalArgumentException("batch " + batch + " must be a power of two (counter " + id.id() + ")");
        }
        if (id.needsPowerOfTwoBatch() && b > 1L << 30) {
            throw new IllegalArgumentException("batch " + batch + " must be at most 2^30 (counter " + id.id() + ")");
        }
        this.id = id;
        this.topology = topology;
        this.batch = id.defaultBatch(topology) == 0 ? 0 : b;
        this.shape = id.shape(topology);
        this.observer = null;
    }

    private CounterFactory(CounterFactory base, LineObserver observer) {
        this.id = base.id;
        this.topology = base.topology;
        this.batch = base.batch;
        this.shape = base.shape;
        this.observer = observer;
    }

    /**
     * The same factory whose counters report their slow-path writes to {@code observer} (see
     * {@link LineObserver}); for the simulator. {@code null} builds unobserved counters.
     */
    public CounterFactory observedBy(LineObserver observer) {
        return new CounterFactory(this, observer);
    }

    /** The observer counters of this factory report to, or null. */
    LineObserver observer() {
        return observer;
    }

    public CounterId id() {
        return id;
    }

    public Topology topology() {
        return topology;
    }

    /** The batch in use (0 for ids that have none). */
    public long batch() {
        return batch;
    }

    /** The tree shape, for tree ids; null otherwise. */
    public TreeShape shape() {
        return shape;
    }

    @Override
    public Counter create() {
        return createGroup(1)[0];
    }

    /**
     * {@code count} counters (at most {@link Slots#MAX_GROUP}) built together, like the four RSS
     * counters of one mm: where the implementation has per-CPU slots they are adjacent slots of one
     * arena chunk (percpu_counter_tree_init_many's one allocation). Each counter returns its slot on
     * {@link Counter#close()} or, failing that, once it is unreachable.
     */
    @Override
    public Counter[] createGroup(int count) {
        if (count < 1 || count > Slots.MAX_GROUP) {
            throw new IllegalArgumentException("group size " + count + " must be in 1-" + Slots.MAX_GROUP);
        }
        Counter[] group = new Counter[count];
        PerCpuArena arena = arena();
        if (arena == null) {
            for (int k = 0; k < count; k++) {
                group[k] = id.build(this, null);
            }
            return group;
        }
        SlotLease[] leases = arena.take(count);
        try {
            for (int k = 0; k < count; k++) {
                group[k] = id.build(this, leases[k]);
            }
        } catch (RuntimeException | Error e) {
            for (SlotLease lease : leases) {
                lease.run();
            }
            throw e;
        }
        for (int k = 0; k < count; k++) {
            PerCpuArena.releaseWhenUnreachable(group[k], leases[k]);
        }
        return group;
    }

    /** The arena this factory's counters take their per-CPU slots from, or null when they have none. */
    public PerCpuArena arena() {
        int regions = id.regions(topology);
        return regions == 0 ? null : PerCpuArena.of(regions);
    }

    /**
     * Bytes the kernel's layout needs for one counter of this structure, computed from it: 8 per
     * per-CPU slot, plus one 64-byte line per tree item (the kernel's items are cache-line aligned);
     * 8 for atomic (an atomic_long_t). -1 where the kernel has no such structure (per-node was a
     * proposal, per-thread caches lived in task_struct and scale with threads; adder, jctools).
     */
    public long kernelLayoutBytes() {
        return id.kernelLayoutBytes(this);
    }

    /**
     * The objects every counter of this factory references but none owns (tree shape, CPU-to-slot
     * maps): the kernel's boot-time configuration. Footprints subtract them.
     */
    public synchronized Object[] sharedConfiguration() {
        return java.util.stream.Stream.of(shape, identity, nodeOf)
                .filter(java.util.Objects::nonNull)
                .toArray();
    }

    synchronized int[] identity() {
        if (identity == null) {
            identity = new int[topology.cpuIdLimit()];
            for (int i = 0; i < identity.length; i++) {
                identity[i] = i;
            }
        }
        return identity;
    }

    /** NUMA node of every CPU id; ids that are not in the topology map to node 0. */
    synchronized int[] nodeOf() {
        if (nodeOf == null) {
            nodeOf = new int[topology.cpuIdLimit()];
            for (int cpu : topology.cpus()) {
                nodeOf[cpu] = topology.domainId(cpu, Level.NUMA);
            }
        }
        return nodeOf;
    }
}
