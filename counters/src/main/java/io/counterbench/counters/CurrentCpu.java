package io.counterbench.counters;

/**
 * The calling thread's CPU without a handle ({@link CpuId#current()}: rseq's cpu_id, else
 * sched_getcpu), folded into a counter's CPU range when the counter was built for a smaller
 * topology than the machine it runs on.
 */
final class CurrentCpu {
    private CurrentCpu() {}

    static int within(int cpuLimit) {
        int cpu = CpuId.current();
        return cpu < cpuLimit ? cpu : cpu % cpuLimit;
    }

    static IllegalArgumentException outOfRange(int cpu, int cpuLimit) {
        return new IllegalArgumentException(
                "CPU " + cpu + " is outside the counter's topology (CPUs 0-" + (cpuLimit - 1) + ")");
    }
}
