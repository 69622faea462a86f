package io.counterbench.results.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Mann-Whitney statistic for two independent samples of sizes m and n: its exact null
 * distribution (every interleaving of the two samples equally likely), and the two-sample
 * Hodges-Lehmann shift (the median of the m x n differences y_j - x_i) with the bounds that
 * invert the test: U of y - t against x counts the differences above t.
 */
public final class RankSum {
    private static final Map<Long, double[]> CDF = new ConcurrentHashMap<>();
    /** The gate compares forks: more than this many per sample would be a different tool. */
    public static final int MAX_SAMPLE = 200;

    private RankSum() {}

    /** P(U &lt;= k) for k = 0 .. m n under the null hypothesis, U = #{(i, j): x_i &lt; y_j}. */
    public static double[] cdf(int m, int n) {
        if (m < 0 || n < 0 || m > MAX_SAMPLE || n > MAX_SAMPLE) {
            throw new IllegalArgumentException("rank-sum distribution for " + m + " and " + n
                    + " forks: supported are 0.." + MAX_SAMPLE + " each");
        }
        return CDF.computeIfAbsent(((long) m << 32) | n, k -> computeCdf(m, n)).clone();
    }

    /**
     * P(m, n, u) = n/(m+n) P(m, n-1, u-m) + m/(m+n) P(m-1, n, u): the largest of all m + n values
     * is a y (beating all m x's) or an x (beating none).
     */
    private static double[] computeCdf(int m, int n) {
        // prev[j] = distribution for (i - 1, j); cur[j] = for (i, j)
        double[][] prev = new double[n + 1][];
        for (int j = 0; j <= n; j++) {
            prev[j] = new double[] {1}; // i = 0: U = 0
        }
        for (int i = 1; i <= m; i++) {
            double[][] cur = new double[n + 1][];
            cur[0] = new double[] {1};
            for (int j = 1; j <= n; j++) {
                double[] p = new double[i * j + 1];
                double py = (double) j / (i + j);
                double[] fromY = cur[j - 1]; // (i, j-1), shifted by i
                for (int u = 0; u < fromY.length; u++) {
                    p[u + i] += py * fromY[u];
                }
                double[] fromX = prev[j]; // (i-1, j)
                for (int u = 0; u < fromX.length; u++) {
                    p[u] += (1 - py) * fromX[u];
                }
                cur[j] = p;
            }
            prev = cur;
        }
        double[] p = prev[n];
        double[] c = new double[p.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            sum += p[k];
            c[k] = Math.min(1, sum);
        }
        return c;
    }

    /**
     * The fewest forks per sample (equal sizes) for a one-sided bound at level alpha: the smallest k with 1 / C(2k, k)
     * &lt;= alpha.
     */
    public static int minimumForksEach(double alpha) {
        int k = 0;
        double choose = 1; // C(0, 0)
        while (1 / choose > alpha) {
            k++;
            choose = choose * (2 * k) * (2 * k - 1) / ((double) k * k);
        }
        return k;
    }

    /** The rank-sum test of the shift of {@code y} against {@code x}, answerable at any level; {@code scale}
     * multiplies the shift. */
    public static RankInversion inversion(double[] x, double[] y, double scale) {
        int m = x.length;
        int n = y.length;
        if (m == 0 || n == 0) {
            return RankInversion.empty();
        }
        double[] diff = new double[m * n];
        int k = 0;
        for (double xi : x) {
            for (double yj : y) {
                diff[k++] = yj - xi;
            }
        }
        Arrays.sort(diff);
        return new RankInversion(diff, cdf(m, n), Math.min(m, n), scale);
    }

    /** The shift of {@code y} against {@code x} (y - x) with one-sided bounds at level {@code alpha} each. */
    public static Shift shift(double[] x, double[] y, double alpha) {
        int m = x.length;
        int n = y.length;
        if (m == 0 || n == 0) {
            return new Shift(
                    Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, Math.min(m, n));
        }
        double[] diff = new double[m * n];
        int k = 0;
        for (double xi : x) {
            for (double yj : y) {
                diff[k++] = yj - xi;
            }
        }
        Arrays.sort(diff);
        return Shift.fromSorted(diff, cdf(m, n), alpha, Math.min(m, n));
    }
}
