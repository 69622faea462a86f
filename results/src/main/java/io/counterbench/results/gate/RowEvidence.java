package io.counterbench.results.gate;

import io.counterbench.results.stats.RankInversion;
import io.counterbench.results.stats.RankSum;
import io.counterbench.results.stats.SignedRank;
import io.counterbench.results.stats.Stratified;
import io.counterbench.results.stats.TwoMeans;
import java.util.ArrayList;
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
 *   <li><b>back-to-back</b> pairs (one fork after the other): blocked on run order: the design's
 *       blocks of two pairs (one run baseline first, one current first) each give the mean of their two
 *       log ratios, in which the run-order effect cancels; the signed-rank test of those means;</li>
 *   <li>other pairs (side by side): the Wilcoxon signed-rank test of the paired log ratios;</li>
 *   <li>two runs taken apart: the rank-sum test of the two runs' log fork scores.</li>
 * </ul>
 */
final class RowEvidence {
    /** One pair of an ab row: its id, both forks' log costs and how it ran. */
    record Pair(int id, double base, double current, String order) {
        double ratio() {
            return current - base;
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
        // back to back: block on run order. The design pairs pairs 2k and 2k + 1 of a row, one run baseline first,
        // the other current first, which way round by a coin; the mean of the two log ratios cancels the run-order
        // effect, and the coin makes its sign symmetric when nothing changed, so the signed-rank test of the block
        // means is exact.
        boolean backToBack =
                !p.isEmpty() && p.stream().allMatch(x -> x.order.equals("baseline") || x.order.equals("current"));
        if (backToBack) {
            java.util.Map<Integer, List<Pair>> blocks = new java.util.TreeMap<>();
            p.forEach(x ->
                    blocks.computeIfAbsent(x.id / 2, k -> new ArrayList<>()).add(x));
            List<Double> means = new ArrayList<>();
            for (List<Pair> b : blocks.values()) {
                if (b.size() == 2 && !b.get(0).order.equals(b.get(1).order)) {
                    means.add((b.get(0).ratio() + b.get(1).ratio()) / 2);
                }
            }
            if (!means.isEmpty()) {
                double[] q = array(means);
                RankInversion blocked = SignedRank.inversion(q);
                return new RowEvidence(
                        "crossover",
                        blocked,
                        blocked,
                        Double.NaN,
                        null,
                        robustSd(q) * Math.sqrt(2),
                        pairs.size(),
                        true,
                        2 * q.length);
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

    private static double[] array(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
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
            case "crossover" -> 2 * SignedRank.minimumPairs(level);
            case "stratified" ->
                paired ? 2 * RankSum.minimumForksEach(level / 2) : RankSum.minimumForksEach(level / 2) + 1;
            default -> RankSum.minimumForksEach(level);
        };
    }

    /** What decided, for the table's notes and Effect.test. */
    String describe() {
        return switch (test) {
            case "signed-rank" -> "Wilcoxon signed-rank on the paired log ratios";
            case "crossover" ->
                "signed-rank of the AB/BA blocks' mean log ratios (the run-order effect cancels in " + "each block)";
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
