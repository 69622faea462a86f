package io.counterbench.sim;

import io.counterbench.counters.Counter;

/**
 * One OOM victim choice (the largest RSS) made three ways over the same quiescent counters:
 * always precise (K precise sums), approximate only (no precise sum, may pick a wrong victim),
 * and approximate compare with precise fallback: a scan keeping the largest so far, comparing each
 * process with it by {@code Counter.approximateCompare(Counter)}; when their ranges overlap, HPCC's
 * precise compare (sum one counter, compare it with the other's range by
 * {@code approximateCompare(value)}, sum the other only if still undecided). A counter is summed at
 * most once per selection (the counters are quiescent while the killer chooses), so the count is
 * the number of distinct counters the ranges forced a precise sum of. Exact, like always-precise.
 *
 * @param truth the largest by exact value (first of equals)
 * @param alwaysPrecisePick the pick by precise sums
 * @param approximatePick the pick by approximate reads
 * @param fallbackPick the pick by compare with fallback
 * @param alwaysPreciseSums precise sums always-precise needed (K)
 * @param fallbackPreciseSums precise sums the fallback needed
 * @param preciseMismatches precise sums that differed from the exact value (must be 0)
 */
record OomSelection(
        int truth,
        int alwaysPrecisePick,
        int approximatePick,
        int fallbackPick,
        long alwaysPreciseSums,
        long fallbackPreciseSums,
        long preciseMismatches) {

    static OomSelection choose(Counter[] counters, long[] exact, long[] preciseTally) {
        int truth = 0;
        for (int i = 1; i < exact.length; i++) {
            if (exact[i] > exact[truth]) {
                truth = i;
            }
        }
        long before = preciseTally[0];
        int precisePick = 0;
        long best = Long.MIN_VALUE;
        long mismatches = 0;
        for (int i = 0; i < counters.length; i++) {
            long v = counters[i].precise();
            if (v != exact[i]) {
                mismatches++;
            }
            if (v > best) {
                best = v;
                precisePick = i;
            }
        }
        long alwaysSums = preciseTally[0] - before;

        int approxPick = 0;
        long bestApprox = Long.MIN_VALUE;
        for (int i = 0; i < counters.length; i++) {
            long a = counters[i].approximate();
            if (a > bestApprox) {
                bestApprox = a;
                approxPick = i;
            }
        }

        before = preciseTally[0];
        int fallbackPick = fallback(counters);
        long fallbackSums = preciseTally[0] - before;
        return new OomSelection(truth, precisePick, approxPick, fallbackPick, alwaysSums, fallbackSums, mismatches);
    }

    private static int fallback(Counter[] c) {
        long[] sum = new long[c.length];
        boolean[] summed = new boolean[c.length];
        int best = 0;
        for (int i = 1; i < c.length; i++) {
            int r = c[i].approximateCompare(c[best]);
            if (r == 0) {
                if (summed[best]) {
                    r = c[i].approximateCompare(sum[best]);
                    if (r == 0) {
                        r = Long.compare(precise(c, sum, summed, i), sum[best]);
                    }
                } else {
                    long pi = precise(c, sum, summed, i);
                    r = -c[best].approximateCompare(pi);
                    if (r == 0) {
                        r = Long.compare(pi, precise(c, sum, summed, best));
                    }
                }
            }
            if (r > 0) {
                best = i;
            }
        }
        return best;
    }

    private static long precise(Counter[] c, long[] sum, boolean[] summed, int i) {
        if (!summed[i]) {
            sum[i] = c[i].precise();
            summed[i] = true;
        }
        return sum[i];
    }

    /** A pick is wrong when its exact value is below the largest (an equal one is as good a victim). */
    static boolean wrong(int pick, int truth, long[] exact) {
        return exact[pick] < exact[truth];
    }
}
