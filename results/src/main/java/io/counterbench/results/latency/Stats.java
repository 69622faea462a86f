package io.counterbench.results.latency;

import java.util.Arrays;

/**
 * The median and the spread (min, max) of some nanosecond figures.
 *
 * @param n how many figures
 */
public record Stats(double median, double min, double max, int n) {

    /** NaNs when {@code values} is empty. */
    public static Stats of(double[] values) {
        if (values.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int k = s.length;
        double median = k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
        return new Stats(median, s[0], s[k - 1], k);
    }

    public boolean isEmpty() {
        return n == 0;
    }
}
