package io.counterbench.counters;

import static io.counterbench.counters.Slots.LONGS;

/**
 * Slots flushed into a shared total once they reach a batch: Linux's percpu_counter when there is
 * one slot per CPU ({@code flat}), or one slot per NUMA node ({@code per-node}).
 *
 * <p>add: one CAS on the caller's slot; when the slot would reach +-batch, the CAS empties it and
 * the whole amount goes to the total (the kernel's flush under a lock; here the CAS is the lock).
 * So at quiescence every slot holds at most batch - 1 in magnitude.
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
    public void add(int cpu, int task, long delta) {
        if (Integer.compareUnsigned(cpu, slotOf.length) >= 0) {
            throw CurrentCpu.outOfRange(cpu, slotOf.length);
        }
        int i = Slots.index(slotOf[cpu], k);
        long cur = (long) LONGS.getOpaque(slots, i);
        for (;;) {
            long next = Math.addExact(cur, delta);
            if (next >= batch || next <= -batch) {
                long seen = (long) LONGS.compareAndExchange(slots, i, cur, 0L);
                if (seen == cur) {
                    flush(i, cur, next);
                    return;
                }
                cur = seen;
            } else {
                long seen = (long) LONGS.compareAndExchange(slots, i, cur, next);
                if (seen == cur) {
                    return;
                }
                cur = seen;
            }
        }
    }

    private void flush(int slotIndex, long emptied, long amount) {
        try {
            Slots.addExact(slots, totalIndex, amount);
        } catch (ArithmeticException e) {
            LONGS.getAndAdd(slots, slotIndex, emptied);
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
