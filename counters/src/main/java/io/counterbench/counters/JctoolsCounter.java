package io.counterbench.counters;

import org.jctools.counters.CountersFactory;
import org.jctools.counters.FixedSizeStripedLongCounter;

/**
 * JCTools' FixedSizeStripedLongCounter, the peer library's striped counter, with one stripe per
 * CPU of the topology (rounded up to a power of two). add: an atomic add on a stripe picked by a
 * per-thread probe. approximate() and precise(): get() sums every stripe, O(stripes), exact at
 * quiescence.
 */
final class JctoolsCounter implements Counter {
    private static final long GUARDED = 1L << 32;
    private final FixedSizeStripedLongCounter counter;
    private final int stripes;
    private final int cpuLimit;
    private volatile long bias;

    JctoolsCounter(int stripes, int cpuLimit) {
        this.cpuLimit = cpuLimit;
        this.stripes = Integer.highestOneBit(Math.max(1, stripes - 1)) << (stripes > 1 ? 1 : 0);
        this.counter = CountersFactory.createFixedSizeStripedCounter(this.stripes);
    }

    int stripes() {
        return stripes;
    }

    @Override
    public void add(long delta) {
        if (delta >= GUARDED || delta <= -GUARDED) {
            OverflowGuard.check(counter.get(), delta);
        }
        counter.inc(delta);
    }

    @Override
    public void add(int cpu, int task, long delta) {
        if (Integer.compareUnsigned(cpu, cpuLimit) >= 0) {
            throw CurrentCpu.outOfRange(cpu, cpuLimit);
        }
        add(delta);
    }

    /** Exact at quiescence; sums every stripe (O(stripes)). */
    @Override
    public long approximate() {
        return precise();
    }

    /** Exact at quiescence; sums every stripe (O(stripes)). */
    @Override
    public long precise() {
        return Math.addExact(counter.get(), bias);
    }

    @Override
    public Accuracy accuracy() {
        return Accuracy.EXACT;
    }

    @Override
    public void set(long v) {
        bias = Math.subtractExact(v, counter.get());
    }

    @Override
    public CounterId id() {
        return CounterId.JCTOOLS;
    }
}
