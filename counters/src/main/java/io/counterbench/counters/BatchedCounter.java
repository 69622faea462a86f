package io.counterbench.counters;

import static io.counterbench.counters.Slots.LONGS;

import java.lang.ref.Reference;

/**
 * Slots flushed into a shared total once they reach a batch: Linux's percpu_counter when there is
 * one slot per CPU ({@code flat}), or one slot per NUMA node ({@code per-node}). The slots live in a
 * {@link PerCpuArena}; the total and its lock share one padded line of this counter's own.
 *
 * <p>add: one atomic add on the caller's slot, lock-free; when that leaves the slot at +-batch or
 * beyond, the whole slot is moved into the total under the counter's lock (the kernel's flush under
 * {@code fbc->lock}). So at quiescence every slot holds at most batch - 1 in magnitude; while adds
 * run, a slot may briefly hold more until its flush lands. precise() and set() take the same lock,
 * as percpu_counter_sum and percpu_counter_set do, so neither sees a flush half done.
 */
final class BatchedCounter implements Counter {
    private static final int REGION = PerCpuArena.REGION_STRIDE;
    private static final int TOTAL = Slots.index(0, 0);
    private static final int LOCK = Slots.index(0, 1);

    private final CounterId id;
    private final long[] slots;
    private final int base;
    private final int[] slotOf;
    private final int slotCount;
    private final long batch;
    private final Accuracy accuracy;
    /** The total (written under the lock, read opaque by approximate()) and the lock word. */
    private final long[] head = Slots.lines(1);
    /** Sees flushes (slow path only); null unless built for the simulator. */
    private final LineObserver observer;

    private final SlotLease lease;

    /**
     * @param lease   this counter's slot in an arena of {@code slotCount} regions
     * @param slotOf  region of each CPU
     */
    BatchedCounter(CounterId id, SlotLease lease, int[] slotOf, int slotCount, long batch, LineObserver observer) {
        this.id = id;
        this.lease = lease;
        this.slots = lease.memory();
        this.base = lease.base();
        this.slotOf = slotOf;
        this.slotCount = slotCount;
        this.batch = batch;
        long bound = Math.multiplyExact(batch - 1, (long) slotCount);
        this.accuracy = new Accuracy(bound, bound);
        this.observer = observer;
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
        try {
            int i = slotOf[cpu] * REGION + base;
            long res = Slots.addExact(slots, i, delta) + delta;
            if (res >= batch || res <= -batch) {
                flush(i, delta);
            }
        } finally {
            // the slot must stay this counter's until the add is done (see PerCpuArena)
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Moves the whole slot into the total under the lock. The slot is emptied with an atomic
     * exchange, so adds racing on the same slot (threads that migrated) are never lost. Whoever
     * flushes last leaves 0, and an add that leaves the slot at +-batch or beyond always flushes
     * after it, so at quiescence every slot is within +-(batch - 1). When the total would leave the
     * long range the add that triggered the flush is refused and the slot restored.
     */
    private void flush(int slotIndex, long delta) {
        FlushLock.lock(head, LOCK);
        try {
            long moved = (long) LONGS.getAndSet(slots, slotIndex, 0L);
            long total = head[TOTAL];
            long res = total + moved;
            if (((total ^ res) & (moved ^ res)) < 0) {
                // the total cannot take it: put the slot back as it was before this add, and refuse the add
                LONGS.getAndAdd(slots, slotIndex, moved - delta);
                throw new ArithmeticException(
                        "counter total overflow: " + total + " + " + moved + " leaves the long range");
            }
            LONGS.setOpaque(head, TOTAL, res);
        } finally {
            FlushLock.unlock(head, LOCK);
        }
        if (observer != null) {
            observer.wrote(slotCount);
        }
    }

    /** The total: one load; off the precise value by at most (batch - 1) x slots either way. May be negative. */
    @Override
    public long approximate() {
        return (long) LONGS.getOpaque(head, TOTAL);
    }

    /** Total plus every slot, under the lock: O(slots), exact at quiescence. */
    @Override
    public long precise() {
        WideSum sum = new WideSum();
        try {
            lease.checkOpen();
            FlushLock.lock(head, LOCK);
            try {
                sum.add(head[TOTAL]);
                for (int s = 0; s < slotCount; s++) {
                    sum.add((long) LONGS.getOpaque(slots, s * REGION + base));
                }
            } finally {
                FlushLock.unlock(head, LOCK);
            }
        } finally {
            Reference.reachabilityFence(this);
        }
        return sum.exact();
    }

    @Override
    public Accuracy accuracy() {
        return accuracy;
    }

    /**
     * percpu_counter_set: under the lock, every slot to 0 and the total to {@code v}. An add racing
     * it lands before (and is overwritten) or after (and counts), as in the kernel.
     */
    @Override
    public void set(long v) {
        try {
            lease.checkOpen();
            FlushLock.lock(head, LOCK);
            try {
                for (int s = 0; s < slotCount; s++) {
                    LONGS.setOpaque(slots, s * REGION + base, 0L);
                }
                LONGS.setOpaque(head, TOTAL, v);
            } finally {
                FlushLock.unlock(head, LOCK);
            }
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

    public long batch() {
        return batch;
    }

    public int slotCount() {
        return slotCount;
    }
}
