package io.counterbench.results.stats;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Wilcoxon signed-rank statistic for n paired differences: its exact null distribution (each
 * of the 2^n sign patterns equally likely, which holds when the two members of a pair are
 * exchangeable, as forks of the same code run in random order are), and the Hodges-Lehmann
 * estimate of the differences' center with the bounds that invert the test. The statistic W+ of
 * the differences minus t counts the Walsh averages (d_i + d_j) / 2, i &lt;= j, above t, so the
 * bounds are Walsh averages of ranks read off the distribution.
 */
public final class SignedRank {
    private static final ConcurrentHashMap<Integer, double[]> CDF = new ConcurrentHashMap<>();
    /** Beyond this many pairs the n(n+1)/2 Walsh averages and the distribution get large; the gate never needs more. */
    public static final int MAX_PAIRS = 400;

    private SignedRank() {}

    /** P(W+ &lt;= k) for k = 0 .. n(n+1)/2 under the null hypothesis. */
    public static double[] cdf(int n) {
        if (n < 0 || n > MAX_PAIRS) {
            throw new IllegalArgumentException(
                    "signed-rank distribution for " + n + " pairs: supported are 0.." + MAX_PAIRS);
        }
        return CDF.computeIfAbsent(n, SignedRank::computeCdf).clone();
    }

    private static double[] computeCdf(int n) {
        int max = n * (n + 1) / 2;
        double[] p = new double[max + 1];
        p[0] = 1;
        int reach = 0;
        for (int i = 1; i <= n; i++) {
            reach += i;
            // rank i is positive or negative with probability 1/2 each
            for (int k = reach; k >= 0; k--) {
                p[k] = (p[k] + (k >= i ? p[k - i] : 0)) / 2;
            }
        }
        double[] c = new double[max + 1];
        double sum = 0;
        for (int k = 0; k <= max; k++) {
            sum += p[k];
            c[k] = Math.min(1, sum);
        }
        return c;
    }

    /** The fewest pairs for which a one-sided bound at level alpha exists: the smallest n with 2^-n &lt;= alpha. */
    public static int minimumPairs(double alpha) {
        int n = 0;
        while (Math.pow(0.5, n) > alpha) {
            n++;
        }
        return n;
    }

    /** The signed-rank test of the center of {@code d}, answerable at any level (the Walsh averages and W's null
     * distribution). */
    public static RankInversion inversion(double[] d) {
        int n = d.length;
        if (n == 0) {
            return RankInversion.empty();
        }
        double[] walsh = new double[n * (n + 1) / 2];
        int w = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[w++] = (d[i] + d[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        return new RankInversion(walsh, cdf(n), n, 1);
    }

    /** The Hodges-Lehmann estimate of the center of {@code d} with one-sided bounds at level {@code alpha} each. */
    public static Shift shift(double[] d, double alpha) {
        int n = d.length;
        if (n == 0) {
            return new Shift(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, 0);
        }
        double[] walsh = new double[n * (n + 1) / 2];
        int w = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[w++] = (d[i] + d[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        return Shift.fromSorted(walsh, cdf(n), alpha, n);
    }
}
