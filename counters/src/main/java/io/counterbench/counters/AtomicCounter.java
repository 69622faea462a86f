package io.counterbench.counters;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One AtomicLong. add: one atomic add on a line every writer shares. approximate() and precise():
 * one load, exact.
 */
final class AtomicCounter implements Counter {
    private final AtomicLong value = new AtomicLong();
    private final int cpuLimit;

    AtomicCounter(int cpuLimit) {
        this.cpuLimit = cpuLimit;
    }

    @Override
    public void add(long delta) {
        long res = value.addAndGet(delta);
        long orig = res - delta;
        if (((orig ^ res) & (delta ^ res)) < 0) {
            value.addAndGet(-delta);
            throw new ArithmeticException("counter overflow: " + orig + " + " + delta + " leaves the long range");
        }
    }

    @Override
    public void add(int cpu, int task, long delta) {
        if (Integer.compareUnsigned(cpu, cpuLimit) >= 0) {
            throw CurrentCpu.outOfRange(cpu, cpuLimit);
        }
        add(delta);
    }

    /** Exact; one load. */
    @Override
    public long approximate() {
        return value.get();
    }

    /** Exact; one load. */
    @Override
    public long precise() {
        return value.get();
    }

    @Override
    public Accuracy accuracy() {
        return Accuracy.EXACT;
    }

    @Override
    public void set(long v) {
        value.set(v);
    }

    @Override
    public CounterId id() {
        return CounterId.ATOMIC;
    }
}
