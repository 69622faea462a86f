package io.counterbench.results.report;

/**
 * What the Linux kernel's layout needs for a counter on N CPUs, so the footprint chart can show the
 * JVM's padding cost beside it: the per-CPU allocator gives each counter 8 bytes in every CPU's
 * area (percpu_counter, and level 0 of the HPCC tree), and the HPCC tree adds one 64-byte cache
 * line per tree item (intermediate items and the root).
 *
 * <p>Tree items are computed from the kernel's structure: levels and arity come from its table of
 * n-arity orders indexed by ceil(log2 N) (per_nr_cpu_order_config in lib/percpu_counter_tree.c,
 * the same table as io.counterbench.counters.TreeShape#kernel, which a test in the benchmarks
 * module checks this against); level l above 0 has 2^(order - shift_l) items, shift_l being the
 * sum of the arity orders below it. 256 CPUs: order 8, orders {3, 3, 2}: 32 + 4 items and a root,
 * 37 lines. Used when footprint.json carries no kernel-layout column of its own.
 */
public final class KernelLayout {
    static final int SLOT_BYTES = 8;
    static final int LINE_BYTES = 64;

    private static final int[][] ARITY_ORDERS = {
        {},
        {1},
        {1, 1},
        {1, 1, 1},
        {2, 1, 1},
        {2, 2, 1},
        {2, 2, 2},
        {3, 2, 2},
        {3, 3, 2},
        {3, 3, 3},
        {3, 3, 2, 2},
        {3, 3, 3, 2},
        {3, 3, 3, 3},
        {3, 3, 3, 2, 2},
        {3, 3, 3, 3, 2},
        {3, 3, 3, 3, 3},
        {4, 3, 3, 3, 3},
        {4, 4, 3, 3, 3},
        {4, 4, 4, 3, 3},
        {4, 4, 4, 4, 3},
        {4, 4, 4, 4, 4},
    };

    private KernelLayout() {}

    /** percpu_counter: one 8-byte slot per CPU. */
    public static long perCpuCounter(int cpus) {
        return (long) SLOT_BYTES * cpus;
    }

    /** The HPCC tree: 8 bytes per CPU plus a 64-byte line per tree item. */
    public static long tree(int cpus) {
        return perCpuCounter(cpus) + (long) LINE_BYTES * treeItems(cpus);
    }

    /**
     * Intermediate items and the root of the kernel's tree for {@code cpus} CPUs (0 for one CPU: CPU 0's slot is the
     * root).
     */
    public static long treeItems(int cpus) {
        if (cpus < 1) {
            throw new IllegalArgumentException("CPU count " + cpus + " must be >= 1");
        }
        int order = 32 - Integer.numberOfLeadingZeros(cpus - 1);
        if (order >= ARITY_ORDERS.length) {
            throw new IllegalArgumentException("CPU count " + cpus + " exceeds the kernel table");
        }
        int[] arity = ARITY_ORDERS[order];
        if (arity.length == 0) {
            return 0;
        }
        long items = 1; // the root
        int shift = 0;
        for (int l = 1; l < arity.length; l++) {
            shift += arity[l - 1];
            items += 1L << (order - shift);
        }
        return items;
    }
}
