package io.counterbench.sim;

import java.util.SplittableRandom;

/**
 * Fork/exit churn: a stream of short-lived processes, each with a new counter. A process faults in
 * between 1 and {@code pages} pages (+1 each, by its random threads), then exits, freeing them all
 * in one call; the engine then checks the counter at exit (precise must be 0, like the kernel's
 * check_mm) and builds the next process's counter. Stops at the first exit after {@code ops}
 * operations.
 */
final class ForkExitWorkload implements Workload {
    private final SplittableRandom rng;
    private final int tasks;
    private final long maxPages;
    private final long ops;
    private long done;
    private long size;
    private long faulted;

    ForkExitWorkload(WorkloadSetup s) {
        if (s.pages() < 1) {
            throw new IllegalArgumentException("the largest process must be at least 1 page, got " + s.pages());
        }
        this.rng = s.rng();
        this.tasks = s.tasks();
        this.maxPages = s.pages();
        this.ops = s.ops();
        this.size = 1 + rng.nextLong(maxPages);
    }

    @Override
    public boolean next(Op op, long exact) {
        if (faulted == 0 && done >= ops) {
            return false;
        }
        done++;
        int task = tasks == 1 ? 0 : rng.nextInt(tasks);
        if (faulted < size) {
            faulted++;
            op.set(task, -1, 1);
        } else {
            op.set(task, -1, -exact);
            op.exit = true;
            faulted = 0;
            size = 1 + rng.nextLong(maxPages);
        }
        return true;
    }

    @Override
    public long expectedOps() {
        return ops;
    }
}
