package io.counterbench.results.gate;

import io.counterbench.results.run.RunInput;
import java.util.List;

/**
 * Everything the gate found: the rows in baseline order (new rows last), how many were compared
 * (the family the alpha is split over) and notes on the inputs.
 *
 * @param paired true for ab's paired forks, false for two runs taken apart
 * @param level each row's one-sided level: the family-wise alpha over {@code compared} rows
 */
public record GateResult(RunInput baseline, RunInput current, GateOptions options, boolean paired, int compared, double level,
                         List<RowComparison> rows, List<String> notes) {

    public GateResult {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    public boolean failed() {
        return rows.stream().anyMatch(RowComparison::fails);
    }

    public long count(Verdict v) {
        return rows.stream().filter(r -> r.verdict() == v).count();
    }

    public long accuracyFailures() {
        return rows.stream().filter(r -> !r.accuracyFailures().isEmpty()).count();
    }

    /** "2 regressions, 1 accuracy failure, 3 improvements, 40 unchanged, 2 could not see" (the non-zero counts). */
    public String counts() {
        StringBuilder b = new StringBuilder();
        add(b, count(Verdict.REGRESSION), "regression", "regressions");
        add(b, accuracyFailures(), "accuracy failure", "accuracy failures");
        add(b, count(Verdict.IMPROVEMENT), "improvement", "improvements");
        add(b, count(Verdict.SAME), "unchanged", "unchanged");
        add(b, count(Verdict.BLIND), "could not see a " + options.detectText() + " slowdown", "could not see a " + options.detectText() + " slowdown");
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
