package io.counterbench.bench;

import io.counterbench.counters.Accuracy;
import io.counterbench.counters.Counter;

/**
 * What the benchmarks observed about accuracy during the current measurement iteration, read and
 * reset by {@link AccuracyProfiler} after each iteration. Lives in the forked benchmark JVM; the
 * benchmark states write it when writers are quiescent (iteration teardown) or from the single
 * reader thread of a reader/writer group.
 */
public final class AccuracyProbe {
    private static long worst = -1;
    private static long under = -1;
    private static long over = -1;
    private static long violations;
    private static long inflightWorst = -1;
    private static long inflightReads;

    private AccuracyProbe() {
    }

    /** Records |approximate - precise| of a quiescent counter and whether it left the bound. */
    public static synchronized void quiescent(Counter c) {
        long precise = c.precise();
        long approximate = c.approximate();
        Accuracy acc = c.accuracy();
        worst = Math.max(worst, Math.abs(approximate - precise));
        under = Math.max(under, acc.under());
        over = Math.max(over, acc.over());
        if (!acc.admits(approximate, precise)) {
            violations++;
        }
    }

    /** Records the distance of an in-flight approximate read from the window [low, high] of possible exact values. */
    public static synchronized void inflight(long approximate, long low, long high) {
        long distance = approximate < low ? low - approximate : approximate > high ? approximate - high : 0;
        inflightWorst = Math.max(inflightWorst, distance);
        inflightReads++;
    }

    /** Takes and clears the iteration's observations. */
    static synchronized Snapshot drain() {
        Snapshot s = new Snapshot(worst, under, over, violations, inflightWorst, inflightReads);
        worst = -1;
        under = -1;
        over = -1;
        violations = 0;
        inflightWorst = -1;
        inflightReads = 0;
        return s;
    }

    /** One iteration's observations; -1 means not measured. */
    record Snapshot(long worst, long under, long over, long violations, long inflightWorst, long inflightReads) {
        boolean measured() {
            return worst >= 0;
        }
    }
}
