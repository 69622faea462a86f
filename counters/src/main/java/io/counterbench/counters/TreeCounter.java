package io.counterbench.counters;

import static io.counterbench.counters.Slots.LONGS;

/**
 * Hierarchical per-CPU counter (HPCC, lib/percpu_counter_tree.c), over a {@link TreeShape}: the
 * kernel's arity table ({@code tree}) or the topology's domains ({@code tree-topo}).
 *
 * <p>add: one atomic add on the caller's level-0 slot, which keeps the CPU's full count; when the
 * bits at and above the batch change, the change is carried with the same rule into the CPU's item
 * at each level above (masks doubling by the level's arity), stopping at the first level that
 * absorbs it, else reaching the root.
 */
final class TreeCounter implements Counter {
    private final CounterId id;
    private final TreeShape shape;
    private final long[] level0;
    private final long[] items;
    private final int k;
    private final int cpuLimit;
    private final long mask0;
    private final long batch;
    private final int rootIndex;
    private final Accuracy accuracy;
    /** Sees carries (slow path only); null unless built for the simulator. */
    private final LineObserver observer;
    private volatile long bias;

    TreeCounter(CounterId id, TreeShape shape, long batch, long[] level0, long[] items, int k, LineObserver observer) {
        this.id = id;
        this.shape = shape;
        this.batch = batch;
        this.level0 = level0;
        this.items = items;
        this.k = k;
        this.cpuLimit = shape.cpuSlots();
        this.mask0 = shape.exactRoot() ? 1 : batch;
        this.rootIndex = Slots.index(shape.rootLine(), k);
        this.accuracy = shape.exactRoot() ? Accuracy.EXACT : shape.accuracy(batch);
        this.observer = observer;
    }

    static long[] allocateLevel0(TreeShape shape) {
        return Slots.lines(shape.cpuSlots());
    }

    static long[] allocateItems(TreeShape shape) {
        return Slots.lines(shape.itemLines());
    }

    @Override
    public void add(long delta) {
        add(CurrentCpu.within(cpuLimit), 0, delta);
    }

    @Override
    public void add(CpuId h, long delta) {
        add(h.cpuWithin(cpuLimit), 0, delta);
    }

    @Override
    public void add(int cpu, int task, long delta) {
        if (Integer.compareUnsigned(cpu, cpuLimit) >= 0) {
            throw CurrentCpu.outOfRange(cpu, cpuLimit);
        }
        if (delta == 0) {
            return;
        }
        int slot = Slots.index(cpu, k);
        long orig = Slots.addExact(level0, slot, delta);
        long carry = Carry.of(orig, orig + delta, delta, mask0);
        if (carry != 0) {
            try {
                propagate(cpu, 1, carry);
            } catch (ArithmeticException e) {
                LONGS.getAndAdd(level0, slot, -delta);
                throw e;
            }
        }
    }

    /**
     * Carries into level {@code l} and up (the slow path). Recursive so that a carry that would
     * take an item or the root out of the long range is undone on every level it reached (the
     * true total does not fit a long then); depth is the level count, at most 6.
     */
    private void propagate(int cpu, int l, long carry) {
        LineObserver obs = observer;
        if (l >= shape.levels()) {
            Slots.addExact(items, rootIndex, carry);
            if (obs != null) {
                obs.wrote(shape.rootLine());
            }
            return;
        }
        int i = Slots.index(shape.item(l, cpu), k);
        long orig = Slots.addExact(items, i, carry);
        if (obs != null) {
            obs.wrote(shape.item(l, cpu));
        }
        long next = Carry.of(orig, orig + carry, carry, mask0 << shape.shift(l));
        if (next != 0) {
            try {
                propagate(cpu, l + 1, next);
            } catch (ArithmeticException e) {
                LONGS.getAndAdd(items, i, -carry);
                throw e;
            }
        }
    }

    /** The root: one load; at most accuracy().under() below the precise sum, never above it. */
    @Override
    public long approximate() {
        return Sat.add((long) LONGS.getOpaque(items, rootIndex), bias);
    }

    /** Sum of the level-0 slots: O(CPUs), exact at quiescence. */
    @Override
    public long precise() {
        return Math.addExact(Slots.sum(level0, cpuLimit, k), bias);
    }

    @Override
    public Accuracy accuracy() {
        return accuracy;
    }

    @Override
    public void set(long v) {
        bias = Math.subtractExact(v, Slots.sum(level0, cpuLimit, k));
    }

    @Override
    public CounterId id() {
        return id;
    }

    public TreeShape shape() {
        return shape;
    }

    public long batch() {
        return batch;
    }
}
