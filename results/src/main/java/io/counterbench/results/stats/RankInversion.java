package io.counterbench.results.stats;

import java.util.Arrays;

/**
 * An exact rank test of a shift, kept in the form that answers it at any level: the sorted values
 * whose count above t is the test statistic of "shift = t" (Walsh averages for the signed-rank
 * test, differences y - x for the rank-sum test, the pooled within-stratum differences for a
 * stratified rank-sum test) and that statistic's exact null distribution. {@link #at} gives the
 * Hodges-Lehmann estimate with one-sided bounds at a level; {@link #p} the exact one-sided p-value
 * of "shift &lt;= t". Both are multiplied by {@code scale} (0.5 for the coin test's group
 * differences, which estimate twice the effect).
 *
 * @param sorted the values, ascending
 * @param cdf P(T &lt;= k) for k = 0 .. sorted.length under the null hypothesis
 * @param n observations behind it (pairs, or forks of the smaller sample)
 * @param scale factor from the values' scale to the shift's
 */
public record RankInversion(double[] sorted, double[] cdf, int n, double scale) {

    public RankInversion {
        sorted = sorted.clone();
        cdf = cdf.clone();
        if (cdf.length != sorted.length + 1) {
            throw new IllegalArgumentException(
                    "a null distribution over 0.." + (cdf.length - 1) + " for " + sorted.length + " values");
        }
    }

    /** No data: every bound infinite, the estimate NaN, p 1. */
    public static RankInversion empty() {
        return new RankInversion(new double[0], new double[] {1}, 0, 1);
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /** The estimate with one-sided bounds at {@code level} each. */
    public Shift at(double level) {
        if (sorted.length == 0) {
            return new Shift(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, n);
        }
        Shift s = Shift.fromSorted(sorted, cdf, level, n);
        return new Shift(scale * s.estimate(), scale * s.lower(), scale * s.upper(), s.confidence(), n);
    }

    /**
     * The exact one-sided p-value of "shift &lt;= t": P(T &lt;= k) with k the values at or below t / scale.
     * It is at most a level exactly when the lower bound at that level lies above t.
     */
    public double p(double t) {
        if (sorted.length == 0) {
            return 1;
        }
        double v = t / scale;
        int k = 0;
        while (k < sorted.length && sorted[k] <= v) {
            k++;
        }
        return cdf[k];
    }

    /** The smallest p-value any data of this size could give: the level below which it cannot bound anything. */
    public double smallestP() {
        return cdf[0];
    }

    /** The values in their own scale (for tests). */
    @Override
    public double[] sorted() {
        return sorted.clone();
    }

    @Override
    public double[] cdf() {
        return cdf.clone();
    }

    static double[] cdfOf(double[] pmf) {
        double[] c = new double[pmf.length];
        double sum = 0;
        for (int k = 0; k < pmf.length; k++) {
            sum += pmf[k];
            c[k] = Math.min(1, sum);
        }
        return c;
    }

    static double[] pmfOf(double[] cdf) {
        double[] p = new double[cdf.length];
        for (int k = 0; k < cdf.length; k++) {
            p[k] = cdf[k] - (k == 0 ? 0 : cdf[k - 1]);
        }
        return p;
    }

    static double[] sortedCopy(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }
}
