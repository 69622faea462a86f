package io.counterbench.bench;

import io.counterbench.counters.Accuracy;
import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterId;
import io.counterbench.counters.CpuId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A deliberately broken percpu_counter for the probe's own test (see {@link FaultInjection}):
 * per-CPU slots flushed into a total at +-batch, except that every fourth flush empties the slot
 * and drops what it held. Its approximate and precise reads agree with each other as well as a
 * correct counter's do, so only a check against the writers' exact tallies can tell it loses
 * updates. It reports itself as flat.
 */
final class DroppingFlushCounter implements Counter {
    private static final int STRIDE = 16;
    private final AtomicLongArray slots;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong flushes = new AtomicLong();
    private final int cpuLimit;
    private final long batch;
    private final Accuracy accuracy;

    DroppingFlushCounter(int cpuLimit, long batch) {
        this.cpuLimit = cpuLimit;
        this.batch = batch;
        this.slots = new AtomicLongArray(cpuLimit * STRIDE);
        long bound = (batch - 1) * cpuLimit;
        this.accuracy = new Accuracy(bound, bound);
    }

    @Override
    public void add(long delta) {
        add(CpuId.current() % cpuLimit, 0, delta);
    }

    @Override
    public void add(CpuId h, long delta) {
        add(h.cpuWithin(cpuLimit), 0, delta);
    }

    @Override
    public void add(int cpu, int task, long delta) {
        int i = cpu * STRIDE;
        long res = slots.addAndGet(i, delta);
        if (res >= batch || res <= -batch) {
            long moved = slots.getAndSet(i, 0);
            if (flushes.incrementAndGet() % 4 != 0) {
                total.addAndGet(moved);
            }
        }
    }

    @Override
    public long approximate() {
        return total.get();
    }

    @Override
    public long precise() {
        long s = total.get();
        for (int cpu = 0; cpu < cpuLimit; cpu++) {
            s += slots.get(cpu * STRIDE);
        }
        return s;
    }

    @Override
    public Accuracy accuracy() {
        return accuracy;
    }

    @Override
    public void set(long value) {
        throw new UnsupportedOperationException("the broken test counter cannot be set");
    }

    @Override
    public CounterId id() {
        return CounterId.FLAT;
    }
}
