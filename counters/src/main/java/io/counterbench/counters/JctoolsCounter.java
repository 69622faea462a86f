package io.counterbench.counters;

import org.jctools.counters.CountersFactory;
import org.jctools.counters.FixedSizeStripedLongCounter;

/**
 * JCTools' FixedSizeStripedLongCounter, the peer library's striped counter, with one stripe per
 * CPU of the topology (rounded up to a power of two). add: an atomic add on a stripe picked by a
 * per-thread probe. approximate() and precise(): get() sums every stripe, O(stripes), exact at
 * quiescence.
 */
final class JctoolsCounter extends LibraryCounter {
    private final FixedSizeStripedLongCounter counter;
    private final int stripes;

    JctoolsCounter(int stripes, int cpuLimit) {
        super(cpuLimit);
        this.stripes = Integer.highestOneBit(Math.max(1, stripes - 1)) << (stripes > 1 ? 1 : 0);
        this.counter = CountersFactory.createFixedSizeStripedCounter(this.stripes);
    }

    int stripes() {
        return stripes;
    }

    @Override
    void libraryAdd(long delta) {
        counter.inc(delta);
    }

    @Override
    long librarySum() {
        return counter.get();
    }

    @Override
    public CounterId id() {
        return CounterId.JCTOOLS;
    }
}
