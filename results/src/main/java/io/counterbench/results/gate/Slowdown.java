package io.counterbench.results.gate;

import io.counterbench.results.jmh.Mode;

/**
 * The gate's one orientation, used for every row in every mode: the <b>slowdown</b> of current
 * against baseline is (time per operation of current) / (time per operation of baseline) - 1, so
 * it is above 0 when current is worse. Time modes (avgt, sample, ss) measure time per operation;
 * throughput is its inverse, so there the slowdown is baseline throughput / current throughput - 1.
 * The statistics work on the logarithm of time per operation, where a slowdown is a difference.
 */
public final class Slowdown {
    /** The sentence every table prints once. */
    public static final String DEFINITION = "slowdown = current's time per operation / baseline's - 1 (for throughput: "
            + "baseline's ops / current's ops - 1), so above 0 is worse in every mode";

    private Slowdown() {}

    /** ln(time per operation) of a score in {@code mode}, up to a constant; NaN for scores that are not positive. */
    public static double logCost(double score, Mode mode) {
        if (!(score > 0) || Double.isInfinite(score)) {
            return Double.NaN;
        }
        return mode.higherIsBetter() ? -Math.log(score) : Math.log(score);
    }

    /** A log ratio as a slowdown fraction (0.05 = 5% slower); keeps infinities. */
    public static double fraction(double logRatio) {
        return Math.expm1(logRatio);
    }

    /** A slowdown fraction as a log ratio. */
    public static double log(double fraction) {
        return Math.log1p(fraction);
    }
}
