package io.counterbench.counters;

import java.util.concurrent.atomic.LongAdder;

/**
 * The JDK's LongAdder. add: a CAS on the base, or on a per-thread-hashed cell once contended.
 * approximate() and precise(): sum() over the base and every cell, O(cells), exact at quiescence.
 * LongAdder grows to the next power of two above the number of CPUs of the machine it runs on, so
 * its read cost here says nothing about a 256-CPU machine.
 */
final class AdderCounter implements Counter {
    private static final long GUARDED = 1L << 32;
    private final LongAdder adder = new LongAdder();
    private final int cpuLimit;
    private volatile long bias;

    AdderCounter(int cpuLimit) {
        this.cpuLimit = cpuLimit;
    }

    @Override
    public void add(long delta) {
        if (delta >= GUARDED || delta <= -GUARDED) {
            OverflowGuard.check(adder.sum(), delta);
        }
        adder.add(delta);
    }

    @Override
    public void add(int cpu, int task, long delta) {
        if (Integer.compareUnsigned(cpu, cpuLimit) >= 0) {
            throw CurrentCpu.outOfRange(cpu, cpuLimit);
        }
        add(delta);
    }

    /** Exact at quiescence; sums every cell (O(cells)). */
    @Override
    public long approximate() {
        return precise();
    }

    /** Exact at quiescence; sums every cell (O(cells)). */
    @Override
    public long precise() {
        return Math.addExact(adder.sum(), bias);
    }

    @Override
    public Accuracy accuracy() {
        return Accuracy.EXACT;
    }

    @Override
    public void set(long v) {
        bias = Math.subtractExact(v, adder.sum());
    }

    @Override
    public CounterId id() {
        return CounterId.ADDER;
    }
}
