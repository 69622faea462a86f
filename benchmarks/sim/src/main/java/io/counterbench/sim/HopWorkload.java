package io.counterbench.sim;

/**
 * The CPU-hopping mmap/munmap test: a region of {@code pages} pages is faulted in one page at a
 * time (+1 each), then unmapped in one call (-pages); with the hop migration rule every operation
 * runs on a new CPU. Tasks take turns. Runs {@code ops} operations.
 */
final class HopWorkload implements Workload {
    private final int tasks;
    private final long region;
    private final long ops;
    private long done;
    private long mapped;
    private int turn;

    HopWorkload(WorkloadSetup s) {
        if (s.pages() < 1) {
            throw new IllegalArgumentException("the hop region must be at least 1 page, got " + s.pages());
        }
        this.tasks = s.tasks();
        this.region = s.pages();
        this.ops = s.ops();
    }

    @Override
    public boolean next(Op op, long exact) {
        if (done++ >= ops) {
            return false;
        }
        long delta;
        if (mapped < region) {
            mapped++;
            delta = 1;
        } else {
            delta = -mapped;
            mapped = 0;
        }
        op.set(turn, -1, delta);
        if (++turn == tasks) {
            turn = 0;
        }
        return true;
    }

    @Override
    public long expectedOps() {
        return ops;
    }
}
