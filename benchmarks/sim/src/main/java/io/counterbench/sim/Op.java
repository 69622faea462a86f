package io.counterbench.sim;

/** One simulated operation, filled in place by a {@link Workload} (one instance per run: no allocation per op). */
final class Op {
    /** The task that performs the add. */
    int task;
    /** The CPU it runs on, or -1: wherever the scheduler has the task. */
    int cpu;
    /** The amount added. */
    long delta;
    /** The add ends a process's life: check the counter at exit and replace it by a new one. */
    boolean exit;
    /** Not an add but a read by the task ({@link ReadMix.Kind}), or null for an add. */
    ReadMix.Kind read;

    void set(int task, int cpu, long delta) {
        this.task = task;
        this.cpu = cpu;
        this.delta = delta;
        this.exit = false;
        this.read = null;
    }

    /** A read by {@code task} on {@code cpu} (-1: wherever the scheduler has it). */
    void read(int task, int cpu, ReadMix.Kind kind) {
        set(task, cpu, 0);
        this.read = kind;
    }
}
