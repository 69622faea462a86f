package io.counterbench.results.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The Clopper-Pearson ("exact") two-sided interval of a binomial proportion: k successes in n
 * trials, each side at (1 - confidence) / 2, from the beta distribution's quantiles.
 */
public record ClopperPearson(int k, int n, double lower, double upper) {

    public static ClopperPearson of(int k, int n, double confidence) {
        if (n < 1 || k < 0 || k > n) {
            throw new IllegalArgumentException(k + " of " + n + ": not a binomial count");
        }
        double a = (1 - confidence) / 2;
        double lo = k == 0 ? 0 : BetaDistribution.of(k, n - k + 1.0).inverseCumulativeProbability(a);
        double hi = k == n ? 1 : BetaDistribution.of(k + 1.0, n - k).inverseCumulativeProbability(1 - a);
        return new ClopperPearson(k, n, lo, hi);
    }

    public double rate() {
        return (double) k / n;
    }
}
