package io.counterbench.results.gate;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * The Mann-Whitney U test (commons-math3, normal approximation, two-sided) on raw iteration
 * samples, and the smallest p-value that sample sizes allow at all: with 3 + 3 samples no
 * difference, however large, gets below p = 0.0495, so such a row cannot fail at alpha 0.01.
 */
public final class MannWhitney {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private MannWhitney() {
    }

    /** Two-sided p-value; NaN when a side has no samples. */
    public static double pValue(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return Double.NaN;
        }
        return new MannWhitneyUTest().mannWhitneyUTest(a, b);
    }

    /** The p-value of complete separation (U = 0) for these sizes, the best the test can say. */
    public static double minimumP(int n1, int n2) {
        if (n1 == 0 || n2 == 0) {
            return Double.NaN;
        }
        double prod = (double) n1 * n2;
        double z = (0 - prod / 2) / Math.sqrt(prod * (n1 + n2 + 1) / 12.0);
        return 2 * STANDARD_NORMAL.cumulativeProbability(z);
    }
}
