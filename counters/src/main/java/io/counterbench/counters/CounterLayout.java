package io.counterbench.counters;

/**
 * Which cache lines an add writes and a read visits: the structure a {@link CounterId} declares so
 * that whatever models counters by their lines (the simulator's coherence model and its worst-case
 * adversary) takes it from the counter's one registration instead of a list of ids.
 */
public enum CounterLayout {
    /** Every add writes one shared line; every read reads it (AtomicLong). */
    ONE_LINE,
    /** Lines the suite cannot see: a library's own striping (LongAdder's cells, JCTools' stripes). */
    OPAQUE,
    /** A cache per task, flushed into a shared total every {@code batch} events (pre-6.2 RSS). */
    TASK_CACHES,
    /** A slot per NUMA node, flushed into a shared total at +-batch. */
    NODE_SLOTS,
    /** A slot per CPU, flushed into a shared total at +-batch (percpu_counter). */
    CPU_SLOTS,
    /** A slot per CPU at level 0, carries propagated up a tree of items to a root (HPCC). */
    TREE;

    /** True where the counter's slots follow the writer's CPU or task, so how a writer names its CPU matters. */
    public boolean slotted() {
        return this != ONE_LINE && this != OPAQUE;
    }
}
