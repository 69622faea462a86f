package io.counterbench.counters;

import io.counterbench.topology.Level;
import io.counterbench.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test's own model of a hierarchical counter tree, written from the kernel's description
 * (lib/percpu_counter_tree.c) and the design, not from TreeShape: per level l >= 1 the carry mask
 * is batch << (sum of the arity orders below l), and each CPU carries into one item of each level.
 * It gives the expected accuracy multiplier, the worst reachable under-deviation, and the
 * adversarial add sequence that reaches it.
 */
final class TreeModel {
    /** Arity orders per level, indexed by ceil(log2 nr_cpu_ids), for 1 to 4096 CPUs. */
    static final int[][] KERNEL_ARITY = {
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
    };

    /** The CPUs the topology has (the only ones the adversary uses). */
    final int[] cpus;
    /** shift[l]: sum of the arity orders of the levels below l; shift[0] = 0. */
    final int[] shift;
    /** items[l]: item count the accuracy formula uses at level l. */
    final long[] items;
    /** itemOf.get(l - 1).get(cpu): the item of level l that CPU cpu carries into. */
    final List<Map<Integer, Integer>> itemOf;
    /** True when the root is exact (one CPU). */
    final boolean exact;

    private TreeModel(int[] cpus, int[] shift, long[] items, List<Map<Integer, Integer>> itemOf, boolean exact) {
        this.cpus = cpus;
        this.shift = shift;
        this.items = items;
        this.itemOf = itemOf;
        this.exact = exact;
    }

    static int ceilLog2(long n) {
        int order = 0;
        while ((1L << order) < n) {
            order++;
        }
        return order;
    }

    /**
     * The kernel's accuracy multiplier for nr_cpu_ids = {@code n}: sum over levels of
     * batch_l x items_l, batch_0 = 1 and items_0 = 2^ceil(log2 n), each level dividing the item count
     * and multiplying the batch by 2^arity.
     */
    static long kernelMultiplier(int n) {
        int order = ceilLog2(n);
        long levelItems = 1L << order;
        long levelBatch = 1;
        long m = 0;
        for (int arity : KERNEL_ARITY[order]) {
            m += levelBatch * levelItems;
            levelBatch <<= arity;
            levelItems >>= arity;
        }
        return m;
    }

    /** The kernel tree over nr_cpu_ids = topology.cpuIdLimit(): items grouped by the low bits of the CPU number. */
    static TreeModel kernel(Topology t) {
        int n = t.cpuIdLimit();
        int order = ceilLog2(n);
        int[] arity = KERNEL_ARITY[order];
        if (arity.length == 0) {
            return new TreeModel(t.cpus(), new int[] {0}, new long[] {1}, List.of(), true);
        }
        int[] shift = new int[arity.length];
        long[] items = new long[arity.length];
        items[0] = 1L << order;
        List<Map<Integer, Integer>> itemOf = new ArrayList<>();
        for (int l = 1; l < arity.length; l++) {
            shift[l] = shift[l - 1] + arity[l - 1];
            int levelItems = 1 << (order - shift[l]);
            items[l] = levelItems;
            Map<Integer, Integer> map = new LinkedHashMap<>();
            for (int cpu : t.cpus()) {
                map.put(cpu, cpu % levelItems);
            }
            itemOf.add(map);
        }
        return new TreeModel(t.cpus(), shift, items, itemOf, false);
    }

    /**
     * The topology tree: levels core, LLC, NUMA node, die, package, each kept only when it groups
     * (fewer domains than the level below, more than one); arity order = ceil(log2) of the largest
     * number of children a domain of the level has; the root's order covers the last level's count.
     */
    static TreeModel topology(Topology t) {
        int[] cpus = t.cpus();
        if (cpus.length == 1) {
            return new TreeModel(cpus, new int[] {0}, new long[] {1}, List.of(), true);
        }
        List<Integer> shifts = new ArrayList<>(List.of(0));
        List<Long> items = new ArrayList<>(List.of((long) cpus.length));
        List<Map<Integer, Integer>> itemOf = new ArrayList<>();
        Map<Integer, Integer> below = null;
        int belowCount = cpus.length;
        for (Level level : List.of(Level.CORE, Level.LLC, Level.NUMA, Level.DIE, Level.PACKAGE)) {
            int count = t.domainCount(level);
            if (count == 1 || count == belowCount) {
                continue;
            }
            Map<Integer, Integer> map = new LinkedHashMap<>();
            Map<Integer, Set<Integer>> children = new LinkedHashMap<>();
            for (int cpu : cpus) {
                int item = t.domainId(cpu, level);
                map.put(cpu, item);
                children.computeIfAbsent(item, k -> new HashSet<>()).add(below == null ? cpu : below.get(cpu));
            }
            int fanOut = children.values().stream().mapToInt(Set::size).max().orElseThrow();
            shifts.add(shifts.getLast() + ceilLog2(fanOut));
            items.add((long) count);
            itemOf.add(map);
            below = map;
            belowCount = count;
        }
        return new TreeModel(
                cpus,
                shifts.stream().mapToInt(Integer::intValue).toArray(),
                items.stream().mapToLong(Long::longValue).toArray(),
                itemOf,
                false);
    }

    static TreeModel of(CounterId id, Topology t) {
        return switch (id) {
            case TREE -> kernel(t);
            case TREE_TOPO -> topology(t);
            default -> throw new IllegalArgumentException(id + " is not a tree");
        };
    }

    int levels() {
        return shift.length;
    }

    long mask(long batch, int level) {
        return batch << shift[level];
    }

    /** The accuracy multiplier: sum over levels of 2^shift x items (0 for an exact root). */
    long multiplier() {
        if (exact) {
            return 0;
        }
        long m = 0;
        for (int l = 0; l < levels(); l++) {
            m += (1L << shift[l]) * items[l];
        }
        return m;
    }

    /** Items of level l >= 1 that the topology's CPUs reach, each with the CPUs carrying into it. */
    Map<Integer, List<Integer>> groups(int level) {
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        itemOf.get(level - 1)
                .forEach((cpu, item) ->
                        groups.computeIfAbsent(item, k -> new ArrayList<>()).add(cpu));
        return groups;
    }

    /** batch - 1 on every CPU, plus mask_l - mask_(l-1) on every reached item of every level l >= 1. */
    long reachableUnder(long batch) {
        if (exact) {
            return 0;
        }
        long worst = (batch - 1) * cpus.length;
        for (int l = 1; l < levels(); l++) {
            worst += (mask(batch, l) - mask(batch, l - 1)) * groups(l).size();
        }
        return worst;
    }

    /**
     * Drives a fresh counter to the worst under-deviation: from the top level down, fills every
     * reached item's residual to mask_l - mask_(l-1) through one of its CPUs (an amount that is a
     * multiple of every lower mask, so it passes through them and stops at l), then puts batch - 1
     * on every CPU. Returns the total added.
     */
    long driveToWorst(Counter c, long batch) {
        long total = 0;
        for (int l = levels() - 1; l >= 1; l--) {
            long amount = mask(batch, l) - mask(batch, l - 1);
            for (List<Integer> group : groups(l).values()) {
                c.add(group.getFirst(), 0, amount);
                total += amount;
            }
        }
        for (int cpu : cpus) {
            c.add(cpu, 0, batch - 1);
            total += batch - 1;
        }
        return total;
    }
}
