package io.counterbench.results.gate;

import io.counterbench.results.jmh.JmhResult;
import java.util.List;

/**
 * One row of the gate: the baseline and current results (either may be null: new or missing
 * rows), the compared scores (normalized when asked), the change, the test's p-value and the
 * verdict, and the accuracy failures the row has whatever its throughput did.
 *
 * @param change (current - baseline) / baseline of the scores; NaN when not compared
 * @param p the Mann-Whitney U p-value; NaN when not computed
 * @param minimumP the smallest p-value these sample sizes allow
 */
public record RowComparison(JmhResult baseline, JmhResult current, String unit, double baseScore, double baseStddev, int baseN,
                            double currentScore, double currentStddev, int currentN, double change, double p, double minimumP,
                            Verdict verdict, List<String> accuracyFailures) {

    public RowComparison {
        accuracyFailures = List.copyOf(accuracyFailures);
    }

    /** The row's name: "UpdateBenchmark.inc counter=tree placement=compact topology=host threads=2". */
    public String name() {
        JmhResult r = current != null ? current : baseline;
        return r.label(false);
    }

    public boolean fails() {
        return verdict == Verdict.REGRESSION || !accuracyFailures.isEmpty();
    }
}
