package io.counterbench.results.gate;

import io.counterbench.results.stats.RankInversion;
import io.counterbench.results.stats.RankSum;
import io.counterbench.results.stats.SignedRank;
import io.counterbench.results.stats.Stratified;
import io.counterbench.results.stats.TwoMeans;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * What one row's forks can tell, at any level, on the log scale of time per operation (a shift is a
 * log slowdown). The test is chosen from the data's layout, never from which version a value came
 * from:
 * <ul>
 *   <li><b>bimodal</b> rows (the pooled fork scores split into two modes by {@link TwoMeans}, blind
 *       to the version, at least 15% apart, and for pairs at least a fifth of the pairs with both forks in one mode,
 * which a
 *       clean shift of every fork never gives): an exact stratified rank-sum test within the modes, and Fisher's exact
 * test
 *       of whether current's forks land in the slow mode more often; each at half the row's level;</li>
 *   <li>from {@link #COIN_PAIRS} pairs on, pairs whose coin is known (back to back: who went first; side by
 *       side: who had the lower CPUs): stratified on the coin: each pair's log ratio signed by its coin, and the
 *       rank-sum test of the two coin groups, which differ by twice the slowdown whatever the effect of the order
 *       or the CPUs;</li>
 *   <li>other pairs (fewer, or side by side with the CPUs not recorded): the Wilcoxon signed-rank test of the
 *       paired log ratios;</li>
 *   <li>two runs taken apart: the rank-sum test of the two runs' log fork scores.</li>
 * </ul>
 */
final class RowEvidence {
    /** One pair of an ab row: its id, both forks' log costs and how it ran. */
    record Pair(int id, double base, double current, String order) {
        double ratio() {
            return current - base;
        }

        /**
         * The design's coin: +1 when the baseline went first (back to back) or had the lower CPUs (side by side),
         * -1 for the other way round, 0 when pairs.json does not say (side by side, CPUs not recorded).
         */
        int coin() {
            return switch (order) {
                case "baseline", "together:baseline" -> 1;
                case "current", "together:current" -> -1;
                default -> 0;
            };
        }

        /** The same pair with the versions' labels swapped: the forks trade places, the coin turns over. */
        Pair swapped() {
            String o = switch (order) {
                case "baseline" -> "current";
                case "current" -> "baseline";
                case "together:baseline" -> "together:current";
                case "together:current" -> "together:baseline";
                default -> order;
            };
            return new Pair(id, current, base, o);
        }
    }

    /** A bimodal row's modes: their centers (log costs) and how many forks of each version fell in each. */
    record Modes(double low, double high, int baseLow, int baseHigh, int currentLow, int currentHigh) {
        String describe(boolean higherIsBetter) {
            double a = Math.exp(low);
            double b = Math.exp(high);
            // in the row's own unit: throughput is the inverse of the cost
            double fast = higherIsBetter ? 1 / a : a;
            double slow = higherIsBetter ? 1 / b : b;
            return String.format(
                    Locale.ROOT,
                    "modes %.4g / %.4g: baseline %d/%d, current %d/%d",
                    fast,
                    slow,
                    baseLow,
                    baseHigh,
                    currentLow,
                    currentHigh);
        }
    }

    /**
     * Modes must lie at least this far apart (log scale: 15%) to be told apart from a slowdown of the size the
     * gate looks for, which also splits the pooled forks (the knob's 5% slowdown on a tight row would).
     */
    static final double MODE_GAP = Math.log(1.15);

    /** From this many pairs on, pairs whose coin is known take the coin test. */
    static final int COIN_PAIRS = 24;

    final String test;
    final RankInversion main;
    final RankInversion overall;
    final double countP;
    final Modes modes;
    final double spread;
    final int available;
    final boolean paired;
    final int n;

    private RowEvidence(
            String test,
            RankInversion main,
            RankInversion overall,
            double countP,
            Modes modes,
            double spread,
            int available,
            boolean paired,
            int n) {
        this.n = n;
        this.test = test;
        this.main = main;
        this.overall = overall;
        this.countP = countP;
        this.modes = modes;
        this.spread = spread;
        this.available = available;
        this.paired = paired;
    }

