package io.counterbench.results.gate;

import io.counterbench.results.stats.Shift;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The effect of one row with the fork as the unit, as a {@link Slowdown} (log scale inside,
 * fractions outside), read at the row's level (its Holm step of the family's alpha, over the
 * planned looks) from the row's exact rank test ({@link RowEvidence} says which).
 *
 * <p>The minimum detectable effect is honest about the side that decides: a row is flagged when
 * its lower bound lies above 0 (and its estimate reaches the threshold), so the standard error is
 * read off the lower half of the interval, at the level the exact interval achieved:
 * se = (estimate - lower) / z(achieved level), MDE = max((z + z(power)) se, ln(1 + threshold) + z(power) se),
 * the slowdown flagged with probability {@link GateOptions#POWER}.
 *
 * @param pairs pairs (paired) or forks of the smaller side (separate runs) that entered the test
 * @param estimate the slowdown (fraction); NaN without data
 * @param lower one-sided lower bound of the slowdown (fraction; -1 when there is none: the log's -infinity)
 * @param upper one-sided upper bound (fraction; +infinity when there is none)
 * @param confidence each bound's exact coverage
 * @param p exact one-sided p-value of "slowdown &lt;= 0" (what Holm orders the rows by)
 * @param mde minimum detectable slowdown (fraction); +infinity when nothing could be seen
 * @param spread robust standard deviation of the log ratios (paired) or of the two runs' log scores combined
 * @param minimumForks pairs (or forks per run) the row's test needs for any bound at its level
 * @param test which test decided: signed-rank, coin, stratified (bimodal) or rank-sum
 * @param level the row's one-sided level (its Holm step over the looks)
 * @param modes a bimodal row's modes and counts, else null
 * @param available pairs in hand (more than {@code pairs} when the run stopped between planned looks)
 * @param morePairs roughly how many more pairs would decide the row (0 when it is decided)
 */
public record Effect(
        boolean paired,
        int pairs,
        double estimate,
        double lower,
        double upper,
        double confidence,
        double p,
        double mde,
        double spread,
        int minimumForks,
        String test,
        double level,
        String modes,
        int available,
        int morePairs) {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** The effect of {@code ev} read at {@code level}. */
    static Effect of(RowEvidence ev, double level, GateOptions o, boolean higherIsBetter) {
        double tl = ev.testLevel(level);
        Shift s = ev.shown().at(tl);
        double lnT = Slowdown.log(o.threshold());
        double zPower = STANDARD_NORMAL.inverseCumulativeProbability(GateOptions.POWER);
        double mde = Double.POSITIVE_INFINITY;
        double se = Double.NaN;
        if (Double.isFinite(s.lower()) && s.confidence() < 1) {
            double z = STANDARD_NORMAL.inverseSurvivalProbability(1 - s.confidence());
            se = (s.estimate() - s.lower()) / z;
            mde = Math.max((z + zPower) * se, lnT + zPower * se);
        }
        int n = ev.n();
        int minimum = ev.minimum(level);
        return new Effect(
                ev.paired,
                n,
                Slowdown.fraction(s.estimate()),
                Slowdown.fraction(s.lower()),
                Slowdown.fraction(s.upper()),
                s.confidence(),
                ev.p(),
                Slowdown.fraction(mde),
                ev.spread,
                minimum,
                ev.test,
                level,
                ev.bimodal() ? ev.modes.describe(higherIsBetter) : null,
                ev.available,
                0);
    }

    /**
     * Roughly how many more pairs (or forks per run) would decide an open row, assuming the interval narrows
     * as 1 / sqrt(n): the n at which the upper bound would fall below --detect (when the estimate is below it)
     * or the lower bound rise above 0 (when the estimate reaches the threshold), at least the test's minimum.
     * Without bounds, the spread stands in for the half-width (the Hodges-Lehmann estimate's standard error
     * is sqrt(pi / 3) sigma / sqrt(n)).
     */
    Effect withMorePairs(GateOptions o) {
        double est = Slowdown.log(estimate);
        if (Double.isNaN(est)) {
            return with(Math.max(1, minimumForks - available));
        }
        double lnD = Slowdown.log(o.detect());
        double lnT = Slowdown.log(o.threshold());
        double z = STANDARD_NORMAL.inverseSurvivalProbability(level);
        double fallback = z * 1.0233 * spread / Math.sqrt(Math.max(1, pairs));
        double up = Double.isFinite(upper) ? Slowdown.log(upper) - est : fallback;
        double down = lower > -1 ? est - Slowdown.log(lower) : fallback;
        double need = Double.POSITIVE_INFINITY;
        if (est < lnD && up > 0) {
            need = pairs * Math.pow(up / (lnD - est), 2);
        }
        if (est >= lnT && est > 0 && down > 0) {
            need = Math.min(need, pairs * Math.pow(down / est, 2));
        }
        need = Math.max(need, minimumForks);
        if (!Double.isFinite(need) || need > 100_000) {
            return with(-1);
        }
        return with(Math.max(1, (int) Math.ceil(need) - available));
    }

    private Effect with(int more) {
        return new Effect(
                paired,
                pairs,
                estimate,
                lower,
                upper,
                confidence,
                p,
                mde,
                spread,
                minimumForks,
                test,
                level,
                modes,
                available,
                more);
    }

    /** True when the data could bound the effect at all. */
    public boolean bounded() {
        return lower > -1 && Double.isFinite(upper);
    }
}
