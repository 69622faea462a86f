package io.counterbench.results.gate;

import io.counterbench.results.jmh.ForkScore;
import io.counterbench.results.jmh.ForkScores;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Metric;
import io.counterbench.results.jmh.Mode;
import io.counterbench.results.jmh.Reference;
import io.counterbench.results.run.Machine;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.util.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a current run with a baseline, row by row (benchmark, params, threads, mode), with the
 * JVM fork as the unit ({@link Effect}): {@link #separate} for two runs taken apart (gate),
 * {@link #paired} for ab's forks that ran in pairs on one machine, matched by pair id. A @Group row
 * is compared per member.
 *
 * <p>Each row tests "slowdown &lt;= 0" exactly ({@link RowEvidence}); the family-wise alpha is
 * split over the planned looks L (Bonferroni) and, within them, over the m compared rows by Holm's
 * step-down: the row with the smallest p-value is tested at alpha / (L m), the next at
 * alpha / (L (m - 1)) if the first was rejected, and so on. A row regresses when its test rejects
 * and its estimate is at least the threshold; it passes when its upper bound at its level lies
 * below --detect (or it improved); anything else is inconclusive. Accuracy is checked per row
 * ({@link AccuracyCheck}). Unusable input (another machine, no matching rows, missing rows, mixed
 * modes) is an {@link InputException}, checked before anything is compared.
 */
public final class Gate {

    private Gate() {}

    /** Two runs taken apart: independent forks on each side. */
    public static GateResult separate(RunInput base, RunInput cur, GateOptions o) {
        return compare(base, cur, o, false);
    }

    /** ab's run: fork i of each row of the baseline ran beside fork i of the same row of current (positions as pair
     * ids, no looks). */
    public static GateResult paired(RunInput base, RunInput cur, GateOptions o) {
        return paired(base, cur, o, Map.of());
    }

    /**
     * ab's run with its pairs.json: {@code layouts} maps each baseline result to its row's pair ids, run
     * orders and planned looks ({@link io.counterbench.results.gate.AbFolder#layouts()}).
     */
    public static GateResult paired(RunInput base, RunInput cur, GateOptions o, Map<JmhResult, PairLayout> layouts) {
        if (o.normalizeBy() != null) {
            throw new IllegalArgumentException(
                    "--normalize-by is for runs taken apart; ab's pairs ran on one machine, side by side");
        }
        return compare(base, cur, o, true, layouts);
    }

    private static GateResult compare(RunInput base, RunInput cur, GateOptions o, boolean paired) {
        return compare(base, cur, o, paired, Map.of());
    }

    private static GateResult compare(
            RunInput base, RunInput cur, GateOptions o, boolean paired, Map<JmhResult, PairLayout> layouts) {
        List<String> notes = new ArrayList<>();
        boolean sameHost = paired || checkMachines(base, cur, o, notes);
        base.notes().forEach(n -> notes.add("baseline " + n));
        cur.notes().forEach(n -> notes.add("current " + n));
        Map<RowKey, JmhResult> b = index(base);
        Map<RowKey, JmhResult> c = index(cur);
        checkModes(b, c, base, cur);
        List<RowKey> missing =
                b.keySet().stream().filter(k -> !c.containsKey(k)).toList();
        long matched = b.keySet().stream().filter(c::containsKey).count();
        if (matched == 0) {
            throw new InputException("no row of the current run " + cur.jmhFile() + " matches a row of the baseline "
                    + base.jmhFile() + " (rows match by benchmark, params, threads and mode)");
        }
        if (!missing.isEmpty() && !o.allowMissing()) {
            throw InputException.of(
                    cur.jmhFile(),
                    "missing " + missing.size() + " of " + b.size() + " baseline rows (first: "
                            + b.get(missing.getFirst()).label(true)
                            + "); rerun them, or pass --allow-missing to gate the rows both have");
        }
        Normalizer norm = null;
        if (o.normalizeBy() != null) {
            norm = new Normalizer(
                    new Reference(base.results(), o.normalizeBy()), new Reference(cur.results(), o.normalizeBy()));
            if (norm.base.isEmpty() || norm.cur.isEmpty()) {
                throw InputException.of(
                        norm.base.isEmpty() ? base.jmhFile() : cur.jmhFile(),
                        "--normalize-by " + o.normalizeBy() + ": no row has counter=" + o.normalizeBy()
                                + " to divide by");
            }
            notes.add("each fork's score divided by a fork's score of the same run's " + o.normalizeBy()
                    + " row (same benchmark, params but counter, threads, mode), fork i by fork i");
        }
        // first pass: what is compared, to size the family
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<RowKey, JmhResult> e : b.entrySet()) {
            JmhResult cr = c.get(e.getKey());
            if (cr != null) {
                candidates.addAll(candidates(e.getValue(), cr, norm, o.forkScore()));
            }
        }
        int looks =
                layouts.values().stream().mapToInt(PairLayout::lookCount).max().orElse(1);
        Map<Candidate, RowEvidence> evidence = new HashMap<>();
        for (Candidate k : candidates) {
            if (k.hasData()) {
                evidence.put(k, k.evidence(paired, layouts.get(k.base)));
            }
        }
        int m = evidence.size();
        double level = o.alpha() / (looks * (double) Math.max(1, m));
        Map<Candidate, Double> levels = holm(evidence, o.alpha() / looks);
        List<String> preface = preface(evidence, level, paired, looks);
        List<RowComparison> rows = new ArrayList<>();
        Map<JmhResult, Boolean> accuracyShown = new HashMap<>();
        for (Map.Entry<RowKey, JmhResult> e : b.entrySet()) {
            JmhResult br = e.getValue();
            JmhResult cr = c.get(e.getKey());
            if (cr == null) {
                rows.add(single(br, null, Verdict.MISSING, List.of()));
                continue;
            }
            for (Candidate k : candidates) {
                if (k.base != br) {
                    continue;
                }
                List<String> acc = accuracyShown.putIfAbsent(cr, true) == null
                        ? AccuracyCheck.compare(br, cr, sameHost)
                        : List.of();
                rows.add(k.compare(o, evidence.get(k), levels.getOrDefault(k, level), acc));
            }
        }
        for (Map.Entry<RowKey, JmhResult> e : c.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                rows.add(single(null, e.getValue(), Verdict.NEW, AccuracyCheck.current(e.getValue())));
            }
        }
        if (o.forkScore() != ForkScore.MEAN) {
            notes.add("each fork's score is " + o.forkScore().description() + " (--fork-score "
                    + o.forkScore().label() + "): interference on a shared machine only adds time");
        }
        int[] planned = layouts.values().stream()
                .map(PairLayout::looks)
                .filter(l -> l.length > 0)
                .findFirst()
                .orElse(new int[0]);
        if (planned.length > 0) {
            notes.add("adaptive: " + (planned.length == 1 ? "one planned look" : "planned looks") + " at "
                    + java.util.Arrays.toString(planned)
                    + " pairs" + (looks > 1 ? ", alpha split over " + looks + " looks (Bonferroni)" : "")
                    + "; a row tested on its pairs at the last look it reached, or, when the budget "
                    + "ended before its last look, once more on all its pairs in place of the looks it missed");
        }
        if (!missing.isEmpty()) {
            notes.add(missing.size() + " baseline row(s) missing from the current run (--allow-missing): not gated");
        }
        for (JmhResult br : b.values()) {
            for (String metric : List.of(AccuracyCheck.VIOLATIONS, AccuracyCheck.LOST)) {
                if (br.secondaryScore(metric) > 0) {
                    notes.add("the baseline already has " + metric + " "
                            + AccuracyCheck.count(br.secondaryScore(metric)) + " in " + br.label(false));
                }
            }
        }
        if (!sameHost) {
            notes.add("accuracy.bound of topology=host rows not compared: the two machines' topologies differ");
        }
        return new GateResult(base, cur, o, paired, m, level, rows, notes, preface, looks);
    }

    /** One compared row of an ab run as its test sees it: its name, pairs (by pair id) and how many of them a test may
     * use. */
    record RowPairs(String name, List<RowEvidence.Pair> pairs, int usable) {}

    /** Every compared row's pairs (for the resampling calibration), in the gate's row order. */
    static List<RowPairs> rowPairs(RunInput base, RunInput cur, GateOptions o, Map<JmhResult, PairLayout> layouts) {
        Map<RowKey, JmhResult> b = index(base);
        Map<RowKey, JmhResult> c = index(cur);
        List<RowPairs> out = new ArrayList<>();
        for (Map.Entry<RowKey, JmhResult> e : b.entrySet()) {
            JmhResult cr = c.get(e.getKey());
            if (cr == null) {
                continue;
            }
            for (Candidate k : candidates(e.getValue(), cr, null, o.forkScore())) {
                if (k.hasData()) {
                    PairLayout l = k.layout(layouts.get(k.base));
                    List<RowEvidence.Pair> p = k.pairs(l);
                    String name = cr.label(false) + (k.member == null ? "" : " [" + k.member + "]");
                    out.add(new RowPairs(name, p, l.usable(p.size())));
                }
            }
        }
        return out;
    }

    /**
     * Holm's step-down over the rows' p-values at family-wise {@code alpha}: returns each row's level
     * (the step at which it was rejected, or the step that stopped the procedure).
     */
    static <K> Map<K, Double> holm(Map<K, RowEvidence> evidence, double alpha) {
        List<Map.Entry<K, RowEvidence>> order = new ArrayList<>(evidence.entrySet());
        order.sort(java.util.Comparator.comparingDouble(e -> e.getValue().p()));
        Map<K, Double> out = new HashMap<>();
        int m = order.size();
        int rejected = 0;
        boolean stopped = false;
        for (Map.Entry<K, RowEvidence> e : order) {
            double l = alpha / (m - rejected);
            if (!stopped && e.getValue().p() <= l) {
                out.put(e.getKey(), l);
                rejected++;
            } else {
                stopped = true;
                out.put(e.getKey(), alpha / (m - rejected));
            }
        }
        return out;
    }

    /** One line, before anything is tested, when the forks given cannot reach the row level whatever the data. */
    private static List<String> preface(Map<Candidate, RowEvidence> evidence, double level, boolean paired, int looks) {
        List<RowEvidence> blind =
                evidence.values().stream().filter(e -> e.smallestP() > level).toList();
        if (blind.isEmpty()) {
            return List.of();
        }
        RowEvidence e = blind.getFirst();
        String what = paired ? e.n() + " pairs" : e.n() + " vs " + e.n() + " forks";
        return List.of(String.format(
                java.util.Locale.ROOT,
                "%d of %d rows cannot reach their level %s whatever the data (e.g. %s: the "
                        + "smallest exact p-value is %s); at least %d %s are needed",
                blind.size(),
                evidence.size(),
                fmt(level),
                what,
                fmt(e.smallestP()),
                e.minimum(level),
                paired ? "pairs" : "forks in each run"));
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    /** One metric of one matched row: the primary score, or one member of a @Group row. */
    private record Candidate(
            JmhResult base, JmhResult cur, String member, String unit, ForkScores b, ForkScores c, Verdict fixed) {
        boolean hasData() {
            return fixed == null && b.forks() > 0 && c.forks() > 0;
        }

        /** The row's data as its test sees it: pairs matched by pair id (paired), or the two runs' log fork scores. */
        RowEvidence evidence(boolean paired, PairLayout layout) {
            Mode mode = base.mode();
            if (!paired) {
                return RowEvidence.separate(logs(b.perFork(), mode), logs(c.perFork(), mode));
            }
            PairLayout l = layout(layout);
            List<RowEvidence.Pair> pairs = pairs(l);
            return RowEvidence.paired(pairs, l.usable(pairs.size()));
        }

        PairLayout layout(PairLayout layout) {
            return layout != null
                    ? layout
                    : PairLayout.positional(1
                            + Math.max(
                                    java.util.Arrays.stream(b.ids()).max().orElse(0),
                                    java.util.Arrays.stream(c.ids()).max().orElse(0)));
        }

        /** The pairs whose both forks have a score, matched by fork id and labelled with their pair id and run order.
         * */
        List<RowEvidence.Pair> pairs(PairLayout l) {
            Mode mode = base.mode();
            Map<Integer, Double> cur = c.byId();
            List<RowEvidence.Pair> pairs = new ArrayList<>();
            double[] bs = b.perFork();
            int[] ids = b.ids();
            for (int i = 0; i < bs.length; i++) {
                Double y = cur.get(ids[i]);
                double lb = Slowdown.logCost(bs[i], mode);
                double lc = y == null ? Double.NaN : Slowdown.logCost(y, mode);
                if (Double.isFinite(lb) && Double.isFinite(lc)) {
                    pairs.add(new RowEvidence.Pair(l.pairId(ids[i]), lb, lc, l.order(ids[i])));
                }
            }
            return pairs;
        }

        RowComparison compare(GateOptions o, RowEvidence ev, double level, List<String> acc) {
            if (fixed != null) {
                return new RowComparison(base, cur, member, unit, b, c, null, fixed, acc);
            }
            if (ev == null) {
                return new RowComparison(base, cur, member, unit, b, c, null, Verdict.NO_DATA, acc);
            }
            Effect e = Effect.of(ev, level, o, base.mode().higherIsBetter());
            double lnT = Slowdown.log(o.threshold());
            Verdict v;
            if (ev.p() <= level && ev.flagged(level, lnT)) {
                v = Verdict.REGRESSION;
            } else if (e.upper() < 0 && Slowdown.log(e.estimate()) <= -lnT) {
                v = Verdict.IMPROVEMENT;
            } else if (e.upper() < o.detect()
                    && (!ev.bimodal()
                            || Slowdown.fraction(
                                            ev.overall.at(ev.testLevel(level)).upper())
                                    < o.detect())) {
                v = Verdict.PASSED;
            } else {
                v = Verdict.INCONCLUSIVE;
                e = e.withMorePairs(o);
            }
            return new RowComparison(base, cur, member, unit, b, c, e, v, acc);
        }
    }

    private static List<Candidate> candidates(JmhResult br, JmhResult cr, Normalizer norm, ForkScore how) {
        List<String> members = cr.groupMembers();
        List<Candidate> out = new ArrayList<>();
        if (members.isEmpty()) {
            out.add(candidate(br, cr, null, norm, how));
        } else {
            for (String m : members) {
                if (br.secondary(m) != null) {
                    out.add(candidate(br, cr, m, norm, how));
                }
            }
        }
        return out;
    }

    private static Candidate candidate(JmhResult br, JmhResult cr, String member, Normalizer norm, ForkScore how) {
        Metric bm = member == null ? br.primary() : br.secondary(member);
        Metric cm = member == null ? cr.primary() : cr.secondary(member);
        boolean up = br.mode().higherIsBetter();
        ForkScores b = ForkScores.of(bm, how, up);
        ForkScores c = ForkScores.of(cm, how, up);
        String unit = cm.unit();
        if (norm != null) {
            if (norm.base.isReference(br)) {
                return new Candidate(br, cr, member, unit, b, c, Verdict.REFERENCE);
            }
            JmhResult rb = norm.base.find(br);
            JmhResult rc = norm.cur.find(cr);
            Metric rbm = rb == null ? null : member == null ? rb.primary() : rb.secondary(member);
            Metric rcm = rc == null ? null : member == null ? rc.primary() : rc.secondary(member);
            if (rbm == null || rcm == null) {
                return new Candidate(br, cr, member, unit, b, c, Verdict.NOT_NORMALIZED);
            }
            // same direction on both sides of the division: a throughput over a throughput, a time over a time
            b = ForkScores.speedup(b, ForkScores.of(rbm, how, up), true);
            c = ForkScores.speedup(c, ForkScores.of(rcm, how, up), true);
            unit = "x " + norm.base.counter();
        }
        return new Candidate(br, cr, member, unit, b, c, null);
    }

    private record Normalizer(Reference base, Reference cur) {}

    private static double[] logs(double[] scores, Mode mode) {
        return java.util.Arrays.stream(scores)
                .map(v -> Slowdown.logCost(v, mode))
                .filter(Double::isFinite)
                .toArray();
    }

    private static RowComparison single(JmhResult br, JmhResult cr, Verdict v, List<String> acc) {
        JmhResult r = br != null ? br : cr;
        ForkScores f = ForkScores.of(r.primary());
        ForkScores none = new ForkScores(new double[0]);
        return new RowComparison(
                br, cr, null, r.primary().unit(), br != null ? f : none, cr != null ? f : none, null, v, acc);
    }

    private static Map<RowKey, JmhResult> index(RunInput run) {
        Map<RowKey, JmhResult> m = new LinkedHashMap<>();
        for (JmhResult r : run.results()) {
            if (m.putIfAbsent(RowKey.of(r), r) != null) {
                throw InputException.of(
                        run.jmhFile(),
                        "two results for " + r.label(true)
                                + "; a run must have one row per benchmark, params, threads and mode");
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
                JmhResult any = c.entrySet().stream()
                        .filter(x -> x.getKey().withoutMode().equals(e.getKey()))
                        .findFirst()
                        .orElseThrow()
                        .getValue();
                throw new InputException("mixed modes: " + any.label(false) + " is " + e.getValue()
                        + " in the baseline " + base.jmhFile() + " but " + other + " in the current run "
                        + cur.jmhFile() + "; scores of different modes cannot be compared");
            }
        }
    }

    private static Map<RowKey, Set<Mode>> modes(Map<RowKey, JmhResult> rows) {
        Map<RowKey, Set<Mode>> m = new HashMap<>();
        rows.keySet()
                .forEach(k ->
                        m.computeIfAbsent(k.withoutMode(), x -> new TreeSet<>()).add(k.mode()));
        return m;
    }

    /**
     * Checks that both runs measured the same machine; returns whether their host topologies match (bounds comparable).
     */
    private static boolean checkMachines(RunInput base, RunInput cur, GateOptions o, List<String> notes) {
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
            return false;
        }
        List<String> d = mb.differences(mc);
        if (!d.isEmpty()) {
            if (!o.allowDifferentMachine()) {
                throw new InputException("the baseline " + base.source() + " and the current run " + cur.source()
                        + " ran on different machines: " + String.join("; ", d)
                        + " (pass --allow-different-machine to compare them anyway, ideally with "
                        + "--normalize-by adder)");
            }
            notes.add("different machines, compared because of --allow-different-machine: " + String.join("; ", d));
        }
        List<String> soft = mb.softDifferences(mc);
        if (!soft.isEmpty()) {
            notes.add("same machine, but " + String.join("; ", soft));
        }
        return java.util.Objects.equals(mb.topology(), mc.topology());
    }
}
