package io.counterbench.sim;

import io.counterbench.counters.CounterType;

/**
 * One simulation: a counter on a topology, driven by a workload whose tasks a scheduler places.
 *
 * @param label what the run is, for tables and progress ("random hop", "N=384")
 * @param map the topology
 * @param id the counter type: a built-in, or one contributed by a --counter-jar (custom scenario only)
 * @param batch the counter's batch (0: its default)
 * @param tasks the process's tasks (threads)
 * @param workload the operation stream
 * @param ops how many operations the workload runs (see each workload)
 * @param pages the workload's size in pages (see {@link WorkloadSetup#pages})
 * @param migration the scheduler's migration rule
 * @param seed the seed of every random choice: the same seed gives the same run
 * @param reads the reads among the adds: each task reads after every so many of its own adds (NONE: adds only)
 */
record SimSpec(
        String label,
        CpuMap map,
        CounterType id,
        long batch,
        int tasks,
        WorkloadKind workload,
        long ops,
        long pages,
        MigrationRule migration,
        long seed,
        ReadMix reads) {

    /** A spec without reads (every operation an add). */
    SimSpec(
            String label,
            CpuMap map,
            CounterType id,
            long batch,
            int tasks,
            WorkloadKind workload,
            long ops,
            long pages,
            MigrationRule migration,
            long seed) {
        this(label, map, id, batch, tasks, workload, ops, pages, migration, seed, ReadMix.NONE);
    }

    SimSpec {
        if (reads == null) {
            reads = ReadMix.NONE;
        }
        if (tasks < 1) {
            throw new IllegalArgumentException("--tasks must be at least 1, got " + tasks);
        }
        if (ops < 0) {
            throw new IllegalArgumentException("--ops must be >= 0, got " + ops);
        }
        if (batch < 0) {
            throw new IllegalArgumentException("--batch must be >= 0 (0: the counter's default), got " + batch);
        }
    }

    SimSpec withCounter(CounterType other) {
        return new SimSpec(label, map, other, batch, tasks, workload, ops, pages, migration, seed, reads);
    }
}
