package io.counterbench.counters;

import static io.counterbench.counters.Slots.LONGS;

/**
 * Per-task caches flushed into a shared total, as Linux did before 6.2 (SPLIT_RSS_COUNTING): each
 * task adds into its own cache and flushes it when its {@code threshold}-th event arrives, so at
 * most threshold - 1 events wait per task. (The kernel counted page faults rather than adds; the
 * bound has the same shape.)
 *
 * <p>add: plain arithmetic on the task's own padded line, plus one atomic add every threshold
 * events. Two task spaces that never meet: {@link #add(long)} uses the calling thread's dense
 * {@link ThreadIndex}; {@link #add(int, int, long)} uses the explicit task id, which belongs to one
 * live thread at a time (a second live thread is refused with IllegalStateException rather than
 * allowed to lose counts in a shared cache).
 */
final class PerThreadCounter implements Counter {
    private static final int MAX_TASKS = 1 << 22;

    private final long threshold;
    private final int cpuLimit;
    /** Sees flushes (slow path only); null unless built for the simulator. */
    private final LineObserver observer;

    private final long[] total = Slots.lines(1);
    private final TaskCaches explicit = new TaskCaches("task", MAX_TASKS, true);
    private final TaskCaches threads = new TaskCaches("thread index", Integer.MAX_VALUE, false);
    private volatile long bias;

    PerThreadCounter(long threshold, int cpuLimit, LineObserver observer) {
        this.threshold = threshold;
        this.cpuLimit = cpuLimit;
        this.observer = observer;
    }

    @Override
    public void add(long delta) {
        int t = ThreadIndex.current();
        addTo(threads.chunk(t), TaskCaches.line(t), delta);
    }

    /**
     * As {@link #add(long)}, with the thread's index from its kept handle instead of a ThreadLocal (misuse falls back
     * to it).
     */
    @Override
    public void add(CpuId h, long delta) {
        int t = h.threadIndexHere();
        if (t < 0) {
            add(delta);
            return;
        }
        addTo(threads.chunk(t), TaskCaches.line(t), delta);
    }

    @Override
    public void add(int cpu, int task, long delta) {
        if (Integer.compareUnsigned(cpu, cpuLimit) >= 0) {
            throw CurrentCpu.outOfRange(cpu, cpuLimit);
        }
        long[] c = explicit.chunk(task);
        if (!explicit.ownedByCaller(task)) {
            explicit.claim(task);
        }
        addTo(c, TaskCaches.line(task), delta);
    }

    private void addTo(long[] c, int i, long delta) {
        long v = Math.addExact(c[i + TaskCaches.VALUE], delta);
        long abs = delta == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(delta);
        if (abs > c[i + TaskCaches.MAX_ABS]) {
            LONGS.setOpaque(c, i + TaskCaches.MAX_ABS, abs);
        }
        long events = c[i + TaskCaches.EVENTS] + 1;
        if (events >= threshold) {
            Slots.addExact(total, Slots.index(0, 0), v);
            LONGS.setOpaque(c, i + TaskCaches.VALUE, 0L);
            LONGS.setOpaque(c, i + TaskCaches.EVENTS, 0L);
            if (observer != null) {
                observer.wrote(0);
            }
        } else {
            LONGS.setOpaque(c, i + TaskCaches.VALUE, v);
            LONGS.setOpaque(c, i + TaskCaches.EVENTS, events);
        }
    }

    /** The shared total: one load; off by at most (threshold - 1) x max |delta| per task, either way. */
    @Override
    public long approximate() {
        return Sat.add((long) LONGS.getOpaque(total, Slots.index(0, 0)), bias);
    }

    /** Total plus every task's cache: O(tasks), exact at quiescence. */
    @Override
    public long precise() {
        return unbiased().add(bias).exact();
    }

    private WideSum unbiased() {
        WideSum s = new WideSum().add((long) LONGS.getOpaque(total, Slots.index(0, 0)));
        explicit.sumInto(s);
        threads.sumInto(s);
        return s;
    }

    /** (threshold - 1) x the largest |delta| each task has added, summed over tasks; O(tasks). */
    @Override
    public Accuracy accuracy() {
        long bound = Sat.add(explicit.bound(threshold), threads.bound(threshold));
        return new Accuracy(bound, bound);
    }

    @Override
    public void set(long v) {
        bias = new WideSum().add(v).subtract(unbiased()).exact();
    }

    @Override
    public CounterId id() {
        return CounterId.PER_THREAD;
    }

    public long threshold() {
        return threshold;
    }
}
