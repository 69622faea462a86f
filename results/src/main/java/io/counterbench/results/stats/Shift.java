package io.counterbench.results.stats;

/**
 * A Hodges-Lehmann shift estimate with the distribution-free bounds of the rank test it comes
 * from: the estimate is the median of the Walsh averages (paired) or of the pairwise differences
 * (two samples); the bounds are order statistics of the same values at ranks taken from the
 * test's exact null distribution, so [lower, +inf) covers the true shift with probability at
 * least {@link #confidence} (and so does (-inf, upper]). Where the sample is too small for the
 * asked confidence, the bounds are infinite: no data could have excluded any shift.
 *
 * @param estimate the Hodges-Lehmann estimate; NaN without data
 * @param lower the one-sided lower confidence bound; -infinity when too few observations
 * @param upper the one-sided upper confidence bound; +infinity when too few observations
 * @param confidence the exact coverage of each one-sided bound (at least the asked 1 - alpha); NaN without bounds
 * @param n the number of pairs (paired) or of forks in the smaller sample (two samples)
 */
public record Shift(double estimate, double lower, double upper, double confidence, int n) {

    /** True when the data could bound the shift at the asked confidence. */
    public boolean bounded() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }

    /**
     * The one-sided bounds' distance from the estimate divided by the normal quantile of their
     * confidence: a standard error read off the exact interval (infinite without bounds).
     */
    public double standardError(double zOfConfidence) {
        if (!bounded()) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(estimate - lower, upper - estimate) / zOfConfidence;
    }

    /** The order statistic of rank k (1-based) of sorted values, with ranks outside 1..length as -inf / +inf. */
    static double rank(double[] sorted, int k) {
        if (k < 1) {
            return Double.NEGATIVE_INFINITY;
        }
        if (k > sorted.length) {
            return Double.POSITIVE_INFINITY;
        }
        return sorted[k - 1];
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The shift whose bounds are the order statistics {@code c + 1} and {@code N - c} of
     * {@code sorted} (N values), where {@code c} is the largest count with P(T &lt;= c) &lt;= alpha
     * under the test's null distribution {@code cdf} (or -1 when none is).
     */
    static Shift fromSorted(double[] sorted, double[] cdf, double alpha, int n) {
        int c = -1;
        while (c + 1 < cdf.length && cdf[c + 1] <= alpha) {
            c++;
        }
        int size = sorted.length;
        double lower = c < 0 ? Double.NEGATIVE_INFINITY : rank(sorted, c + 1);
        double upper = c < 0 ? Double.POSITIVE_INFINITY : rank(sorted, size - c);
        double confidence = c < 0 ? Double.NaN : 1 - cdf[c];
        return new Shift(median(sorted), lower, upper, confidence, n);
    }
}
