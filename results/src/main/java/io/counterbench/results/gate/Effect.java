package io.counterbench.results.gate;

import io.counterbench.results.jmh.ForkScores;
import io.counterbench.results.jmh.Mode;
import io.counterbench.results.stats.RankSum;
import io.counterbench.results.stats.Shift;
import io.counterbench.results.stats.SignedRank;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * The effect of one row with the fork as the unit, as a {@link Slowdown} (log scale inside,
 * fractions outside).
 *
 * <p>Paired (ab): fork i of the baseline and fork i of current ran back to back on one machine,
 * so each pair gives one log ratio; the effect is their Hodges-Lehmann center (the median of the
 * Walsh averages, an estimate of the median paired ratio) with the exact Wilcoxon signed-rank
 * bounds. Separate runs (gate): the two-sample Hodges-Lehmann shift of the log scores with the
 * exact Mann-Whitney bounds; these cover the forks' spread within each run, not a shift of the
 * whole machine between the two runs.
 *
 * <p>Each bound is one-sided at the row's level (the family's alpha over the number of rows).
 * The p-value is the exact one-sided test, from commons-statistics, of "slowdown at most the
 * threshold"; it is below the row's level exactly when the lower bound is above the threshold.
 * The minimum detectable effect is the slowdown that rows with this many forks and this spread
 * flag with probability {@link GateOptions#POWER}: threshold + (z(level) + z(power)) x the
 * standard error read off the interval; infinite when there are too few forks for any bound.
 *
 * @param pairs pairs (paired) or forks of the smaller side (separate runs) that entered
 * @param estimate the slowdown (fraction); NaN without data
 * @param lower one-sided lower bound of the slowdown (fraction; -1 when there is none: the log's -infinity)
 * @param upper one-sided upper bound (fraction; +infinity when there is none)
 * @param confidence each bound's exact coverage
 * @param p exact one-sided p-value of "slowdown &lt;= threshold"; NaN when not computed
 * @param mde minimum detectable slowdown (fraction); +infinity when nothing could be seen
 * @param spread robust standard deviation of the log ratios (paired) or of the two runs' log scores combined
 * @param minimumForks pairs (or forks per run) needed for any bound at this level
 */
public record Effect(boolean paired, int pairs, double estimate, double lower, double upper, double confidence, double p, double mde,
                     double spread, int minimumForks) {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** The effect of paired forks: {@code base.perFork()[i]} ran beside {@code current.perFork()[i]}. */
    public static Effect paired(ForkScores base, ForkScores current, Mode mode, double level, double threshold) {
        double[] b = base.perFork();
        double[] c = current.perFork();
        int n = Math.min(b.length, c.length);
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = Slowdown.logCost(b[i], mode) ;
            double y = Slowdown.logCost(c[i], mode);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                d.add(y - x);
            }
        }
        double[] diffs = d.stream().mapToDouble(Double::doubleValue).toArray();
        Shift s = SignedRank.shift(diffs, level);
        double lnT = Slowdown.log(threshold);
        double p = Double.NaN;
        if (diffs.length > 0) {
            p = WilcoxonSignedRankTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN).withMu(lnT).test(diffs).getPValue();
        }
        return of(true, s, p, level, lnT, robustSd(diffs), SignedRank.minimumPairs(level));
    }

    /** The effect of two runs taken apart: the forks of each run are independent samples. */
    public static Effect separate(ForkScores base, ForkScores current, Mode mode, double level, double threshold) {
        double[] x = logs(base.perFork(), mode);
        double[] y = logs(current.perFork(), mode);
        Shift s = RankSum.shift(x, y, level);
        double lnT = Slowdown.log(threshold);
        double p = Double.NaN;
        if (x.length > 0 && y.length > 0) {
            p = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN).withMu(lnT).test(y, x).getPValue();
        }
        double sx = robustSd(x);
        double sy = robustSd(y);
        return of(false, s, p, level, lnT, Math.sqrt(sx * sx + sy * sy), RankSum.minimumForksEach(level));
    }

    private static Effect of(boolean paired, Shift s, double p, double level, double lnT, double spread, int minimum) {
        double z = STANDARD_NORMAL.inverseSurvivalProbability(level);
        double zPower = STANDARD_NORMAL.inverseCumulativeProbability(GateOptions.POWER);
        double se = s.standardError(z);
        double mde = Double.isFinite(se) ? lnT + (z + zPower) * se : Double.POSITIVE_INFINITY;
        return new Effect(paired, s.n(), Slowdown.fraction(s.estimate()), Slowdown.fraction(s.lower()), Slowdown.fraction(s.upper()),
                s.confidence(), p, Slowdown.fraction(mde), spread, minimum);
    }

    private static double[] logs(double[] scores, Mode mode) {
        return Arrays.stream(scores).map(v -> Slowdown.logCost(v, mode)).filter(Double::isFinite).toArray();
    }

    /** 1.4826 x the median absolute deviation: a standard deviation that one wild fork does not inflate; NaN below two values. */
    static double robustSd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        double med = median(s);
        double[] dev = Arrays.stream(s).map(x -> Math.abs(x - med)).sorted().toArray();
        return 1.4826 * median(dev);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** True when the data could bound the effect at all. */
    public boolean bounded() {
        return lower > -1 && Double.isFinite(upper);
    }

    /** The verdict: REGRESSION when the lower bound is above the threshold, IMPROVEMENT when the upper is below minus it. */
    public Verdict verdict(GateOptions o) {
        if (pairs == 0 || Double.isNaN(estimate)) {
            return Verdict.NO_DATA;
        }
        if (lower > o.threshold()) {
            return Verdict.REGRESSION;
        }
        if (upper < -o.threshold() / (1 + o.threshold())) {
            return Verdict.IMPROVEMENT;
        }
        return mde > o.detect() ? Verdict.BLIND : Verdict.SAME;
    }
}
