package io.counterbench.sim;

import io.counterbench.counters.CounterFactory;
import io.counterbench.counters.CounterId;
import io.counterbench.counters.CounterLayout;
import io.counterbench.counters.CounterType;
import io.counterbench.topology.Level;
import java.util.List;

/**
 * What the simulator knows of a counter kind, by the lines it declares ({@link CounterLayout}): its
 * coherence model, the additions that drive it to its worst deviation ({@link AdversaryPlan}),
 * whether its bound grows with the deltas it sees, and the tree's reachable deviation. The one place
 * the simulator tells counter kinds apart: a built-in counter gets its model from its layout, a
 * contributed one (whose lines are not known here) is {@link #OPAQUE}.
 */
public enum CounterModel {
    /** AtomicLong: every add moves the one line. */
    ONE_LINE {
        @Override
        public Coherence coherence(CpuMap map, int tasks, CounterFactory f) {
            return new Coherence(map, Coherence.SlotLine.SHARED, 1, 1, -1, false);
        }
    },
    /** Lines not seen: no coherence model, +1 then -1 per CPU as the adversary. */
    OPAQUE {
        @Override
        public Coherence coherence(CpuMap map, int tasks, CounterFactory f) {
            return null;
        }
    },
    /** per-thread: the task's cache; its bound grows with the largest |delta| of each task. */
    TASK_CACHES {
        @Override
        public Coherence coherence(CpuMap map, int tasks, CounterFactory f) {
            return new Coherence(map, Coherence.SlotLine.TASK, tasks, tasks, 0, false);
        }

        @Override
        void adversary(CounterFactory f, CpuMap map, int taskCount, List<long[]> steps) {
            AdversaryPlan.taskCaches(f.batch(), map.cpus(), taskCount, steps);
        }

        @Override
        public boolean boundGrowsWithDeltas() {
            return true;
        }
    },
    /** per-node: the node's slot, flushed into the total (precise() takes the lock). */
    NODE_SLOTS {
        @Override
        boolean preciseTakesLock() {
            return true;
        }

        @Override
        public Coherence coherence(CpuMap map, int tasks, CounterFactory f) {
            int nodes = map.topology().domainCount(Level.NUMA);
            return new Coherence(
                    map, Coherence.SlotLine.NODE, map.topology().cpuIdLimit(), nodes, nodes, preciseTakesLock());
        }

        @Override
        void adversary(CounterFactory f, CpuMap map, int taskCount, List<long[]> steps) {
            AdversaryPlan.slots(f.batch(), AdversaryPlan.firstCpuOfEachNode(map), steps);
        }
    },
    /** flat: the CPU's slot, flushed into the total (precise() takes the lock). */
    CPU_SLOTS {
        @Override
        boolean preciseTakesLock() {
            return true;
        }

        @Override
        public Coherence coherence(CpuMap map, int tasks, CounterFactory f) {
            int cpuLimit = map.topology().cpuIdLimit();
            return new Coherence(map, Coherence.SlotLine.CPU, cpuLimit, cpuLimit, cpuLimit, preciseTakesLock());
        }

        @Override
        void adversary(CounterFactory f, CpuMap map, int taskCount, List<long[]> steps) {
            AdversaryPlan.slots(f.batch(), AdversaryPlan.boxed(map.cpus()), steps);
        }
    },
    /** tree, tree-topo: the CPU's level-0 slot, carries into the items above; approximate() reads the root. */
    TREE {
        @Override
        public Coherence coherence(CpuMap map, int tasks, CounterFactory f) {
            int cpuLimit = map.topology().cpuIdLimit();
            int items = f.shape().itemCount();
            return new Coherence(map, Coherence.SlotLine.CPU, cpuLimit, cpuLimit, items == 0 ? -1 : items - 1, false);
        }

        @Override
        void adversary(CounterFactory f, CpuMap map, int taskCount, List<long[]> steps) {
            AdversaryPlan.tree(f.shape(), f.batch(), map.cpus(), steps);
        }

        @Override
        public Long reachableUnder(CounterFactory f, CpuMap map) {
            return f.shape().reachableUnder(f.batch(), map.cpus());
        }
    };

    /** The model of {@code type}: a built-in's by its layout, {@link #OPAQUE} for a contributed one. */
    public static CounterModel of(CounterType type) {
        if (!(type instanceof CounterId id)) {
            return OPAQUE;
        }
        return switch (id.layout()) {
            case ONE_LINE -> ONE_LINE;
            case OPAQUE -> OPAQUE;
            case TASK_CACHES -> TASK_CACHES;
            case NODE_SLOTS -> NODE_SLOTS;
            case CPU_SLOTS -> CPU_SLOTS;
            case TREE -> TREE;
        };
    }

    /**
     * The coherence model of a counter built by {@code f} (its batch and tree shape give the lines
     * reads touch), or null where its lines cannot be seen.
     */
    public abstract Coherence coherence(CpuMap map, int tasks, CounterFactory f);

    /** Appends the additions that leave a counter built by {@code f} at its worst deviation ({@link AdversaryPlan}). */
    void adversary(CounterFactory f, CpuMap map, int taskCount, List<long[]> steps) {
        AdversaryPlan.plusOneMinusOne(map.cpus(), steps);
    }

    /**
     * True where precise() takes the counter's lock (percpu_counter_sum's {@code fbc->lock}): the
     * coherence model prices the lock's line, not the time a reader waits while another holds it.
     */
    boolean preciseTakesLock() {
        return false;
    }

    /** True where accuracy() grows with the largest |delta| each task has added (so it is read again then). */
    public boolean boundGrowsWithDeltas() {
        return false;
    }

    /** The worst under-deviation a counter can reach on {@code map}'s CPUs where below its bound, else null. */
    public Long reachableUnder(CounterFactory f, CpuMap map) {
        return null;
    }
}
