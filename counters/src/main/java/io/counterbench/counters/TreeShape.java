package io.counterbench.counters;

import io.counterbench.topology.Level;
import io.counterbench.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape of a hierarchical counter tree: level 0 is one slot per CPU; each level above has
 * items that CPUs map to and a carry mask {@code batch << shift}; the root holds the approximation.
 * Shapes are immutable and shared by every counter built for the same topology (the kernel's
 * counter_config is likewise one per boot).
 *
 * <p>Accuracy, with M = sum over levels l of (2^shift_l x items_l) (the kernel's
 * accuracy_multiplier, batch 1): under = batch x M, over = (batch - 1) x M.
 */
public final class TreeShape {
    /**
     * The kernel's n-arity orders per level, indexed by ceil(log2 nr_cpu_ids) (per_nr_cpu_order_config
     * in lib/percpu_counter_tree.c): configuration, from which every count and bound is derived.
     */
    private static final int[][] KERNEL_ARITY_ORDERS = {
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

    private final String description;
    private final int cpuSlots;
    /** shift[l]: level l's carry mask is batch << shift[l]; shift[0] = 0. */
    private final int[] shift;
    /** items[l]: item count at level l, as the accuracy formula counts them (level 0: the CPU count it uses). */
    private final long[] items;
    /** itemOf[l][cpu] for l >= 1: the item of level l that CPU cpu carries into. */
    private final int[][] itemOf;
    /** firstLine[l] for l >= 1: line of item 0 of level l in the items array; the root follows the last level. */
    private final int[] firstLine;

    private final int itemLines;
    private final boolean exactRoot;
    private final long multiplier;

    private TreeShape(String description, int cpuSlots, int[] shift, long[] items, int[][] itemOf, boolean exactRoot) {
        this.description = description;
        this.cpuSlots = cpuSlots;
        this.shift = shift;
        this.items = items;
        this.itemOf = itemOf;
        this.exactRoot = exactRoot;
        this.firstLine = new int[shift.length];
        int line = 0;
        for (int l = 1; l < shift.length; l++) {
            firstLine[l] = line;
            line += Arrays.stream(itemOf[l]).max().orElse(-1) + 1;
        }
        this.itemLines = line + 1;
        long m = 0;
        for (int l = 0; l < shift.length && !exactRoot; l++) {
            m = Math.addExact(m, Math.multiplyExact(1L << shift[l], items[l]));
        }
        this.multiplier = m;
    }

    /** The kernel's tree for nr_cpu_ids = {@code cpus}: levels and arity from its table. */
    public static TreeShape kernel(int cpus) {
        if (cpus < 1) {
            throw new IllegalArgumentException("CPU count " + cpus + " must be >= 1");
        }
        int order = 32 - Integer.numberOfLeadingZeros(cpus - 1);
        if (order >= KERNEL_ARITY_ORDERS.length) {
            throw new IllegalArgumentException("CPU count " + cpus + " exceeds the kernel table (at most 2^"
                    + (KERNEL_ARITY_ORDERS.length - 1) + ")");
        }
        int[] arity = KERNEL_ARITY_ORDERS[order];
        int levels = arity.length;
        if (levels == 0) {
            return new TreeShape(
                    "kernel tree, 1 CPU: the root is CPU 0's count",
                    1,
                    new int[] {0},
                    new long[] {1},
                    new int[1][],
                    true);
        }
        int[] shift = new int[levels];
        long[] items = new long[levels];
        int[][] itemOf = new int[levels][];
        items[0] = 1L << order;
        StringBuilder desc = new StringBuilder("kernel tree, order " + order + ": " + (1 << order) + " level-0 slots");
        for (int l = 1; l < levels; l++) {
            shift[l] = shift[l - 1] + arity[l - 1];
            int levelItems = 1 << (order - shift[l]);
            items[l] = levelItems;
            itemOf[l] = new int[cpus];
            for (int cpu = 0; cpu < cpus; cpu++) {
                itemOf[l][cpu] = cpu & (levelItems - 1);
            }
            desc.append(", ")
                    .append(levelItems)
                    .append(" x ")
                    .append(1 << arity[l - 1])
                    .append("-ary");
        }
        desc.append(", root ").append(1 << arity[levels - 1]).append("-ary");
        return new TreeShape(desc.toString(), cpus, shift, items, itemOf, false);
    }

    /**
     * A tree whose levels follow the topology's domains: CPUs, then cores (SMT siblings), LLCs, NUMA
     * nodes, dies and packages, skipping a level that adds no grouping; each level's arity order is
     * ceil(log2) of its largest real fan-out.
     */
    public static TreeShape topology(Topology t) {
        if (t == null) {
            throw new IllegalArgumentException("topology must not be null");
        }
        int[] cpus = t.cpus();
        if (cpus.length == 1) {
            return new TreeShape(
                    "topology tree, 1 CPU: the root is its count",
                    t.cpuIdLimit(),
                    new int[] {0},
                    new long[] {1},
                    new int[1][],
                    true);
        }
        List<Level> used = new ArrayList<>();
        List<int[]> maps = new ArrayList<>();
        int[] prev = null;
        int prevCount = cpus.length;
        List<Integer> arityOrders = new ArrayList<>();
        for (Level level : new Level[] {Level.CORE, Level.LLC, Level.NUMA, Level.DIE, Level.PACKAGE}) {
            int count = t.domainCount(level);
            if (count == prevCount || count == 1) {
                continue;
            }
            int[] map = new int[t.cpuIdLimit()];
            for (int cpu : cpus) {
                map[cpu] = t.domainId(cpu, level);
            }
            arityOrders.add(orderOf(maxFanOut(cpus, map, prev, count)));
            used.add(level);
            maps.add(map);
            prev = map;
            prevCount = count;
        }
        arityOrders.add(orderOf(prevCount));
        int levels = used.size() + 1;
        int[] shift = new int[levels];
        long[] items = new long[levels];
        int[][] itemOf = new int[levels][];
        // every id below cpuIdLimit has a level-0 slot the counter accepts adds on (holes are
        // possible-but-absent CPUs, as in the kernel), so every slot counts in the bound; a hole
        // carries into item 0 of each level
        items[0] = t.cpuIdLimit();
        StringBuilder desc = new StringBuilder("topology tree: " + t.cpuIdLimit() + " CPU slots");
        for (int l = 1; l < levels; l++) {
            shift[l] = shift[l - 1] + arityOrders.get(l - 1);
            itemOf[l] = maps.get(l - 1);
            items[l] = t.domainCount(used.get(l - 1));
            desc.append(", ")
                    .append(items[l])
                    .append(' ')
                    .append(used.get(l - 1).shortName())
                    .append(" x ")
                    .append(1 << arityOrders.get(l - 1))
                    .append("-ary");
        }
        desc.append(", root ").append(1 << arityOrders.get(levels - 1)).append("-ary");
        return new TreeShape(desc.toString(), t.cpuIdLimit(), shift, items, itemOf, false);
    }

    private static int maxFanOut(int[] cpus, int[] map, int[] prev, int count) {
        List<Set<Integer>> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            children.add(new HashSet<>());
        }
        for (int cpu : cpus) {
            children.get(map[cpu]).add(prev == null ? cpu : prev[cpu]);
        }
        return children.stream().mapToInt(Set::size).max().orElse(1);
    }

