package io.counterbench.sim;

/**
 * A workload with reads among its adds: after every {@code updatesPerRead} adds of a task, that
 * task reads the counter on the CPU of that add (where the scheduler placed it, when the workload
 * left the CPU to the scheduler) before its next add. The adds are the
 * wrapped workload's, unchanged; a read is an extra operation and never ends a process.
 */
final class MixWorkload implements Workload {
    private final Workload adds;
    private final ReadMix mix;
    private final long[] untilRead;
    private int pendingTask = -1;
    private int pendingCpu;

    MixWorkload(Workload adds, ReadMix mix, int tasks) {
        this.adds = adds;
        this.mix = mix;
        this.untilRead = new long[tasks];
        java.util.Arrays.fill(untilRead, mix.updatesPerRead());
    }

    /** The workload with {@code mix}'s reads, or {@code adds} itself when there are none. */
    static Workload of(Workload adds, ReadMix mix, int tasks) {
        return mix.any() ? new MixWorkload(adds, mix, tasks) : adds;
    }

    @Override
    public boolean next(Op op, long exact) {
        if (pendingTask >= 0) {
            op.read(pendingTask, pendingCpu, mix.kind());
            pendingTask = -1;
            return true;
        }
        if (!adds.next(op, exact)) {
            return false;
        }
        if (!op.exit && --untilRead[op.task] == 0) {
            untilRead[op.task] = mix.updatesPerRead();
            pendingTask = op.task;
            pendingCpu = op.cpu;
        }
        return true;
    }

    @Override
    public long expectedOps() {
        long n = adds.expectedOps();
        return n + n / mix.updatesPerRead();
    }
}
