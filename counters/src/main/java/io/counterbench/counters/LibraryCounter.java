package io.counterbench.counters;

/**
 * An exact counter from a library (the JDK, JCTools) whose cells we do not see: set() works
 * through a bias, and a single delta that would overflow the current sum is refused (the library
 * itself wraps silently, see package-info). Subclasses say how to add and how to sum.
 */
abstract class LibraryCounter implements Counter {
    /** Deltas this large are checked against the current sum first; smaller ones are not (the check is O(cells)). */
    private static final long GUARDED = 1L << 32;

    private final int cpuLimit;
    private volatile long bias;

    LibraryCounter(int cpuLimit) {
        this.cpuLimit = cpuLimit;
    }

    /** The library's add. */
    abstract void libraryAdd(long delta);

    /** The library's sum: O(cells or stripes), exact at quiescence. */
    abstract long librarySum();

    @Override
    public final void add(long delta) {
        if (delta >= GUARDED || delta <= -GUARDED) {
            OverflowGuard.check(librarySum(), delta);
        }
        libraryAdd(delta);
    }

    @Override
    public final void add(int cpu, int task, long delta) {
        if (Integer.compareUnsigned(cpu, cpuLimit) >= 0) {
            throw CurrentCpu.outOfRange(cpu, cpuLimit);
        }
        add(delta);
    }

    /** Exact at quiescence; the library's sum (O(cells)). */
    @Override
    public final long approximate() {
        return precise();
    }

    /** Exact at quiescence; the library's sum (O(cells)). */
    @Override
    public final long precise() {
        return Math.addExact(librarySum(), bias);
    }

    @Override
    public final Accuracy accuracy() {
        return Accuracy.EXACT;
    }

    @Override
    public final void set(long v) {
        bias = Math.subtractExact(v, librarySum());
    }
}
