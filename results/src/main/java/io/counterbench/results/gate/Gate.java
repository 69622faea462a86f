package io.counterbench.results.gate;

import io.counterbench.results.InputException;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Metric;
import io.counterbench.results.jmh.Mode;
import io.counterbench.results.jmh.Reference;
import io.counterbench.results.run.Machine;
import io.counterbench.results.run.RunInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a current run with a baseline, row by row (benchmark, params, threads, mode). A row
 * regresses only when both the Mann-Whitney U test on the raw iteration samples (all forks) and
 * the practical threshold say it got worse; improvements likewise. The direction comes from the
 * mode (throughput: higher is better; time modes: lower). A new accuracy violation or a grown
 * accuracy bound fails too. Unusable input (another machine, no matching rows, missing rows,
 * mixed modes) is an {@link InputException}, checked before anything is compared.
 */
public final class Gate {
    static final String VIOLATIONS = "accuracy.violations";
    static final String BOUND = "accuracy.bound";

    private Gate() {
    }

    public static GateResult compare(RunInput base, RunInput cur, GateOptions o) {
        List<String> notes = new ArrayList<>();
        checkMachines(base, cur, o, notes);
        base.notes().forEach(n -> notes.add("baseline " + n));
        cur.notes().forEach(n -> notes.add("current " + n));
        Map<RowKey, JmhResult> b = index(base);
        Map<RowKey, JmhResult> c = index(cur);
        checkModes(b, c, base, cur);
        List<RowKey> missing = b.keySet().stream().filter(k -> !c.containsKey(k)).toList();
        long matched = b.keySet().stream().filter(c::containsKey).count();
        if (matched == 0) {
            throw new InputException("no row of the current run " + cur.jmhFile() + " matches a row of the baseline " + base.jmhFile()
                    + " (rows match by benchmark, params, threads and mode)");
        }
        if (!missing.isEmpty() && !o.allowMissing()) {
            throw InputException.of(cur.jmhFile(), "missing " + missing.size() + " of " + b.size() + " baseline rows (first: "
                    + b.get(missing.getFirst()).label(true) + "); rerun them, or pass --allow-missing to gate the rows both have");
        }
        Reference refB = null;
        Reference refC = null;
        if (o.normalizeBy() != null) {
            refB = new Reference(base.results(), o.normalizeBy());
            refC = new Reference(cur.results(), o.normalizeBy());
            if (refB.isEmpty() || refC.isEmpty()) {
                throw InputException.of(refB.isEmpty() ? base.jmhFile() : cur.jmhFile(), "--normalize-by " + o.normalizeBy()
                        + ": no row has counter=" + o.normalizeBy() + " to divide by");
            }
            notes.add("scores divided by the same run's " + o.normalizeBy() + " score in the matching row (same benchmark, params but counter, threads, mode)");
        }
        List<RowComparison> rows = new ArrayList<>();
        for (Map.Entry<RowKey, JmhResult> e : b.entrySet()) {
            JmhResult cr = c.get(e.getKey());
            rows.add(cr == null ? single(e.getValue(), null, Verdict.MISSING) : compareRow(e.getValue(), cr, o, refB, refC));
        }
        for (Map.Entry<RowKey, JmhResult> e : c.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                rows.add(single(null, e.getValue(), Verdict.NEW));
            }
        }
        long fewSamples = rows.stream().filter(r -> r.baseline() != null && r.current() != null && r.minimumP() > o.alpha()).count();
        if (fewSamples > 0) {
            RowComparison ex = rows.stream().filter(r -> r.minimumP() > o.alpha()).findFirst().orElseThrow();
            notes.add(fewSamples + " of " + matched + " compared rows have too few samples (e.g. " + ex.baseN() + " + " + ex.currentN()
                    + ": the smallest p-value possible is " + String.format(java.util.Locale.ROOT, "%.3g", ex.minimumP())
                    + ") to reach alpha " + o.alpha() + ", so they cannot fail: measure more iterations or forks (5 + 5 samples reach 0.01)");
        }
        if (!missing.isEmpty()) {
            notes.add(missing.size() + " baseline row(s) missing from the current run (--allow-missing): not gated");
        }
        return new GateResult(base, cur, o, rows, notes);
    }

    private static RowComparison compareRow(JmhResult br, JmhResult cr, GateOptions o, Reference refB, Reference refC) {
        List<String> acc = accuracy(br, cr);
        Metric bm = br.primary();
        Metric cm = cr.primary();
        String unit = cm.unit();
        if (refB != null) {
            if (refB.isReference(br)) {
                return stats(br, cr, bm, cm, unit, Double.NaN, Double.NaN, Double.NaN, Verdict.REFERENCE, acc);
            }
            JmhResult rb = refB.find(br);
            JmhResult rc = refC.find(cr);
            if (rb == null || rc == null || !(rb.primary().score() > 0) || !(rc.primary().score() > 0)) {
                return stats(br, cr, bm, cm, unit, Double.NaN, Double.NaN, Double.NaN, Verdict.NOT_NORMALIZED, acc);
            }
            unit = "x " + o.normalizeBy();
            bm = bm.scaled(1 / rb.primary().score(), unit);
            cm = cm.scaled(1 / rc.primary().score(), unit);
        }
        double[] bs = bm.samples();
        double[] cs = cm.samples();
        double bScore = score(bm, bs);
        double cScore = score(cm, cs);
        double minP = MannWhitney.minimumP(bs.length, cs.length);
        if (Double.isNaN(bScore) || Double.isNaN(cScore) || bs.length == 0 || cs.length == 0) {
            return stats(br, cr, bm, cm, unit, Double.NaN, Double.NaN, minP, Verdict.NO_DATA, acc);
        }
        double change = bScore == 0 ? (cScore == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, cScore)) : (cScore - bScore) / Math.abs(bScore);
        double p = MannWhitney.pValue(bs, cs);
        boolean higher = br.mode().higherIsBetter();
        boolean worse = higher ? change < -o.threshold() : change > o.threshold();
        boolean better = higher ? change > o.threshold() : change < -o.threshold();
        Verdict v;
        if (!worse && !better) {
            v = Verdict.SAME;
        } else if (!(minP <= o.alpha())) {
            v = Verdict.INCONCLUSIVE;
        } else if (p < o.alpha()) {
            v = worse ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
        } else {
            v = Verdict.SAME;
        }
        return stats(br, cr, bm, cm, unit, change, p, minP, v, acc);
    }

    private static RowComparison stats(JmhResult br, JmhResult cr, Metric bm, Metric cm, String unit, double change, double p,
                                       double minP, Verdict v, List<String> acc) {
        double[] bs = bm.samples();
        double[] cs = cm.samples();
        return new RowComparison(br, cr, unit, score(bm, bs), bm.stddev(), bs.length, score(cm, cs), cm.stddev(), cs.length,
                change, p, minP, v, acc);
    }

    private static RowComparison single(JmhResult br, JmhResult cr, Verdict v) {
        JmhResult r = br != null ? br : cr;
        Metric m = r.primary();
        double[] s = m.samples();
        List<String> acc = new ArrayList<>();
        if (cr != null && cr.secondaryScore(VIOLATIONS) > 0) {
            acc.add("accuracy.violations " + count(cr.secondaryScore(VIOLATIONS)) + " in a new row");
        }
        double sc = score(m, s);
        double sd = m.stddev();
        return br != null
                ? new RowComparison(br, null, m.unit(), sc, sd, s.length, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, v, acc)
                : new RowComparison(null, cr, m.unit(), Double.NaN, Double.NaN, 0, sc, sd, s.length, Double.NaN, Double.NaN, Double.NaN, v, acc);
    }

    /** New accuracy violations (current > 0 where the baseline had 0 or none) and a grown bound. */
    static List<String> accuracy(JmhResult br, JmhResult cr) {
        List<String> out = new ArrayList<>();
        double bv = br.secondaryScore(VIOLATIONS);
        double cv = cr.secondaryScore(VIOLATIONS);
        if (cv > 0 && !(bv > 0)) {
            out.add("accuracy.violations " + (Double.isNaN(bv) ? "none" : count(bv)) + " -> " + count(cv));
        }
        double bb = br.secondaryScore(BOUND);
        double cb = cr.secondaryScore(BOUND);
        if (cb > bb) {
            out.add("accuracy.bound grew " + count(bb) + " -> " + count(cb));
        }
        return out;
    }

    private static double score(Metric m, double[] samples) {
        if (!Double.isNaN(m.score())) {
            return m.score();
        }
        return samples.length == 0 ? Double.NaN : Arrays.stream(samples).average().orElse(Double.NaN);
    }

    private static String count(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static Map<RowKey, JmhResult> index(RunInput run) {
        Map<RowKey, JmhResult> m = new LinkedHashMap<>();
        for (JmhResult r : run.results()) {
            if (m.putIfAbsent(RowKey.of(r), r) != null) {
                throw InputException.of(run.jmhFile(), "two results for " + r.label(true) + "; a run must have one row per benchmark, params, threads and mode");
            }
        }
        return m;
    }

    private static void checkModes(Map<RowKey, JmhResult> b, Map<RowKey, JmhResult> c, RunInput base, RunInput cur) {
        Map<RowKey, Set<Mode>> bm = modes(b);
        Map<RowKey, Set<Mode>> cm = modes(c);
        for (Map.Entry<RowKey, Set<Mode>> e : bm.entrySet()) {
            Set<Mode> other = cm.get(e.getKey());
            if (other != null && e.getValue().stream().noneMatch(other::contains)) {
                JmhResult any = c.entrySet().stream().filter(x -> x.getKey().withoutMode().equals(e.getKey())).findFirst().orElseThrow().getValue();
                throw new InputException("mixed modes: " + any.label(false) + " is " + e.getValue() + " in the baseline " + base.jmhFile()
                        + " but " + other + " in the current run " + cur.jmhFile() + "; scores of different modes cannot be compared");
            }
        }
    }

    private static Map<RowKey, Set<Mode>> modes(Map<RowKey, JmhResult> rows) {
        Map<RowKey, Set<Mode>> m = new HashMap<>();
        rows.keySet().forEach(k -> m.computeIfAbsent(k.withoutMode(), x -> new TreeSet<>()).add(k.mode()));
        return m;
    }

    private static void checkMachines(RunInput base, RunInput cur, GateOptions o, List<String> notes) {
        Machine mb = base.machine();
        Machine mc = cur.machine();
        if (mb == null || mc == null) {
            List<String> who = new ArrayList<>();
            if (mb == null) {
                who.add("the baseline " + base.source() + (base.isBareFile() ? " (a bare JMH file)" : ""));
            }
            if (mc == null) {
                who.add("the current run " + cur.source() + (cur.isBareFile() ? " (a bare JMH file)" : ""));
            }
            notes.add("machine check skipped: no run.json environment for " + String.join(" and ", who));
            return;
        }
        List<String> d = mb.differences(mc);
        if (!d.isEmpty()) {
            if (!o.allowDifferentMachine()) {
                throw new InputException("the baseline " + base.source() + " and the current run " + cur.source() + " ran on different machines: "
                        + String.join("; ", d) + " (pass --allow-different-machine to compare them anyway, ideally with --normalize-by adder)");
            }
            notes.add("different machines, compared because of --allow-different-machine: " + String.join("; ", d));
        }
        List<String> soft = mb.softDifferences(mc);
        if (!soft.isEmpty()) {
            notes.add("same machine, but " + String.join("; ", soft));
        }
    }
}
