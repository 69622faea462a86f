package io.counterbench.results.trend;

/**
 * How trend runs: the detector's settings, the slowdown above which a change point since
 * {@code since} fails (a fraction: 0.02 is 2%), and the commit (or unique prefix) whose history's
 * change points are already known (only new ones count); null counts every change point.
 */
public record TrendOptions(EDivisive.Options detector, double threshold, String since) {
    /** The magnitude's interval is two-sided at this coverage. */
    public static final double INTERVAL = 0.95;

    public static final double DEFAULT_THRESHOLD = 0.02;

    public TrendOptions {
        if (!(threshold >= 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("--threshold " + threshold + " is not a slowdown of 0% or more");
        }
    }

    public static TrendOptions defaults() {
        return new TrendOptions(EDivisive.Options.DEFAULT, DEFAULT_THRESHOLD, null);
    }
}
