package io.counterbench.results.trend;

/**
 * A change point of one row's series: between {@code lastBefore} and {@code first} (the first
 * commit measured after the change), the magnitude as the ratio of the after segment's median
 * cost to the before segment's (1.05: 5% slower), with the two-sample Hodges-Lehmann shift's
 * exact Mann-Whitney bounds, and the detector's statistic and permutation p-value.
 *
 * @param index position of {@code first} in the row's ordered series
 * @param ratio exp(median after - median before) of the log ratios
 * @param lower lower end of the ratio's interval (0 when the segments are too short to bound it)
 * @param upper upper end (+infinity when too short)
 * @param confidence the interval's coverage (two-sided), NaN when unbounded
 * @param since true when the history up to the --since commit did not show this change point (always without --since)
 */
public record ChangePoint(
        int index,
        SeriesPoint lastBefore,
        SeriesPoint first,
        double ratio,
        double lower,
        double upper,
        double confidence,
        double q,
        double p,
        boolean since) {

    /** True when the cost went up: a regression. */
    public boolean slower() {
        return ratio > 1;
    }

    /** "+2.1%" or "-3.0%". */
    public String percent() {
        return String.format(java.util.Locale.ROOT, "%+.1f%%", (ratio - 1) * 100);
    }

    public boolean bounded() {
        return lower > 0 && Double.isFinite(upper);
    }
}
