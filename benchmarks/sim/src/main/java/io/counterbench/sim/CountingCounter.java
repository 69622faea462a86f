package io.counterbench.sim;

import io.counterbench.counters.Accuracy;
import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterType;

/**
 * A counter that counts its precise sums into a shared tally, so the OOM selection can report how
 * many the compare helpers needed. The compare helpers are Counter's own default methods, which
 * call precise() on this wrapper.
 */
final class CountingCounter implements Counter {
    private final Counter inner;
    private final long[] preciseSums;

    CountingCounter(Counter inner, long[] preciseSums) {
        this.inner = inner;
        this.preciseSums = preciseSums;
    }

    @Override
    public void add(long delta) {
        inner.add(delta);
    }

    @Override
    public void add(int cpu, int task, long delta) {
        inner.add(cpu, task, delta);
    }

    @Override
    public long approximate() {
        return inner.approximate();
    }

    @Override
    public long precise() {
        preciseSums[0]++;
        return inner.precise();
    }

    @Override
    public Accuracy accuracy() {
        return inner.accuracy();
    }

    @Override
    public void set(long value) {
        inner.set(value);
    }

    @Override
    public CounterType id() {
        return inner.id();
    }
}
