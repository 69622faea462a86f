package io.counterbench.cli.ab;

import io.counterbench.cli.env.ProcStat;
import io.counterbench.topology.Affinity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine was with work that is not the fork's own while a fork ran: the CPU time
 * of the CPUs this process may run on (/proc/stat, in USER_HZ ticks: the {@code cpuN} lines of
 * {@link Affinity#processCpus()}, or the whole machine's {@code cpu} line when the process may
 * use every CPU or its set is unknown) minus that of this process and its reaped
 * children (/proc/self/stat utime + stime + cutime + cstime: the JMH host and its forked JVM,
 * once waited for), divided by the wall time, in CPUs (0.5 = half a CPU busy with something
 * else on average). It only describes the fork's conditions; ab records it and reruns a pair
 * disturbed by it, it never looks at the scores to decide. NaN where /proc is not readable.
 */
final class ForeignLoad {
    static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long machineBusy;
    private final long ownTicks;
    private final long nanos;

    private ForeignLoad(long machineBusy, long ownTicks, long nanos) {
        this.machineBusy = machineBusy;
        this.ownTicks = ownTicks;
        this.nanos = nanos;
    }

    static ForeignLoad now() {
        return new ForeignLoad(machineBusy(), ownTicks(), System.nanoTime());
    }

    /** CPUs busy with foreign work on average since {@code start}; NaN when unknown. */
    static double since(ForeignLoad start) {
        ForeignLoad end = now();
        if (start.machineBusy < 0 || end.machineBusy < 0 || start.ownTicks < 0 || end.ownTicks < 0) {
            return Double.NaN;
        }
        double seconds = (end.nanos - start.nanos) / 1e9;
        if (seconds <= 0) {
            return Double.NaN;
        }
        long foreign = (end.machineBusy - start.machineBusy) - (end.ownTicks - start.ownTicks);
        return Math.max(0, foreign / TICKS_PER_SECOND / seconds);
    }

    /** Busy ticks of the CPUs this process may use ({@link #busyOn}); -1 when unreadable. */
    private static long machineBusy() {
        int[] cpus;
        try {
            cpus = Affinity.processCpus();
        } catch (RuntimeException e) {
            cpus = new int[0];
        }
        return busyOn(ProcStat.read(), cpus);
    }

    /**
     * The busy ticks of the given CPUs: the sum of their {@code cpuN} lines when they are a proper subset of the
     * CPUs /proc/stat lists (a process confined by taskset or a cgroup cpuset, where work on the other CPUs does not
     * compete with its forks), else the aggregate {@code cpu} line; -1 when /proc/stat is unavailable.
     */
    static long busyOn(ProcStat stat, int[] cpus) {
        if (!stat.available()) {
            return -1;
        }
        if (cpus.length == 0 || cpus.length >= stat.perCpu().size()) {
            return stat.aggregate().busy();
        }
        long busy = 0;
        for (int cpu : cpus) {
            ProcStat.CpuTimes t = stat.perCpu().get(cpu);
            if (t == null) {
                return stat.aggregate().busy();
            }
            busy += t.busy();
        }
        return busy;
    }

    /** utime + stime + cutime + cstime of this process; -1 when unreadable. */
    private static long ownTicks() {
        try {
            String s = Files.readString(Path.of("/proc/self/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
            // after "pid (comm) ": state is field 3, so utime (14) is index 11
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
