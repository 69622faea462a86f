package io.counterbench.results.gate;

import io.counterbench.results.run.RunInput;
import java.util.List;

/**
 * Everything the gate found: the rows in baseline order (new rows last), how many were compared
 * (the family the alpha is split over) and notes on the inputs.
 *
 * @param paired true for ab's paired forks, false for two runs taken apart
 * @param level the first Holm step's one-sided level: the family-wise alpha over the looks and the {@code compared}
 * rows
 * @param preface what a reader must know before the table (the forks cannot reach the row level whatever the data)
 * @param looks the planned looks the alpha was split over (1 for a fixed number of pairs)
 * @param partial why the pairs are fewer than the run planned (interrupted, killed), null for a whole run: such a
 * run can show a regression, never a pass
 */
public record GateResult(
        RunInput baseline,
        RunInput current,
        GateOptions options,
        boolean paired,
        int compared,
        double level,
        List<RowComparison> rows,
        List<String> notes,
        List<String> preface,
        int looks,
        String partial) {

    public GateResult {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        preface = List.copyOf(preface);
    }

    /** A result of every pair the run planned. */
    public GateResult(
            RunInput baseline,
            RunInput current,
            GateOptions options,
            boolean paired,
            int compared,
            double level,
            List<RowComparison> rows,
            List<String> notes,
            List<String> preface,
            int looks) {
        this(baseline, current, options, paired, compared, level, rows, notes, preface, looks, null);
    }

    /** This result of a run that stopped short ({@code why}: "5 of 24 pairs finished (run incomplete)"). */
    public GateResult partial(String why) {
        List<String> n = new java.util.ArrayList<>(notes);
        n.add("a partial run: " + why + "; it can show a regression, never a pass");
        return new GateResult(baseline, current, options, paired, compared, level, rows, n, preface, looks, why);
    }

    /** True when the run regressed (a row flagged, or an accuracy failure). */
    public boolean failed() {
        return rows.stream().anyMatch(RowComparison::fails);
    }

    /**
     * Regressed when any row failed, passed when every compared row passed or improved, inconclusive otherwise;
     * a partial run is never passed.
     */
    public Outcome outcome() {
        Outcome o = partial == null ? Outcome.PASSED : Outcome.INCONCLUSIVE;
        for (RowComparison r : rows) {
            o = o.and(r.outcome());
        }
        return o;
    }

    /** The rows neither flagged nor cleared. */
    public List<RowComparison> inconclusive() {
        return rows.stream().filter(r -> r.outcome() == Outcome.INCONCLUSIVE).toList();
    }

    public long count(Verdict v) {
        return rows.stream().filter(r -> r.verdict() == v).count();
    }

    public long accuracyFailures() {
        return rows.stream().filter(r -> !r.accuracyFailures().isEmpty()).count();
    }

    /** "2 regressions, 1 accuracy failure, 3 improvements, 40 passed, 2 inconclusive" (the non-zero counts). */
    public String counts() {
        StringBuilder b = new StringBuilder();
        add(b, count(Verdict.REGRESSION), "regression", "regressions");
        add(b, accuracyFailures(), "accuracy failure", "accuracy failures");
        add(b, count(Verdict.IMPROVEMENT), "improvement", "improvements");
        add(b, count(Verdict.PASSED), "passed", "passed");
        add(b, count(Verdict.INCONCLUSIVE), "inconclusive", "inconclusive");
        add(b, count(Verdict.NO_DATA), "without data", "without data");
        add(b, count(Verdict.NEW), "new", "new");
        add(b, count(Verdict.MISSING), "missing", "missing");
        add(b, count(Verdict.REFERENCE), "reference", "reference");
        add(b, count(Verdict.NOT_NORMALIZED), "without a reference row", "without a reference row");
        return b.toString();
    }

    private static void add(StringBuilder b, long n, String one, String many) {
        if (n > 0) {
            b.append(b.isEmpty() ? "" : ", ").append(n).append(' ').append(n == 1 ? one : many);
        }
    }
}
