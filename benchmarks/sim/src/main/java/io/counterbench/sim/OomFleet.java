package io.counterbench.sim;

import io.counterbench.counters.Accuracy;
import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterFactory;
import io.counterbench.counters.CounterId;
import io.counterbench.counters.Slots;
import io.counterbench.results.util.Progress;
import java.util.SplittableRandom;

/**
 * The processes an OOM killer chooses from: each has an RSS counter, 1 to 4 threads the scheduler
 * migrates, and a target size drawn log-uniformly between 2^8 pages (1 MB) and 2^maxOrder pages.
 * Processes grow to their targets with page faults of 1, 16 (fault-around) and 512 pages (a THP)
 * interleaved at random, then churn within 25% of the target. Counters are built in groups of
 * {@link Slots#MAX_GROUP} that share per-CPU lines (each counter its own word), which keeps 10000
 * counters for 384 CPUs in tens of MB instead of ~600 MB; values and bounds are those of single
 * counters. The deviation of the touched counter is checked after every operation.
 */
final class OomFleet {
    private static final int MIN_ORDER = 8;

    private final SplittableRandom rng;
    private final Scheduler scheduler;
    final Counter[] counters;
    final long[] exact;
    final long[] preciseSums = new long[1];
    private final long[] target;
    private final int[] firstTask;
    private final int[] threads;
    private final long under;
    private final long over;
    private long ops;
    private long violations;
    private long worstUnder;
    private long worstOver;

    OomFleet(CpuMap map, CounterId id, int processes, int maxOrder, SplittableRandom rng) {
        this.rng = rng;
        CounterFactory factory = id.factory(map.topology(), 0);
        counters = new Counter[processes];
        exact = new long[processes];
        target = new long[processes];
        firstTask = new int[processes];
        threads = new int[processes];
        int tasks = 0;
        Counter[] group = null;
        for (int p = 0; p < processes; p++) {
            int k = p % Slots.MAX_GROUP;
            if (k == 0) {
                group = factory.createGroup(Math.min(Slots.MAX_GROUP, processes - p));
            }
            counters[p] = new CountingCounter(group[k], preciseSums);
            threads[p] = 1 + rng.nextInt(4);
            firstTask[p] = tasks;
            tasks += threads[p];
            target[p] = Math.round(StrictMath.pow(2, MIN_ORDER + (maxOrder - MIN_ORDER) * rng.nextDouble()));
        }
        Accuracy acc = counters[0].accuracy();
        under = acc.under();
        over = acc.over();
        scheduler = new Scheduler(map, tasks, MigrationRule.probability(Migration.ANYWHERE, 0.01), rng.split());
    }

    /** Expected operations to grow {@code processes} processes (for progress). */
    static long expectedGrowthOps(int processes, int maxOrder) {
        double meanTarget = (Math.pow(2, maxOrder) - Math.pow(2, MIN_ORDER)) / ((maxOrder - MIN_ORDER) * Math.log(2));
        return (long) (processes * meanTarget / 80);
    }

    void grow(Progress progress) {
        int n = counters.length;
        int[] active = new int[n];
        for (int p = 0; p < n; p++) {
            active[p] = p;
        }
        long since = 0;
        while (n > 0) {
            int i = rng.nextInt(n);
            int p = active[i];
            apply(p, Math.min(step(), target[p] - exact[p]));
            if (exact[p] == target[p]) {
                active[i] = active[--n];
            }
            if (++since == Engine.CHECK_EVERY) {
                progress.tick(since);
                since = 0;
            }
        }
        progress.tick(since);
    }

    void churn(long count, Progress progress) {
        for (long i = 0; i < count; i++) {
            int p = rng.nextInt(counters.length);
            long size = exact[p];
            long step = step();
            boolean free = size > target[p] + target[p] / 4 || (size >= target[p] - target[p] / 4 && rng.nextBoolean());
            apply(p, free ? -Math.min(step, size) : step);
        }
        progress.tick(count);
    }

    private long step() {
        int r = rng.nextInt(100);
        return r < 50 ? 1 : r < 85 ? 16 : 512;
    }

    private void apply(int p, long delta) {
        if (delta == 0) {
            return;
        }
        int t = rng.nextInt(threads[p]);
        int cpu = scheduler.cpuFor(firstTask[p] + t);
        counters[p].add(cpu, t, delta);
        exact[p] += delta;
        long dev = counters[p].approximate() - exact[p];
        if (dev < -under || dev > over) {
            violations++;
        }
        worstUnder = Math.max(worstUnder, -dev);
        worstOver = Math.max(worstOver, dev);
        ops++;
    }

    long ops() {
        return ops;
    }

    long violations() {
        return violations;
    }

    long worstUnder() {
        return worstUnder;
    }

    long worstOver() {
        return worstOver;
    }

    long boundUnder() {
        return under;
    }

    long boundOver() {
        return over;
    }
}