    /** The evidence of ab pairs (sorted by id); {@code use} of them enter the tests (the pairs at the last planned
     * look). */
    static RowEvidence paired(List<Pair> pairs, int use) {
        List<Pair> p = pairs.stream()
                .sorted(java.util.Comparator.comparingInt(Pair::id))
                .limit(use)
                .toList();
        double[] d = p.stream().mapToDouble(Pair::ratio).toArray();
        RankInversion signed = SignedRank.inversion(d);
        double spread = robustSd(d);
        double[] pooled = p.stream()
                .flatMapToDouble(x -> Arrays.stream(new double[] {x.base, x.current}))
                .toArray();
        TwoMeans tm = TwoMeans.of(pooled);
        // a clean slowdown also splits the pooled forks in two, one version in each: real modes put both forks of
        // many pairs in the same mode (which fork is which version does not enter: the pairs are taken unordered)
        long sameMode = p.stream()
                .filter(x -> tm.bimodal() && tm.mode(x.base) == tm.mode(x.current))
                .count();
        if (tm.bimodal() && tm.high() - tm.low() >= MODE_GAP && sameMode >= Math.max(TwoMeans.MIN_SIZE, p.size() / 5)) {
            return bimodal(
                    tm,
                    p.stream().mapToDouble(Pair::base).toArray(),
                    p.stream().mapToDouble(Pair::current).toArray(),
                    signed,
                    spread,
                    pairs.size(),
                    true,
                    p.size());
        }
        // which way round each pair ran, by the design's coin: who went first (back to back) or who had the lower
        // CPUs (side by side). Both carry an effect of their own (the run order's, the two halves'), which enters
        // every pair's log ratio with the coin's sign; the coin-signed ratios x = c r of the two coin groups then
        // differ by twice the slowdown, whatever that effect, and the rank-sum test of the two groups is exact when
        // the coins are fair and independent (given the groups' sizes, every split of the pairs is equally likely
        // when nothing changed).
        // Below COIN_PAIRS the coin groups are too small for the rank-sum test to reach a row's level (at 12 pairs
        // split 7 and 5 its smallest p is 1/792), and the signed-rank test, exact too (under a fair coin a pair's
        // log ratio is as likely +D as -D, whatever the order's effect), decides. The number of pairs is set by the
        // clock, not by the coins or the data, so choosing by it keeps each test exact.
        if (p.size() >= COIN_PAIRS && p.stream().allMatch(x -> x.coin() != 0)) {
            double[] heads = p.stream()
                    .filter(x -> x.coin() > 0)
                    .mapToDouble(Pair::ratio)
                    .toArray();
            double[] tails = p.stream()
                    .filter(x -> x.coin() < 0)
                    .mapToDouble(x -> -x.ratio())
                    .toArray();
            if (heads.length > 0 && tails.length > 0) {
                RankInversion coin = RankSum.inversion(tails, heads, 0.5);
                return new RowEvidence(
                        "coin", coin, coin, Double.NaN, null, coinSpread(heads, tails), pairs.size(), true, p.size());
            }
        }
        return new RowEvidence("signed-rank", signed, signed, Double.NaN, null, spread, pairs.size(), true, p.size());
    }

    /** The evidence of two runs taken apart: their log fork scores. */
    static RowEvidence separate(double[] base, double[] current) {
        RankInversion shift = RankSum.inversion(base, current, 1);
        double sx = robustSd(base);
        double sy = robustSd(current);
        double spread = Math.sqrt(sx * sx + sy * sy);
        double[] pooled = new double[base.length + current.length];
        System.arraycopy(base, 0, pooled, 0, base.length);
        System.arraycopy(current, 0, pooled, base.length, current.length);
        TwoMeans tm = TwoMeans.of(pooled);
        if (tm.bimodal() && tm.high() - tm.low() >= MODE_GAP) {
            int n = Math.min(base.length, current.length);
            return bimodal(tm, base, current, shift, spread, n, false, n);
        }
        int n = Math.min(base.length, current.length);
        return new RowEvidence("rank-sum", shift, shift, Double.NaN, null, spread, n, false, n);
    }

