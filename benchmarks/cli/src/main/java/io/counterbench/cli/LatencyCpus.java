package io.counterbench.cli;

import io.counterbench.inputs.Limits;
import io.counterbench.topology.CpuList;
import io.counterbench.topology.Topology;
import java.util.Arrays;

/** The CPUs a latency run measures, checked: bad ones get one line naming the problem (exit 2). */
final class LatencyCpus {
    private LatencyCpus() {}

    /** --cpus (each one this process may use and the topology has), else every allowed CPU of the topology. */
    static int[] chosen(Topology t, int[] allowed, String cpus) {
        int[] sortedAllowed = allowed.clone();
        Arrays.sort(sortedAllowed);
        if (cpus == null) {
            int[] c = Arrays.stream(sortedAllowed).filter(t::hasCpu).toArray();
            if (c.length < 2) {
                throw new UsageException("latency needs two CPUs this process may use (" + CpuList.format(sortedAllowed)
                        + ") in topology " + t.name() + " (" + CpuList.format(t.cpus()) + "); found " + c.length);
            }
            return c;
        }
        int[] c;
        try {
            c = CpuList.parse(cpus);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cpus '" + cpus + "': " + e.getMessage(), e);
        }
        for (int cpu : c) {
            Limits.CPU_ID.check("--cpus", cpu);
            if (Arrays.binarySearch(sortedAllowed, cpu) < 0) {
                throw new UsageException("--cpus: CPU " + cpu + " is not one this process may use ("
                        + CpuList.format(sortedAllowed) + ")");
            }
            if (!t.hasCpu(cpu)) {
                throw new UsageException("--cpus: CPU " + cpu + " is not in topology " + t.name() + " ("
                        + CpuList.format(t.cpus()) + ")");
            }
        }
        if (c.length < 2) {
            throw new UsageException(
                    "--cpus '" + cpus + "' names " + c.length + " CPU: a latency run needs at least two");
        }
        return c;
    }
}
