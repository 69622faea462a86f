package io.counterbench.counters;

import static io.counterbench.counters.Slots.LONGS;

/**
 * Slots flushed into a shared total once they reach a batch: Linux's percpu_counter when there is
 * one slot per CPU ({@code flat}), or one slot per NUMA node ({@code per-node}).
 *
 * <p>add: one atomic add on the caller's slot; when that leaves the slot at +-batch or beyond, the
 * slot is emptied into the total with one atomic exchange (the kernel's flush under its lock). So at
 * quiescence every slot holds at most batch - 1 in magnitude; while adds run, a slot may briefly
 * hold more until its flush lands.
 */
final class BatchedCounter implements Counter {
    private final CounterId id;
    private final long[] slots;
    private final int[] slotOf;
    private final int slotCount;
    private final int k;
    private final int totalIndex;
    private final long batch;
    private final Accuracy accuracy;
    /** Sees flushes (slow path only); null unless built for the simulator. */
    private final LineObserver observer;
    private volatile long bias;

    /**
     * @param slots   shared padded lines: slotCount slot lines, then one line of totals
     * @param slotOf  slot line of each CPU
     */
    BatchedCounter(CounterId id, long[] slots, int[] slotOf, int slotCount, int k, long batch, LineObserver observer) {
        this.id = id;
        this.slots = slots;
        this.slotOf = slotOf;
        this.slotCount = slotCount;
        this.k = k;
        this.totalIndex = Slots.index(slotCount, k);
        this.batch = batch;
        long bound = Math.multiplyExact(batch - 1, (long) slotCount);
        this.accuracy = new Accuracy(bound, bound);
        this.observer = observer;
    }

    static long[] allocate(int slotCount) {
        return Slots.lines(slotCount + 1);
    }

    @Override
    public void add(long delta) {
        add(CurrentCpu.within(slotOf.length), 0, delta);
    }

    @Override
    public void add(CpuId h, long delta) {
        add(h.cpuWithin(slotOf.length), 0, delta);
    }

    @Override
    public void add(int cpu, int task, long delta) {
        if (Integer.compareUnsigned(cpu, slotOf.length) >= 0) {
            throw CurrentCpu.outOfRange(cpu, slotOf.length);
        }
        int i = Slots.index(slotOf[cpu], k);
        long res = Slots.addExact(slots, i, delta) + delta;
        if (res >= batch || res <= -batch) {
            flush(i, delta);
        }
    }

    /**
     * Moves the whole slot into the total: the kernel's flush under fbc->lock, here one atomic
     * exchange, so adds racing on the same slot are never lost. Whoever flushes last leaves 0, and
     * an add that leaves the slot at +-batch or beyond always flushes after it, so at quiescence
     * every slot is within +-(batch - 1). When the total would leave the long range the add that
     * triggered the flush is refused and the slot restored.
     */
    private void flush(int slotIndex, long delta) {
        long moved = (long) LONGS.getAndSet(slots, slotIndex, 0L);
        try {
            Slots.addExact(slots, totalIndex, moved);
        } catch (ArithmeticException e) {
            // the total cannot take it: put the slot back as it was before this add, and refuse the add
            LONGS.getAndAdd(slots, slotIndex, moved - delta);
            throw e;
        }
        if (observer != null) {
            observer.wrote(slotCount);
        }
    }

    /** The total: one load; off the precise value by at most (batch - 1) x slots either way. May be negative. */
    @Override
    public long approximate() {
        return Sat.add((long) LONGS.getOpaque(slots, totalIndex), bias);
    }

    /** Total plus every slot: O(slots), exact at quiescence. */
    @Override
    public long precise() {
        return Math.addExact(unbiased(), bias);
    }

    private long unbiased() {
        return Math.addExact((long) LONGS.getOpaque(slots, totalIndex), Slots.sum(slots, slotCount, k));
    }

    @Override
    public Accuracy accuracy() {
        return accuracy;
    }

    @Override
    public void set(long v) {
        bias = Math.subtractExact(v, unbiased());
    }

    @Override
    public CounterId id() {
        return id;
    }

    public long batch() {
        return batch;
    }

    public int slotCount() {
        return slotCount;
    }
}
