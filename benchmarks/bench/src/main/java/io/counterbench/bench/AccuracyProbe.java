package io.counterbench.bench;

import io.counterbench.counters.Accuracy;
import io.counterbench.counters.Counter;

/**
 * What the benchmarks observed about accuracy during the current measurement iteration, read and
 * reset by {@link AccuracyProfiler} after each iteration. Lives in the forked benchmark JVM; the
 * benchmark states write it when writers are quiescent (iteration teardown) or from the single
 * reader thread of a reader/writer group. Every check is against the truth: the exact sum of
 * what the benchmark added, which the writers tally themselves, never a value the counter reports.
 */
public final class AccuracyProbe {
    private static long worst = -1;
    private static long lost = -1;
    private static long under = -1;
    private static long over = -1;
    private static long violations;
    private static long inflightWorst = -1;
    private static long inflightReads;

    private AccuracyProbe() {}

    /**
     * Checks a quiescent counter against {@code truth}, the exact sum of everything added to it:
     * precise() must equal it (|precise - truth| is recorded as lost) and approximate() must lie
     * within the bound around it (|approximate - truth| is recorded as worst). A read that fails
     * either is a violation.
     */
    public static synchronized void quiescent(Counter c, long truth) {
        long precise = c.precise();
        long approximate = c.approximate();
        Accuracy acc = c.accuracy();
        long missing = Math.abs(precise - truth);
        worst = Math.max(worst, Math.abs(approximate - truth));
        lost = Math.max(lost, missing);
        under = Math.max(under, acc.under());
        over = Math.max(over, acc.over());
        if (missing != 0 || !acc.admits(approximate, truth)) {
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
        Snapshot s = new Snapshot(worst, lost, under, over, violations, inflightWorst, inflightReads);
        worst = -1;
        lost = -1;
        under = -1;
        over = -1;
        violations = 0;
        inflightWorst = -1;
        inflightReads = 0;
        return s;
    }

    /** One iteration's observations; -1 means not measured. */
    record Snapshot(
            long worst, long lost, long under, long over, long violations, long inflightWorst, long inflightReads) {
        boolean measured() {
            return worst >= 0;
        }
    }
}
