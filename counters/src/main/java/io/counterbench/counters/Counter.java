package io.counterbench.counters;

/**
 * A scalable counter. Updates are cheap and may be called from any thread; reads trade cost for
 * error. Every implementation is built by its {@link CounterType}: a {@link CounterId}, or a type a jar
 * contributes ({@link io.counterbench.counters.spi}).
 *
 * <p>Compare helpers follow HPCC's semantics with Java's orientation: they return the sign of
 * (this counter - the other operand), like {@link Long#compare}. (The kernel's
 * {@code *_compare_value(counter, v)} returns the sign of (v - counter); the logic is the same.)
 */
public interface Counter extends AutoCloseable {

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
     * [0, topology.cpuIdLimit()). A task id belongs to one live thread at a time: {@code per-thread}
     * refuses a second live thread with IllegalStateException (other ids ignore the task).
     *
     * @throws IllegalArgumentException when {@code cpu} or {@code task} is out of range
     * @throws IllegalStateException when another live thread uses {@code task} ({@code per-thread})
     * @throws ArithmeticException when the slot updated would leave the long range (nothing changes)
     */
    void add(int cpu, int task, long delta);

    /** The cheapest read. Cost and error: see the implementation; the error is within {@link #accuracy()}. */
    long approximate();

    /** {@link #approximate()} clamped at 0, like percpu_counter_read_positive. */
    default long approximatePositive() {
        return Math.max(0, approximate());
    }

    /**
     * The exact value once updates are quiescent; usually O(slots). Partial sums may leave the long
     * range; only a true value that does not fit throws ArithmeticException.
     */
    long precise();

    /** (under, over) with precise - under <= approximate() <= precise + over at quiescence. */
    Accuracy accuracy();

    /**
     * Sets the value: precise() becomes {@code value}. {@code flat} and {@code per-node} do what
     * percpu_counter_set does (under the counter's lock, every slot to 0 and the total to the
     * value, so approximate() reads it exactly); the others store a bias, and approximate() may read
     * anything within the accuracy range of the value (percpu_counter_tree_set). Not atomic with
     * concurrent adds (neither is the kernel's).
     *
     * @throws ArithmeticException when the bias {@code value} - (sum of the slots) does not fit a long
     */
    void set(long value);

    /** Its type: a {@link CounterId} for the built-ins, a contributed type for a counter from a --counter-jar. */
    CounterType id();

    /**
     * Returns the counter's per-CPU slots to the arena (percpu_counter_destroy); a no-op for counters
     * without any. Afterwards the reads of those slots (precise(), set(), a 1-CPU tree's
     * approximate()) throw IllegalStateException; an add must not run
     * during or after close() (as in the kernel, nothing stops it, and the slot may already belong to
     * another counter). A counter that is never closed returns its slots once it is unreachable.
     */
    @Override
    default void close() {}

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
