package io.counterbench.counters;

import static io.counterbench.counters.Slots.LONGS;

import java.lang.ref.Reference;

/**
 * Hierarchical per-CPU counter (HPCC, lib/percpu_counter_tree.c), over a {@link TreeShape}: the
 * kernel's arity table ({@code tree}) or the topology's domains ({@code tree-topo}). Level 0 is one
 * slot per CPU in a {@link PerCpuArena}; the items above and the root are this counter's own 64-byte
 * lines, as the kernel's items are.
 *
 * <p>add: one atomic add on the caller's level-0 slot, which keeps the CPU's full count; when the
 * bits at and above the batch change, the change is carried with the same rule up the CPU's items
 * (masks doubling by each level's arity), stopping at the first level that absorbs it, else reaching
 * the root. A level whose mask's low bits the carry does not touch is skipped, as the kernel's slow
 * path does: no atomic on that item, the carry passes up unchanged. Items keep only the bits below
 * their mask that matter, so they are added to with a plain wrapping atomic; the level-0 slot and
 * the root are checked (package-info, Values). A 1-CPU tree has no items: its approximation is the
 * CPU's slot, and nothing is ever carried.
 */
final class TreeCounter implements Counter {
    private static final int REGION = PerCpuArena.REGION_STRIDE;

    private final CounterId id;
    private final TreeShape shape;
    private final long[] level0;
    private final int base;
    /** Items and root, one 64-byte line each; null for a 1-CPU tree. */
    private final long[] items;

    private final int cpuLimit;
    private final long mask0;
    private final long batch;
    private final int rootIndex;
    private final Accuracy accuracy;
    /** Sees carries (slow path only); null unless built for the simulator. */
    private final LineObserver observer;

    private final SlotLease lease;
    private volatile long bias;

    TreeCounter(CounterId id, TreeShape shape, long batch, SlotLease lease, LineObserver observer) {
        this.id = id;
        this.shape = shape;
        this.batch = batch;
        this.lease = lease;
        this.level0 = lease.memory();
        this.base = lease.base();
        this.cpuLimit = shape.cpuSlots();
        // the kernel's level0_bit_mask: 0 for one CPU, where Carry.of never carries
        this.mask0 = shape.exactRoot() ? 0 : batch;
        this.items = shape.exactRoot() ? null : Slots.itemLines(shape.itemLines());
        this.rootIndex = Slots.itemIndex(shape.rootLine());
        this.accuracy = shape.exactRoot() ? Accuracy.EXACT : shape.accuracy(batch);
        this.observer = observer;
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
        try {
            int slot = cpu * REGION + base;
            long orig = Slots.addExact(level0, slot, delta);
            // Carry.of is non-zero only if a bit at or above mask0 changes in the slot or is set in
            // |delta| (-mask0 is those bits; 0 for one CPU): the rest of the carry stays out of line
            if ((((orig ^ (orig + delta)) | Math.abs(delta)) & -mask0) != 0) {
                carry(cpu, slot, orig, delta);
            }
        } finally {
            // the slot must stay this counter's until the add is done (see PerCpuArena)
            Reference.reachabilityFence(this);
        }
    }

    /** The carry of an add to level 0 that changed bits at or above mask0 (the slow path). */
    private void carry(int cpu, int slot, long orig, long delta) {
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
     * take the root out of the long range is undone on every item it reached (the true total does
     * not fit a long then); depth is the level count, at most 6.
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
        long mask = mask0 << shape.shift(l);
        if ((Math.abs(carry) & (mask - 1)) == 0) {
            // no bit below this level's mask changes: the item would pass the carry on unchanged
            propagate(cpu, l + 1, carry);
            return;
        }
        int line = shape.item(l, cpu);
        int i = Slots.itemIndex(line);
        long orig = (long) LONGS.getAndAdd(items, i, carry);
        if (obs != null) {
            obs.wrote(line);
        }
        long next = Carry.of(orig, orig + carry, carry, mask);
        if (next != 0) {
            try {
                propagate(cpu, l + 1, next);
            } catch (ArithmeticException e) {
                LONGS.getAndAdd(items, i, -carry);
                throw e;
            }
        }
    }

    /**
     * The root: one load; at most accuracy().under() below the precise sum, never above it. A 1-CPU
     * tree reads its CPU's slot (every slot when the topology's one CPU has a number above 0): exact.
     */
    @Override
    public long approximate() {
        if (items == null) {
            try {
                lease.checkOpen();
                return level0Sum().add(bias).saturated();
            } finally {
                Reference.reachabilityFence(this);
            }
        }
        return Sat.add((long) LONGS.getOpaque(items, rootIndex), bias);
    }

    /** Sum of the level-0 slots and the bias: O(CPUs), exact at quiescence. */
    @Override
    public long precise() {
        try {
            lease.checkOpen();
            return level0Sum().add(bias).exact();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    private WideSum level0Sum() {
        WideSum sum = new WideSum();
        for (int cpu = 0; cpu < cpuLimit; cpu++) {
            sum.add((long) LONGS.getOpaque(level0, cpu * REGION + base));
        }
        return sum;
    }

    @Override
    public Accuracy accuracy() {
        return accuracy;
    }

    /** The kernel's percpu_counter_tree_set: a bias of {@code v} minus the level-0 sum, computed exactly. */
    @Override
    public void set(long v) {
        try {
            lease.checkOpen();
            bias = new WideSum().add(v).subtract(level0Sum()).exact();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public void close() {
        lease.run();
    }

    SlotLease lease() {
        return lease;
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
