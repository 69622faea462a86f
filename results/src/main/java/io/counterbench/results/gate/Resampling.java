package io.counterbench.results.gate;

import io.counterbench.results.run.RunInput;
import io.counterbench.results.stats.ClopperPearson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The gate's calibration on recorded ab pairs, without running anything:
 * <ul>
 *   <li><b>null rate</b>: every pair's two forks swap labels with probability 1/2 (which version ran
 *       first, or who had the lower CPUs, turns over with them), which is what the randomized design makes
 *       exchangeable when nothing changed; each resample is tested at the row's actual level
 *       (the first Holm step over the run's rows and looks), and at 5% to see the test hold its size;</li>
 *   <li><b>power</b>: the recorded pairs with the row's own estimate taken out of current's forks
 *       (keeping their spread, run-order effect and modes), resampled with replacement, labels
 *       swapped at random, and a known slowdown added to current's forks;</li>
 *   <li><b>MDE check</b>: the same with the row's reported minimum detectable effect added: about
 *       {@link GateOptions#POWER} of such resamples should be flagged.</li>
 * </ul>
 * Rates come with Clopper-Pearson 95% intervals.
 */
public final class Resampling {
    /** The nominal level at which the label swaps also check that a row's test holds its size. */
    public static final double SIZE_CHECK = 0.05;

    private Resampling() {}

    /**
     * A rate: k of n resamples flagged; {@code bimodal} of them (power resamples; -1 when not counted) the blind
     * two-means split called bimodal, so that the stratified test decided: which test decides can change with the
     * slowdown added (it moves current's forks against the modes), and with it the power.
     */
    public record Rate(int k, int n, int bimodal) {
        public Rate(int k, int n) {
            this(k, n, -1);
        }

        public ClopperPearson interval() {
            return ClopperPearson.of(k, n, 0.95);
        }

        public double rate() {
            return n == 0 ? Double.NaN : (double) k / n;
        }

        public String text() {
            if (n == 0) {
                return "";
            }
            ClopperPearson c = interval();
            return String.format(
                    Locale.ROOT, "%d of %d (%s [%s, %s])", k, n, pct(rate()), pct(c.lower()), pct(c.upper()));
        }
    }

    /**
     * One row's calibration.
     *
     * @param level the row's actual level (the first Holm step: alpha over looks and rows)
     * @param nullAtLevel label swaps flagged at that level
     * @param nullAt5 label swaps rejected at {@link #SIZE_CHECK} (the test's size, no threshold)
     * @param power by injected slowdown (fraction), resamples flagged
     * @param mde the row's reported MDE; mdeFlagged the resamples flagged with it injected
     */
    public record Row(
            String source,
            String name,
            String test,
            int pairs,
            double level,
            Rate nullAtLevel,
            Rate nullAt5,
            Map<Double, Rate> power,
            double mde,
            Rate mdeFlagged) {}

    /** Calibrates every compared row of one ab run (its gate result {@code g}, its pairs by {@code layouts}). */
    public static List<Row> run(
            String source,
            RunInput base,
            RunInput cur,
            GateOptions o,
            Map<io.counterbench.results.jmh.JmhResult, PairLayout> layouts,
            int resamples,
            List<Double> shifts,
            long seed) {
        GateResult g = Gate.paired(base, cur, o, layouts);
        List<Gate.RowPairs> rows = Gate.rowPairs(base, cur, o, layouts);
        double level = g.level();
        double lnT = Slowdown.log(o.threshold());
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> out = new ArrayList<>();
        for (Gate.RowPairs rp : rows) {
            RowComparison rc = g.rows().stream()
                    .filter(r -> r.name().equals(rp.name()) && r.effect() != null)
                    .findFirst()
                    .orElse(null);
            if (rc == null || rp.pairs().isEmpty()) {
                continue;
            }
            List<RowEvidence.Pair> used = rp.pairs().stream()
                    .sorted(java.util.Comparator.comparingInt(RowEvidence.Pair::id))
                    .limit(rp.usable())
                    .toList();
            // the row's own effect (its test's estimate) taken out of current's forks: an A/A surrogate with the
            // row's spread, run-order effect and modes
            double center = Slowdown.log(rc.effect().estimate());
            List<RowEvidence.Pair> centered = used.stream()
                    .map(p -> new RowEvidence.Pair(p.id(), p.base(), p.current() - center, p.order()))
                    .toList();
            int atLevel = 0;
            int at5 = 0;
            for (int i = 0; i < resamples; i++) {
                RowEvidence ev = RowEvidence.paired(swap(centered, random), centered.size());
                atLevel += ev.p() <= level && ev.flagged(level, lnT) ? 1 : 0;
                at5 += ev.p() <= SIZE_CHECK ? 1 : 0;
            }
            Map<Double, Rate> power = new java.util.LinkedHashMap<>();
            for (double shift : shifts) {
                power.put(shift, flagged(centered, Slowdown.log(shift), level, lnT, resamples, random));
            }
            double mde = rc.effect().mde();
            Rate mdeRate = Double.isFinite(mde)
                    ? flagged(centered, Slowdown.log(mde), rc.effect().level(), lnT, resamples, random)
                    : new Rate(0, 0);
            out.add(new Row(
                    source,
                    rp.name(),
                    rc.effect().test(),
                    used.size(),
                    level,
                    new Rate(atLevel, resamples),
                    new Rate(at5, resamples),
                    power,
                    mde,
                    mdeRate));
        }
        return out;
    }

    /**
     * Resamples of the centered pairs with a slowdown added: drawn with replacement pair by pair, each with its
     * coin, the slowdown added to current's forks.
     */
    private static Rate flagged(
            List<RowEvidence.Pair> centered,
            double lnShift,
            double level,
            double lnT,
            int resamples,
            SplittableRandom random) {
        List<List<RowEvidence.Pair>> units = units(centered);
        int k = 0;
        int bimodal = 0;
        for (int i = 0; i < resamples; i++) {
            List<RowEvidence.Pair> s = new ArrayList<>(centered.size());
            for (int j = 0; j < units.size(); j++) {
                List<RowEvidence.Pair> unit = units.get(random.nextInt(units.size()));
                int base = 2 * j;
                for (int u = 0; u < unit.size(); u++) {
                    RowEvidence.Pair p = unit.get(u);
                    s.add(new RowEvidence.Pair(base + u, p.base(), p.current() + lnShift, p.order()));
                }
            }
            RowEvidence ev = RowEvidence.paired(s, s.size());
            k += ev.p() <= level && ev.flagged(level, lnT) ? 1 : 0;
            bimodal += ev.bimodal() ? 1 : 0;
        }
        return new Rate(k, resamples, bimodal);
    }

    /** The units a resample draws: single pairs (the coin of each pair is independent of the others'). */
    static List<List<RowEvidence.Pair>> units(List<RowEvidence.Pair> pairs) {
        List<List<RowEvidence.Pair>> out = new ArrayList<>();
        pairs.forEach(p -> out.add(List.of(p)));
        return out;
    }

    /**
     * The pairs with labels swapped at random, as the design randomizes them: each pair's two forks swap with
     * probability 1/2, and its coin (who went first, or who had the lower CPUs) turns over with them.
     */
    static List<RowEvidence.Pair> swap(List<RowEvidence.Pair> pairs, SplittableRandom random) {
        List<RowEvidence.Pair> out = new ArrayList<>(pairs.size());
        pairs.stream()
                .sorted(java.util.Comparator.comparingInt(RowEvidence.Pair::id))
                .forEach(p -> out.add(random.nextBoolean() ? p.swapped() : p));
        return out;
    }

    /** The calibration tables in Markdown. */
    public static String markdown(List<Row> rows, GateOptions o, int resamples, List<Double> shifts, String command) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "Resampling calibration of the gate on recorded ab pairs: threshold %s, family-wise alpha %s, "
                        + "--detect %s; %d resamples per row and case; rates with Clopper-Pearson 95%% intervals.%n%n",
                o.thresholdText(),
                GateOptions.percent(o.alpha()),
                o.detectText(),
                resamples));
        b.append("| run | row | test | pairs | row level | label swaps flagged | label swaps rejected at 5% |");
        shifts.forEach(s -> b.append(" +").append(GateOptions.percent(s)).append(" flagged |"));
        b.append(" MDE | MDE injected, flagged |\n|---|---|---|---:|---:|---:|---:|");
        shifts.forEach(s -> b.append("---:|"));
        b.append("---:|---:|\n");
        for (Row r : rows) {
            b.append("| ")
                    .append(r.source())
                    .append(" | ")
                    .append(r.name().replace("|", "\\|"))
                    .append(" | ")
                    .append(r.test())
                    .append(" | ")
                    .append(r.pairs())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.3g", r.level()))
                    .append(" | ")
                    .append(r.nullAtLevel().text())
                    .append(" | ")
                    .append(r.nullAt5().text())
                    .append(" |");
            shifts.forEach(s -> b.append(' ')
                    .append(r.power().get(s).text())
                    .append(bimodalNote(r.power().get(s)))
                    .append(" |"));
            b.append(' ')
                    .append(Double.isFinite(r.mde()) ? "+" + pct(r.mde()) : "none")
                    .append(" | ")
                    .append(r.mdeFlagged().text())
                    .append(" |\n");
        }
        b.append("\nLabel swaps: the row's own estimate taken out of current's forks, then each pair's two forks "
                + "trade versions with "
                + "probability 1/2 (who went first, or who had the lower CPUs, swapping too), "
                + "the null hypothesis the "
                + "randomized order makes exact; the flag rate at the row level must stay at or below that level, the "
                + "rejection rate at 5% near or below 5%. "
                + "For the signed-rank and coin tests the swaps are their own null distribution, so this checks the "
                + "code; for the stratified test it also checks its assumptions on these data. Power: the recorded "
                + "pairs with the row's estimate "
                + "taken out, resampled with replacement, the slowdown "
                + "added to current's forks. MDE: "
                + "the same with the row's reported MDE at its own level; about 80% should be flagged. \"bimodal in "
                + "x%\": the share of a case's resamples that the blind two-means split called bimodal, so that the "
                + "stratified test (at half the level, within the modes) decided them; as the added slowdown moves "
                + "current's forks against the modes, that share changes, and the power with it.\n");
        if (command != null) {
            b.append("\nProduced by `").append(command).append("`.\n");
        }
        return b.toString();
    }

    /** ", bimodal in 37%" when the blind split called some of a case's resamples bimodal. */
    private static String bimodalNote(Rate r) {
        return r.bimodal() > 0 && r.n() > 0 ? ", bimodal in " + pct((double) r.bimodal() / r.n()) : "";
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * f);
    }
}
