package io.counterbench.counters;

/**
 * A scalable counter. Updates are cheap and may be called from any thread; reads trade cost for
 * error. Every implementation is built by {@link CounterId}.
 *
 * <p>Compare helpers follow HPCC's semantics with Java's orientation: they return the sign of
 * (this counter - the other operand), like {@link Long#compare}. (The kernel's
 * {@code *_compare_value(counter, v)} returns the sign of (v - counter); the logic is the same.)
 */
public interface Counter {

    /**
     * Adds {@code delta} on the calling thread's current CPU (and as the calling thread's task),
     * finding the CPU without a handle ({@link CpuId#current()}).
     */
    void add(long delta);

    /**
     * Adds {@code delta} on the CPU that the calling thread's kept handle reads ({@link CpuId}): the
     * cheapest way for a thread that adds often. A handle used on another thread stays correct,
     * only slower. Counters that do not update per-CPU state need not override this.
     */
    default void add(CpuId cpu, long delta) {
        add(delta);
    }

    /**
     * Adds {@code delta} as if task {@code task} ran it on CPU {@code cpu}: the simulator and pinned
     * benchmarks call this, so both measure the same code. {@code cpu} must be in
     * [0, topology.cpuIdLimit()); a task id must not be used by two threads at once.
     *
     * @throws IllegalArgumentException when {@code cpu} or {@code task} is out of range
     * @throws ArithmeticException when the slot updated would leave the long range (nothing changes)
     */
    void add(int cpu, int task, long delta);

    /** The cheapest read. Cost and error: see the implementation; the error is within {@link #accuracy()}. */
    long approximate();

    /** {@link #approximate()} clamped at 0, like percpu_counter_read_positive. */
    default long approximatePositive() {
        return Math.max(0, approximate());
    }

    /** The exact value once updates are quiescent; usually O(slots). */
    long precise();

    /** (under, over) with precise - under <= approximate() <= precise + over at quiescence. */
    Accuracy accuracy();

    /**
     * Sets the value through a bias: precise() becomes {@code value}; approximate() may read anything
     * within the accuracy range of it. Not atomic with concurrent adds (neither is the kernel's).
     */
    void set(long value);

    CounterId id();

    /**
     * Approximate comparison with a value: +1 when this counter is certainly greater than {@code v},
     * -1 when certainly smaller, 0 when {@code v} lies within the accuracy range. One approximate read.
     */
    default int approximateCompare(long v) {
        return Compare.againstValue(approximate(), accuracy(), v);
    }

    /** Exact comparison with a value; sums precisely only when the approximate answer is 0. */
    default int preciseCompare(long v) {
        int r = approximateCompare(v);
        return r != 0 ? r : Long.compare(precise(), v);
    }

    /** Approximate comparison with another counter: 0 when they are within their combined accuracy. */
    default int approximateCompare(Counter other) {
        return Compare.counters(approximate(), accuracy(), other.approximate(), other.accuracy());
    }

    /**
     * Exact comparison with another counter: approximate first; when inconclusive, sums precisely the
     * counter with the wider accuracy and compares it with the other's range; sums the second only
     * when still inconclusive.
     */
    default int preciseCompare(Counter other) {
        return Compare.preciseCounters(this, other);
    }
}
