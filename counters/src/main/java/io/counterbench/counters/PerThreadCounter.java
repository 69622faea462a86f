package io.counterbench.counters;

import static io.counterbench.counters.Slots.LONGS;

/**
 * Per-task caches flushed into a shared total, as Linux did before 6.2 (SPLIT_RSS_COUNTING): each
 * task adds into its own cache and flushes it when its {@code threshold}-th event arrives, so at
 * most threshold - 1 events wait per task. (The kernel counted page faults rather than adds; the
 * bound has the same shape.)
 *
 * <p>add: plain arithmetic on the task's own padded line, plus one atomic add every threshold
 * events. The task is the thread ({@link Thread#threadId()}) for {@link #add(long)}. Caches are
 * allocated in chunks of 8 tasks (one padded line each) the first time a task of the chunk adds; chunks never move, so a
 * growing table loses no update.
 */
final class PerThreadCounter implements Counter {
    private static final int CHUNK_BITS = 3;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int VALUE = 0;
    private static final int EVENTS = 1;
    private static final int MAX_ABS = 2;
    private static final int MAX_TASKS = 1 << 22;

    private final long threshold;
    private final int cpuLimit;
    /** Sees flushes (slow path only); null unless built for the simulator. */
    private final LineObserver observer;
    private final long[] total = Slots.lines(1);
    /**
     * Chunk table. Plain, not volatile: chunks never move and are allocated zeroed, so a stale table
     * only sends a new task to the synchronized {@link #grow}; readers at quiescence are ordered after
     * the writers by whatever made them quiescent (a join, a latch).
     */
    private long[][] chunks = new long[1][];
    private volatile long bias;

    PerThreadCounter(long threshold, int cpuLimit, LineObserver observer) {
        this.threshold = threshold;
        this.cpuLimit = cpuLimit;
        this.observer = observer;
    }

    @Override
    public void add(long delta) {
        long tid = Thread.currentThread().threadId();
        addAsTask((int) (tid & (MAX_TASKS - 1)), delta);
    }

    @Override
    public void add(int cpu, int task, long delta) {
        if (Integer.compareUnsigned(cpu, cpuLimit) >= 0) {
            throw CurrentCpu.outOfRange(cpu, cpuLimit);
        }
        addAsTask(task, delta);
    }

    private void addAsTask(int task, long delta) {
        long[] c = chunk(task);
        int i = Slots.index(task & (CHUNK - 1), 0);
        long v = Math.addExact(c[i + VALUE], delta);
        long abs = delta == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(delta);
        if (abs > c[i + MAX_ABS]) {
            LONGS.setOpaque(c, i + MAX_ABS, abs);
        }
        long events = c[i + EVENTS] + 1;
        if (events >= threshold) {
            Slots.addExact(total, Slots.index(0, 0), v);
            LONGS.setOpaque(c, i + VALUE, 0L);
            LONGS.setOpaque(c, i + EVENTS, 0L);
            if (observer != null) {
                observer.wrote(0);
            }
        } else {
            LONGS.setOpaque(c, i + VALUE, v);
            LONGS.setOpaque(c, i + EVENTS, events);
        }
    }

    private long[] chunk(int task) {
        long[][] cs = chunks;
        int ci = task >>> CHUNK_BITS;
        if (ci < cs.length) {
            long[] c = cs[ci];
            if (c != null) {
                return c;
            }
        }
        return grow(task);
    }

    private synchronized long[] grow(int task) {
        if (task < 0 || task >= MAX_TASKS) {
            throw new IllegalArgumentException("task " + task + " is outside 0-" + (MAX_TASKS - 1));
        }
        int ci = task >>> CHUNK_BITS;
        long[][] cs = chunks;
        if (ci >= cs.length) {
            cs = java.util.Arrays.copyOf(cs, Math.max(ci + 1, cs.length * 2));
        }
        if (cs[ci] == null) {
            cs[ci] = Slots.lines(CHUNK);
        }
        chunks = cs;
        return cs[ci];
    }

    /** The shared total: one load; off by at most (threshold - 1) x max |delta| per task, either way. */
    @Override
    public long approximate() {
        return Sat.add((long) LONGS.getOpaque(total, Slots.index(0, 0)), bias);
    }

    /** Total plus every task's cache: O(tasks), exact at quiescence. */
    @Override
    public long precise() {
        return Math.addExact(unbiased(), bias);
    }

    private long unbiased() {
        long s = (long) LONGS.getOpaque(total, Slots.index(0, 0));
        for (long[] c : chunks) {
            if (c != null) {
                s = Math.addExact(s, Slots.sum(c, CHUNK, VALUE));
            }
        }
        return s;
    }

    /** (threshold - 1) x the largest |delta| each task has added, summed over tasks; O(tasks). */
    @Override
    public Accuracy accuracy() {
        long bound = 0;
        for (long[] c : chunks) {
            if (c != null) {
                for (int t = 0; t < CHUNK; t++) {
                    long maxAbs = (long) LONGS.getOpaque(c, Slots.index(t, MAX_ABS));
                    bound = Sat.add(bound, Sat.mulNonNegative(threshold - 1, maxAbs));
                }
            }
        }
        return new Accuracy(bound, bound);
    }

    @Override
    public void set(long v) {
        bias = Math.subtractExact(v, unbiased());
    }

    @Override
    public CounterId id() {
        return CounterId.PER_THREAD;
    }

    public long threshold() {
        return threshold;
    }
}
