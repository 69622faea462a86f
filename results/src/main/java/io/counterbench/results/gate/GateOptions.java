package io.counterbench.results.gate;

import java.util.Locale;

/**
 * How the gate decides.
 *
 * @param threshold the practical threshold as a fraction (0.05 for "5%"): smaller changes never fail
 * @param alpha the Mann-Whitney U significance level (two-sided)
 * @param normalizeBy a counter id ("adder") whose row in the same run divides every score, or null
 * @param allowDifferentMachine compare runs of different machines (CPU model, CPU count, topology)
 * @param allowMissing gate the rows both runs have when the current run lacks some baseline rows
 */
public record GateOptions(double threshold, double alpha, String normalizeBy, boolean allowDifferentMachine, boolean allowMissing) {

    public static final double DEFAULT_THRESHOLD = 0.05;
    public static final double DEFAULT_ALPHA = 0.01;
    /** The largest threshold, as a fraction: 1000%. */
    public static final double MAX_THRESHOLD = 10;

    public GateOptions {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("--threshold must be a percentage of at least 0, e.g. 5%");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("--alpha must lie between 0 and 1 (exclusive), e.g. 0.01");
        }
    }

    public static GateOptions defaults() {
        return new GateOptions(DEFAULT_THRESHOLD, DEFAULT_ALPHA, null, false, false);
    }

    /** "5%", "5", "2.5%": always a percentage. */
    public static double parseThreshold(String text) {
        String t = text.strip();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (!t.matches("[0-9]+\\.?[0-9]*|\\.[0-9]+")) {
            throw new IllegalArgumentException("--threshold '" + text + "' is not a percentage (e.g. 5%)");
        }
        double v = Double.parseDouble(t) / 100;
        if (v > MAX_THRESHOLD) {
            throw new IllegalArgumentException("--threshold '" + text + "': a threshold must be between 0% and "
                    + Math.round(MAX_THRESHOLD * 100) + "%");
        }
        return v;
    }

    public String thresholdText() {
        return String.format(Locale.ROOT, "%s%%", stripZeros(threshold * 100));
    }

    private static String stripZeros(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    public GateOptions withNormalizeBy(String counter) {
        return new GateOptions(threshold, alpha, counter, allowDifferentMachine, allowMissing);
    }
}
