package io.counterbench.results.gate;

import io.counterbench.results.InputException;
import io.counterbench.results.jmh.ForkScore;
import io.counterbench.results.jmh.ForkScores;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Metric;
import io.counterbench.results.jmh.Mode;
import io.counterbench.results.jmh.Reference;
import io.counterbench.results.run.Machine;
import io.counterbench.results.run.RunInput;
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
 * {@link #paired} for ab's forks that ran in pairs on one machine. A @Group row is compared per
 * member. The family-wise alpha is split evenly over the compared rows (Bonferroni): with m rows
 * each row's one-sided bound is at level alpha / m, so when nothing changed the chance that any
 * row is flagged is at most alpha, however the rows depend on each other. Accuracy is checked
 * per row ({@link AccuracyCheck}). Unusable input (another machine, no matching rows, missing
 * rows, mixed modes) is an {@link InputException}, checked before anything is compared.
 */
public final class Gate {

    private Gate() {
    }

    /** Two runs taken apart: independent forks on each side. */
    public static GateResult separate(RunInput base, RunInput cur, GateOptions o) {
        return compare(base, cur, o, false);
    }

    /** ab's run: fork i of each row of the baseline ran beside fork i of the same row of current. */
    public static GateResult paired(RunInput base, RunInput cur, GateOptions o) {
        if (o.normalizeBy() != null) {
            throw new IllegalArgumentException("--normalize-by is for runs taken apart; ab's pairs ran on one machine, side by side");
        }
        return compare(base, cur, o, true);
    }

    private static GateResult compare(RunInput base, RunInput cur, GateOptions o, boolean paired) {
        List<String> notes = new ArrayList<>();
        boolean sameHost = paired || checkMachines(base, cur, o, notes);
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
        Normalizer norm = null;
        if (o.normalizeBy() != null) {
            norm = new Normalizer(new Reference(base.results(), o.normalizeBy()), new Reference(cur.results(), o.normalizeBy()));
            if (norm.base.isEmpty() || norm.cur.isEmpty()) {
                throw InputException.of(norm.base.isEmpty() ? base.jmhFile() : cur.jmhFile(), "--normalize-by " + o.normalizeBy()
                        + ": no row has counter=" + o.normalizeBy() + " to divide by");
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
        int m = (int) candidates.stream().filter(Candidate::hasData).count();
        double level = o.alpha() / Math.max(1, m);
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
                List<String> acc = accuracyShown.putIfAbsent(cr, true) == null ? AccuracyCheck.compare(br, cr, sameHost) : List.of();
                rows.add(k.compare(o, level, paired, acc));
            }
        }
        for (Map.Entry<RowKey, JmhResult> e : c.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                rows.add(single(null, e.getValue(), Verdict.NEW, AccuracyCheck.current(e.getValue())));
            }
        }
        if (o.forkScore() != ForkScore.MEAN) {
            notes.add("each fork's score is " + o.forkScore().description() + " (--fork-score " + o.forkScore().label()
                    + "): interference on a shared machine only adds time");
        }
        notes.addAll(sizeNotes(rows, o, level, paired));
        if (!missing.isEmpty()) {
            notes.add(missing.size() + " baseline row(s) missing from the current run (--allow-missing): not gated");
        }
        for (JmhResult br : b.values()) {
            for (String metric : List.of(AccuracyCheck.VIOLATIONS, AccuracyCheck.LOST)) {
                if (br.secondaryScore(metric) > 0) {
                    notes.add("the baseline already has " + metric + " " + AccuracyCheck.count(br.secondaryScore(metric)) + " in " + br.label(false));
                }
            }
        }
        if (!sameHost) {
            notes.add("accuracy.bound of topology=host rows not compared: the two machines' topologies differ");
        }
        return new GateResult(base, cur, o, paired, m, level, rows, notes);
    }

    /** Notes on rows too small to bound anything, so "passed" never hides "could not see". */
    private static List<String> sizeNotes(List<RowComparison> rows, GateOptions o, double level, boolean paired) {
        List<String> out = new ArrayList<>();
        List<RowComparison> unbounded = rows.stream().filter(r -> r.effect() != null && r.effect().pairs() > 0 && !r.effect().bounded()).toList();
        if (!unbounded.isEmpty()) {
            Effect e = unbounded.getFirst().effect();
            out.add(unbounded.size() + " row(s) have too few forks to bound anything at level " + fmt(level) + " (e.g. " + e.pairs()
                    + (paired ? " pairs" : " forks") + "; at least " + e.minimumForks() + (paired ? " pairs" : " forks in each run")
                    + " are needed): they cannot fail and say \"could not see\"");
        }
        return out;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    /** One metric of one matched row: the primary score, or one member of a @Group row. */
    private record Candidate(JmhResult base, JmhResult cur, String member, String unit, ForkScores b, ForkScores c, Verdict fixed) {
        boolean hasData() {
            return fixed == null && b.forks() > 0 && c.forks() > 0;
        }

        RowComparison compare(GateOptions o, double level, boolean paired, List<String> acc) {
            if (fixed != null) {
                return new RowComparison(base, cur, member, unit, b, c, null, fixed, acc);
            }
            if (!hasData()) {
                return new RowComparison(base, cur, member, unit, b, c, null, Verdict.NO_DATA, acc);
            }
            Mode mode = base.mode();
            Effect e = paired ? Effect.paired(b, c, mode, level, o.threshold()) : Effect.separate(b, c, mode, level, o.threshold());
            return new RowComparison(base, cur, member, unit, b, c, e, e.verdict(o), acc);
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

    private record Normalizer(Reference base, Reference cur) {
    }

    private static RowComparison single(JmhResult br, JmhResult cr, Verdict v, List<String> acc) {
        JmhResult r = br != null ? br : cr;
        ForkScores f = ForkScores.of(r.primary());
        ForkScores none = new ForkScores(new double[0]);
        return new RowComparison(br, cr, null, r.primary().unit(), br != null ? f : none, cr != null ? f : none, null, v, acc);
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

    /** Checks that both runs measured the same machine; returns whether their host topologies match (bounds comparable). */
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
                throw new InputException("the baseline " + base.source() + " and the current run " + cur.source() + " ran on different machines: "
                        + String.join("; ", d) + " (pass --allow-different-machine to compare them anyway, ideally with --normalize-by adder)");
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
