package io.counterbench.results.stats;

import java.util.Arrays;

/**
 * A one-dimensional two-means split: the cut of the sorted values into a low and a high group that
 * minimizes the within-group sum of squares (exact, by trying every cut). The values are split into
 * two modes only when the gap between the group means is at least {@link #SEPARATION} pooled
 * within-group standard deviations and each group holds at least {@link #MIN_SIZE} values; used
 * blind to which version a fork ran, so that the split cannot favour either version.
 *
 * @param cut values at or below this belong to the low mode (NaN when not bimodal)
 * @param low the low mode's mean, high the high mode's mean
 * @param separation (high - low) / pooled within-group standard deviation
 */
public record TwoMeans(boolean bimodal, double cut, double low, double high, double separation) {
    public static final double SEPARATION = 6;
    public static final int MIN_SIZE = 3;

    public static TwoMeans of(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        if (n < 2 * MIN_SIZE) {
            return new TwoMeans(false, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] prefix = new double[n + 1];
        double[] prefix2 = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + s[i];
            prefix2[i + 1] = prefix2[i] + s[i] * s[i];
        }
        double best = Double.POSITIVE_INFINITY;
        int bestK = -1;
        for (int k = MIN_SIZE; k <= n - MIN_SIZE; k++) {
            double ss = ss(prefix, prefix2, 0, k) + ss(prefix, prefix2, k, n);
            if (ss < best) {
                best = ss;
                bestK = k;
            }
        }
        double low = prefix[bestK] / bestK;
        double high = (prefix[n] - prefix[bestK]) / (n - bestK);
        double sd = Math.sqrt(best / Math.max(1, n - 2));
        double sep = sd > 0 ? (high - low) / sd : high > low ? Double.POSITIVE_INFINITY : 0;
        boolean bimodal = sep >= SEPARATION;
        return new TwoMeans(bimodal, bimodal ? s[bestK - 1] : Double.NaN, low, high, sep);
    }

    private static double ss(double[] p, double[] p2, int from, int to) {
        int k = to - from;
        double sum = p[to] - p[from];
        return Math.max(0, p2[to] - p2[from] - sum * sum / k);
    }

    /** 0 for the low mode, 1 for the high one. */
    public int mode(double v) {
        return v <= cut ? 0 : 1;
    }
}
