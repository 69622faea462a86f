package io.counterbench.results.report.write;

import java.util.Locale;

/** Number formatting shared by the tables: about four significant digits, NaN kept as "NaN". */
public final class Fmt {
    /** Marks a cell whose across-fork interval is wider than 10% of its median. */
    public static final String WIDE_MARK = "\u2020";

    private Fmt() {}

    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (a >= 0.001) {
            return String.format(Locale.ROOT, "%.4g", v)
                    .replaceAll("(\\.\\d*?)0+$", "$1")
                    .replaceAll("\\.$", "");
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /** A count (accuracy bounds, bytes): an integer when it is one. */
    public static String count(double v) {
        if (Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return num(v);
    }

    /** Bytes per operation: whole bytes when the value is within 0.05 of one (JMH's norm rates are averages). */
    public static String bytes(double v) {
        return Double.isFinite(v) && Math.abs(v - Math.rint(v)) < 0.05 ? count(Math.rint(v)) : num(v);
    }

    /** "249.5 ± 56.78", or just the score when the error is NaN. */
    public static String pm(double score, double error) {
        return Double.isFinite(error) ? num(score) + " ± " + num(error) : num(score);
    }

    /** "+12.3%" / "-4.0%". */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** A ratio: "0.42x". */
    public static String ratio(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2fx", r) : "";
    }
}
