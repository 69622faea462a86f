package io.counterbench.results.gate;

import io.counterbench.results.jmh.ForkScore;
import java.util.Locale;

/**
 * How the gate decides.
 *
 * @param threshold the practical threshold as a fraction (0.01 for "1%"): a row regresses only when
 *                  its whole interval lies above this slowdown
 * @param alpha the family-wise false-alarm rate: split evenly over the compared rows (Bonferroni), so
 *              that when nothing changed, the chance that any row is flagged is at most alpha
 * @param detect the slowdown the gate should be able to see: a row whose minimum detectable effect is
 *               larger says "could not see" instead of "~"
 * @param normalizeBy a counter id ("adder") whose row in the same run divides every fork's score, or null
 * @param allowDifferentMachine compare runs of different machines (CPU model, CPU count, topology)
 * @param allowMissing gate the rows both runs have when the current run lacks some baseline rows
 * @param forkScore how each fork's iterations become its one score (ab: the best iteration; gate: the mean)
 */
public record GateOptions(
        double threshold,
        double alpha,
        double detect,
        String normalizeBy,
        boolean allowDifferentMachine,
        boolean allowMissing,
        ForkScore forkScore) {

    /** Runs taken apart: the interval sees fork-to-fork spread only, not a shift of the whole machine between runs. */
    public static final double SEPARATE_THRESHOLD = 0.05;

    public static final double SEPARATE_DETECT = 0.10;
    /** ab's interleaved pairs on one machine. */
    public static final double PAIRED_THRESHOLD = 0.01;

    public static final double PAIRED_DETECT = 0.05;
    public static final double DEFAULT_ALPHA = 0.01;
    /** The power the minimum detectable effect is computed for: a slowdown of that size is flagged in 4 of 5 runs. */
    public static final double POWER = 0.8;
    /** The largest threshold (or --detect), as a fraction: 1000%. */
    public static final double MAX_THRESHOLD = 10;

    public GateOptions {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("--threshold must be a percentage of at least 0, e.g. 5%");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("--alpha must lie between 0 and 1 (exclusive), e.g. 0.01");
        }
        if (!(detect > 0) || Double.isInfinite(detect)) {
            throw new IllegalArgumentException("--detect must be a percentage above 0, e.g. 5%");
        }
        if (forkScore == null) {
            throw new IllegalArgumentException("a fork score (best or mean) is needed");
        }
    }

    /** Without a fork score: the mean of each fork's iterations. */
    public GateOptions(
            double threshold,
            double alpha,
            double detect,
            String normalizeBy,
            boolean allowDifferentMachine,
            boolean allowMissing) {
        this(threshold, alpha, detect, normalizeBy, allowDifferentMachine, allowMissing, ForkScore.MEAN);
    }

    /** Defaults for two runs taken apart (gate). */
    public static GateOptions separateRuns() {
        return new GateOptions(SEPARATE_THRESHOLD, DEFAULT_ALPHA, SEPARATE_DETECT, null, false, false);
    }

    /** Defaults for ab's paired forks. */
    public static GateOptions paired() {
        return new GateOptions(PAIRED_THRESHOLD, DEFAULT_ALPHA, PAIRED_DETECT, null, false, false, ForkScore.BEST);
    }

    /** "5%", "5", "2.5%": the number of percent (5, 2.5), at least 0; the one parser of percentages. */
    public static double percentValue(String option, String text) {
        String t = text.strip();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (!t.matches("[0-9]+\\.?[0-9]*|\\.[0-9]+")) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a percentage (e.g. 5%)");
        }
        return Double.parseDouble(t);
    }

    /** "5%", "5", "2.5%": always a percentage, as a fraction (0.05), at most {@link #MAX_THRESHOLD}. */
    public static double parsePercent(String option, String text) {
        double v = percentValue(option, text) / 100;
        if (v > MAX_THRESHOLD) {
            throw new IllegalArgumentException(
                    option + " '" + text + "': must be between 0% and " + Math.round(MAX_THRESHOLD * 100) + "%");
        }
        return v;
    }

    public String thresholdText() {
        return percent(threshold);
    }

    public String detectText() {
        return percent(detect);
    }

    /** "5%", "2.5%". */
    public static String percent(double fraction) {
        double v = fraction * 100;
        return String.format(
                Locale.ROOT,
                "%s%%",
                v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 1000) / 1000.0));
    }
}
