package io.counterbench.counters.spi;

import io.counterbench.counters.Accuracy;
import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterType;
import io.counterbench.counters.CpuId;
import io.counterbench.topology.Topology;

/**
 * The base of a contributed counter. It fixes what the harness relies on: {@link #id()} is the
 * type, {@link #accuracy()} the bound the type declares for this topology and batch. A subclass
 * implements the explicit-placement add and the two reads; it may override the current-CPU adds
 * (the defaults find the CPU as the built-ins do and add as task 0) and {@link #set}.
 */
public abstract class ContributedCounter implements Counter {
    private final ContributedType type;
    private final Accuracy bound;
    private final int cpuLimit;

    /** @param type the type whose constructor builds this counter; its declared bound is computed here, once */
    protected ContributedCounter(ContributedType type, Topology topology, long batch) {
        this.type = type;
        this.bound = type.bound().of(topology, batch);
        this.cpuLimit = topology.cpuIdLimit();
        if (bound == null) {
            throw new IllegalStateException("counter " + type.id() + ": its declared bound is null");
        }
    }

    /**
     * Adds on the calling thread's CPU ({@link CpuId#current()}, folded into the topology's CPU range
     * when the counter was built for a smaller machine) as task 0: what benchmarks with cpu=lookup
     * measure. Override it when the counter finds its slot another way.
     */
    @Override
    public void add(long delta) {
        int cpu = CpuId.current();
        add(cpu < cpuLimit ? cpu : cpu % cpuLimit, 0, delta);
    }

    /** Adds on the CPU the thread's kept handle reads, as task 0: what benchmarks with cpu=handle measure. */
    @Override
    public void add(CpuId cpu, long delta) {
        add(cpu.cpuWithin(cpuLimit), 0, delta);
    }

    /** Sets precise() to {@code value} by adding the difference on CPU 0 (not atomic with concurrent adds). */
    @Override
    public void set(long value) {
        add(0, 0, Math.subtractExact(value, precise()));
    }

    /** The bound the type declares for this counter's topology and batch. */
    @Override
    public final Accuracy accuracy() {
        return bound;
    }

    @Override
    public final CounterType id() {
        return type;
    }

    /** The number of CPU ids the counter was built for (its topology's cpuIdLimit). */
    protected final int cpuLimit() {
        return cpuLimit;
    }
}
