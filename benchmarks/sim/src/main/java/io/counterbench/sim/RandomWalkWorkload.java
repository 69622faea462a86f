package io.counterbench.sim;

import java.util.SplittableRandom;

/** +1 or -1 with equal probability, each from a random task: an unbiased random walk. */
final class RandomWalkWorkload implements Workload {
    private final SplittableRandom rng;
    private final int tasks;
    private final long ops;
    private long done;

    RandomWalkWorkload(WorkloadSetup s) {
        this.rng = s.rng();
        this.tasks = s.tasks();
        this.ops = s.ops();
    }

    @Override
    public boolean next(Op op, long exact) {
        if (done++ >= ops) {
            return false;
        }
        int bits = rng.nextInt();
        op.set(tasks == 1 ? 0 : Math.floorMod(bits >> 1, tasks), -1, (bits & 1) == 0 ? 1 : -1);
        return true;
    }

    @Override
    public long expectedOps() {
        return ops;
    }
}
