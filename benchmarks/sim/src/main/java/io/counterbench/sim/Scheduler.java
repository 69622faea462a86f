package io.counterbench.sim;

import java.util.SplittableRandom;

/**
 * The scheduler model: which CPU each task runs on, and when and where it migrates. Tasks start on
 * distinct random CPUs (wrapping when there are more tasks than CPUs). Deterministic for a seed.
 */
final class Scheduler {
    private final CpuMap map;
    private final MigrationRule rule;
    private final SplittableRandom rng;
    private final int[] cpuOf;
    private final long[] untilMove;
    private final boolean moves;
    private final long every;
    /** Migrate when a uniform 53-bit draw is below this; 0 disables the draw. */
    private final long threshold;

    private long migrations;

    Scheduler(CpuMap map, int tasks, MigrationRule rule, SplittableRandom rng) {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be >= 1, got " + tasks);
        }
        this.map = map;
        this.rule = rule;
        this.rng = rng;
        this.cpuOf = new int[tasks];
        this.untilMove = new long[tasks];
        this.moves = rule.moves();
        this.every = rule.every();
        this.threshold = rule.probability() >= 1 ? (1L << 53) : (long) (rule.probability() * (1L << 53));
        int[] order = map.cpus().clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int x = order[i];
            order[i] = order[j];
            order[j] = x;
        }
        for (int t = 0; t < tasks; t++) {
            cpuOf[t] = order[t % order.length];
            untilMove[t] = every;
        }
    }

    /** The CPU {@code task} runs its next operation on, after migrating it if the rule says so. */
    int cpuFor(int task) {
        int cpu = cpuOf[task];
        if (moves && due(task)) {
            cpu = destination(cpu);
            cpuOf[task] = cpu;
            migrations++;
        }
        return cpu;
    }

    private boolean due(int task) {
        if (every > 0 && --untilMove[task] == 0) {
            untilMove[task] = every;
            return true;
        }
        return threshold > 0 && (rng.nextLong() >>> 11) < threshold;
    }

    /** A new process's task: placed on a random CPU (fork balancing), its migration count restarted. */
    void place(int task) {
        int[] cpus = map.cpus();
        cpuOf[task] = cpus[rng.nextInt(cpus.length)];
        untilMove[task] = every;
    }

    /** The CPU {@code task} is on now, without migrating it. */
    int cpuOf(int task) {
        return cpuOf[task];
    }

    long migrations() {
        return migrations;
    }

    int tasks() {
        return cpuOf.length;
    }

    private int destination(int cpu) {
        return switch (rule.where()) {
            case STAY -> cpu;
            case ANYWHERE -> other(map.cpus(), cpu);
            case LLC -> other(map.llcCpus(cpu), cpu);
            case NODE -> other(map.nodeCpus(cpu), cpu);
            case PACKAGE -> {
                int[] set = map.outsidePackage(cpu);
                yield set == map.cpus() ? other(set, cpu) : set[rng.nextInt(set.length)];
            }
            case NEXT -> {
                int[] cpus = map.cpus();
                int i = map.indexOf(cpu) + 1;
                yield cpus[i == cpus.length ? 0 : i];
            }
        };
    }

    /**
     * A uniformly random CPU of {@code set} (which holds {@code cpu}) other than {@code cpu}, or cpu
     * itself when it is alone.
     */
    private int other(int[] set, int cpu) {
        int n = set.length;
        if (n == 1) {
            return set[0];
        }
        int c = set[rng.nextInt(n - 1)];
        return c == cpu ? set[n - 1] : c;
    }
}
