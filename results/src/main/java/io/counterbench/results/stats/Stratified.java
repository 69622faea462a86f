package io.counterbench.results.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The stratified rank-sum test (van Elteren's with equal weights): within each stratum, the
 * Mann-Whitney count of differences y - x above t; their sum is the statistic, and its exact null
 * distribution is the convolution of the strata's (each stratum's labels exchangeable, the strata
 * independent). Inverted, the pooled within-stratum differences give a Hodges-Lehmann shift with
 * exact bounds. Strata with no x or no y carry no information and are left out.
 */
public final class Stratified {
    private Stratified() {}

    /** The shift of y against x within strata: {@code x.get(k)} and {@code y.get(k)} are stratum k's two samples. */
    public static RankInversion inversion(List<double[]> x, List<double[]> y) {
        if (x.size() != y.size()) {
            throw new IllegalArgumentException(x.size() + " strata of x, " + y.size() + " of y");
        }
        List<Double> diffs = new ArrayList<>();
        double[] pmf = {1};
        int n = 0;
        for (int k = 0; k < x.size(); k++) {
            double[] xs = x.get(k);
            double[] ys = y.get(k);
            if (xs.length == 0 || ys.length == 0) {
                continue;
            }
            for (double xi : xs) {
                for (double yj : ys) {
                    diffs.add(yj - xi);
                }
            }
            pmf = convolve(pmf, RankInversion.pmfOf(RankSum.cdf(xs.length, ys.length)));
            n += Math.min(xs.length, ys.length);
        }
        if (diffs.isEmpty()) {
            return RankInversion.empty();
        }
        double[] sorted =
                diffs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new RankInversion(sorted, RankInversion.cdfOf(pmf), n, 1);
    }

    static double[] convolve(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            if (a[i] == 0) {
                continue;
            }
            for (int j = 0; j < b.length; j++) {
                c[i + j] += a[i] * b[j];
            }
        }
        return c;
    }
}
