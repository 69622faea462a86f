package io.counterbench.counters;

import io.counterbench.topology.Affinity;

/**
 * The calling thread's CPU (sched_getcpu through FFM), folded into a counter's CPU range when the
 * counter was built for a smaller topology than the machine it runs on.
 */
final class CurrentCpu {
    private CurrentCpu() {
    }

    static int within(int cpuLimit) {
        int cpu = Affinity.currentCpu();
        return cpu < cpuLimit ? cpu : cpu % cpuLimit;
    }

    static IllegalArgumentException outOfRange(int cpu, int cpuLimit) {
        return new IllegalArgumentException("CPU " + cpu + " is outside the counter's topology (CPUs 0-" + (cpuLimit - 1) + ")");
    }
}
