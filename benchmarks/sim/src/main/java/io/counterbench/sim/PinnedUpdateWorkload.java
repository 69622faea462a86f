package io.counterbench.sim;

import io.counterbench.topology.Placement;
import java.util.SplittableRandom;

/**
 * The JMH Update rows replayed: task t is pinned to the CPU the compact placement gives thread t
 * (as the benchmark pins its threads; tasks beyond the CPU count wrap around), and each operation
 * is one add by a task drawn at random, +1 (inc) or +1/-1 at random (rssMix). Random turns stand
 * for threads running at once: with T tasks the next add comes from another task with probability
 * (T - 1) / T. Migration rules do not apply (the tasks are pinned).
 */
final class PinnedUpdateWorkload implements Workload {
    private final SplittableRandom rng;
    private final int tasks;
    private final long ops;
    private final boolean mix;
    private final int[] cpus;
    private long done;

    PinnedUpdateWorkload(WorkloadSetup s, boolean mix) {
        this.rng = s.rng();
        this.tasks = s.tasks();
        this.ops = s.ops();
        this.mix = mix;
        int placed = Math.min(tasks, s.map().cpuCount());
        this.cpus = Placement.COMPACT.cpusFor(s.map().topology(), placed);
    }

    @Override
    public boolean next(Op op, long exact) {
        if (done++ >= ops) {
            return false;
        }
        int bits = rng.nextInt();
        int task = tasks == 1 ? 0 : Math.floorMod(bits >> 1, tasks);
        op.set(task, cpus[task % cpus.length], mix && (bits & 1) != 0 ? -1 : 1);
        return true;
    }

    @Override
    public long expectedOps() {
        return ops;
    }
}