    private static RowEvidence bimodal(
            TwoMeans tm,
            double[] base,
            double[] current,
            RankInversion overall,
            double spread,
            int available,
            boolean paired,
            int n) {
        List<double[]> x = List.of(inMode(base, tm, 0), inMode(base, tm, 1));
        List<double[]> y = List.of(inMode(current, tm, 0), inMode(current, tm, 1));
        RankInversion within = Stratified.inversion(x, y);
        int[][] table = {{y.get(1).length, y.get(0).length}, {x.get(1).length, x.get(0).length}};
        double countP = FisherExactTest.withDefaults()
                .with(AlternativeHypothesis.GREATER_THAN)
                .test(table)
                .getPValue();
        Modes m = new Modes(tm.low(), tm.high(), x.get(0).length, x.get(1).length, y.get(0).length, y.get(1).length);
        return new RowEvidence("stratified", within, overall, countP, m, spread, available, paired, n);
    }

    private static double[] inMode(double[] v, TwoMeans tm, int mode) {
        return Arrays.stream(v).filter(d -> tm.mode(d) == mode).toArray();
    }

    /** The spread of one pair's log ratio with the coin's effect taken out: each group about its own median. */
    private static double coinSpread(double[] heads, double[] tails) {
        double[] all = new double[heads.length + tails.length];
        double mh = median(sortedCopy(heads));
        double mt = median(sortedCopy(tails));
        for (int i = 0; i < heads.length; i++) {
            all[i] = heads[i] - mh;
        }
        for (int i = 0; i < tails.length; i++) {
            all[heads.length + i] = tails[i] - mt;
        }
        return robustSd(all);
    }

    private static double[] sortedCopy(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    boolean bimodal() {
        return modes != null;
    }

    /** Observations that entered (pairs, or forks of the smaller run). */
    int n() {
        return n;
    }

    /**
     * The test whose estimate and bounds the row shows: the main one, or for a bimodal row whose modes
     * hold no fork of one of the versions (the modes are the versions: a clean shift) the overall one.
     */
    RankInversion shown() {
        return bimodal() && main.isEmpty() ? overall : main;
    }

    /** The exact one-sided p-value of "slowdown &lt;= 0" (a bimodal row's two tests Bonferroni-combined). */
    double p() {
        if (main.isEmpty() && !bimodal()) {
            return 1;
        }
        if (bimodal()) {
            return Math.min(1, 2 * Math.min(main.p(0), countP));
        }
        return main.p(0);
    }

    /** The level at which the main test's bounds are read for a row level (half of it for a bimodal row). */
    double testLevel(double rowLevel) {
        return bimodal() ? rowLevel / 2 : rowLevel;
    }

    /** True when the test rejects "slowdown &lt;= 0" at {@code level} by a test whose estimate is at least {@code
     * lnThreshold}. */
    boolean flagged(double level, double lnThreshold) {
        if (bimodal()) {
            boolean within = 2 * main.p(0) <= level && main.at(level / 2).estimate() >= lnThreshold;
            boolean counts = 2 * countP <= level && overall.at(level / 2).estimate() >= lnThreshold;
            return within || counts;
        }
        return !main.isEmpty() && main.p(0) <= level && main.at(level).estimate() >= lnThreshold;
    }

    /** The smallest p-value rows of this size could give, whatever the data. */
    double smallestP() {
        if (bimodal()) {
            return Math.min(1, 2 * main.smallestP());
        }
        return main.isEmpty() ? 1 : main.smallestP();
    }

    /** Pairs (or forks per run) the chosen test needs for any bound at {@code level}. */
    int minimum(double level) {
        return switch (test) {
            case "signed-rank" -> SignedRank.minimumPairs(level);
            case "coin" -> 2 * RankSum.minimumForksEach(level);
            case "stratified" ->
                paired ? 2 * RankSum.minimumForksEach(level / 2) : RankSum.minimumForksEach(level / 2) + 1;
            default -> RankSum.minimumForksEach(level);
        };
    }

    /** What decided, for the table's notes and Effect.test. */
    String describe() {
        return switch (test) {
            case "signed-rank" -> "Wilcoxon signed-rank on the paired log ratios";
            case "coin" ->
                "rank-sum of the coin-signed log ratios of the pairs run each way round (baseline first or on the "
                        + "lower CPUs, and the other way; the effect of the order or the CPUs cancels)";
            case "stratified" ->
                "bimodal: stratified rank-sum within the 2 modes + Fisher's exact test on the mode " + "counts";
            default -> "Mann-Whitney rank-sum on the two runs' log fork scores";
        };
    }

    /** 1.4826 x the median absolute deviation: a standard deviation that one wild fork does not inflate; NaN below two
     * values. */
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
}
