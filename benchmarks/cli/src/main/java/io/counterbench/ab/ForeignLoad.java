package io.counterbench.ab;

import io.counterbench.env.ProcStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine was with work that is not the fork's own while a fork ran: the CPU time
 * of the whole machine (/proc/stat, in USER_HZ ticks) minus that of this process and its reaped
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

    /** The machine's busy ticks ({@link ProcStat.CpuTimes#busy()} of the "cpu" line); -1 when unreadable. */
    private static long machineBusy() {
        ProcStat stat = ProcStat.read();
        return stat.available() ? stat.aggregate().busy() : -1;
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