    private static int orderOf(int fanOut) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(1, fanOut) - 1);
    }

    /** Level-0 slots: the CPU id range the tree accepts. */
    public int cpuSlots() {
        return cpuSlots;
    }

    /** Number of levels below the root (the kernel's nr_levels). */
    public int levels() {
        return shift.length;
    }

    /** Level {@code level}'s carry mask is batch << shift(level); shift(0) = 0. */
    public int shift(int level) {
        return shift[level];
    }

    /**
     * The item of level {@code level} (1 <= level < levels()) that CPU {@code cpu} carries into,
     * numbered from 0 within the level. For tests and the simulator's adversary.
     */
    public int itemOf(int level, int cpu) {
        if (level < 1 || level >= levels()) {
            throw new IllegalArgumentException("level " + level + " is not in 1-" + (levels() - 1));
        }
        return itemOf[level][cpu];
    }

    int item(int level, int cpu) {
        return firstLine[level] + itemOf[level][cpu];
    }

    int itemLines() {
        return itemLines;
    }

    /**
     * Items above level 0, root included: the kernel's nr_items, each one 64-byte line of the
     * counter's own. 0 for a 1-CPU tree, which has none.
     */
    public int itemCount() {
        return exactRoot ? 0 : itemLines;
    }

    int rootLine() {
        return itemLines - 1;
    }

    /** True for a 1-CPU tree, whose root is exact. */
    boolean exactRoot() {
        return exactRoot;
    }

    /** The kernel's accuracy multiplier: the accuracy for batch 1. */
    public long multiplier() {
        return multiplier;
    }

    /** (under, over) for {@code batch}: batch x M and (batch - 1) x M. */
    public Accuracy accuracy(long batch) {
        return new Accuracy(Math.multiplyExact(batch, multiplier), Math.multiplyExact(batch - 1, multiplier));
    }

    /**
     * The worst deviation the carry rule can actually produce, computed from the structure: a level
     * keeps the bits below its mask, and what reaches level l >= 1 is a multiple of the mask below,
     * so level 0 holds at most batch - 1 per CPU and an item of level l at most
     * mask_l - mask_(l-1). The approximation is never above the precise sum, so this bounds the
     * "under" side; it is what an adversary reaches exactly, and it is within {@link #accuracy}.
     */
    public long reachableUnder(long batch, int[] cpus) {
        if (exactRoot) {
            return 0;
        }
        long worst = Math.multiplyExact(batch - 1, (long) cpus.length);
        for (int l = 1; l < levels(); l++) {
            Set<Integer> reached = new HashSet<>();
            for (int cpu : cpus) {
                reached.add(itemOf[l][cpu]);
            }
            long step = (batch << shift[l]) - (batch << shift[l - 1]);
            worst = Math.addExact(worst, Math.multiplyExact(step, (long) reached.size()));
        }
        return worst;
    }

    /** Item counts and arities, for printing. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
