package io.counterbench.sim;

import java.util.SplittableRandom;

/**
 * A process's resident set in pages: page faults (+1) by random threads until the target, then
 * churn (faults and frees of single pages, kept within 10% of the target), then frees (-1) down to
 * zero. Runs target + max(0, ops - 2 x target) + (the size when churn ends) operations, so about
 * {@code ops} when ops >= 2 x target. Single-page deltas keep per-thread's bound at the kernel's
 * 64 events per thread.
 */
final class RssWorkload implements Workload {
    private final SplittableRandom rng;
    private final int tasks;
    private final long target;
    private final long low;
    private final long high;
    private final long growEnd;
    private final long churnEnd;
    private long done;

    RssWorkload(WorkloadSetup s) {
        if (s.pages() < 1) {
            throw new IllegalArgumentException("the RSS target must be at least 1 page, got " + s.pages());
        }
        this.rng = s.rng();
        this.tasks = s.tasks();
        this.target = s.pages();
        this.low = target - target / 10;
        this.high = target + target / 10;
        this.growEnd = target;
        this.churnEnd = growEnd + Math.max(0, s.ops() - 2 * target);
    }

    @Override
    public boolean next(Op op, long exact) {
        long i = done++;
        long delta;
        if (i < growEnd) {
            delta = 1;
        } else if (i < churnEnd) {
            delta = exact >= high ? -1 : exact <= low ? 1 : rng.nextBoolean() ? 1 : -1;
        } else if (exact > 0) {
            delta = -1;
        } else {
            return false;
        }
        op.set(tasks == 1 ? 0 : rng.nextInt(tasks), -1, delta);
        return true;
    }

    @Override
    public long expectedOps() {
        return churnEnd + target;
    }
}
