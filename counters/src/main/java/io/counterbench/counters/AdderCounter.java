package io.counterbench.counters;

import java.util.concurrent.atomic.LongAdder;

/**
 * The JDK's LongAdder. add: a CAS on the base, or on a per-thread-hashed cell once contended.
 * approximate() and precise(): sum() over the base and every cell, O(cells), exact at quiescence.
 * LongAdder grows to the next power of two above the number of CPUs of the machine it runs on, so
 * its read cost here says nothing about a 256-CPU machine.
 */
final class AdderCounter extends LibraryCounter {
    private final LongAdder adder = new LongAdder();

    AdderCounter(int cpuLimit) {
        super(cpuLimit);
    }

    @Override
    void libraryAdd(long delta) {
        adder.add(delta);
    }

    @Override
    long librarySum() {
        return adder.sum();
    }

    @Override
    public CounterId id() {
        return CounterId.ADDER;
    }
}
