package io.counterbench.results.gate;

import io.counterbench.results.jmh.ForkScores;
import io.counterbench.results.jmh.JmhResult;
import java.util.List;

/**
 * One gated row: the baseline and current results (either may be null: new or missing rows), the
 * group member it compares (null for the primary score; a @Group row is gated per member), the
 * per-fork scores that entered (normalized when asked), the effect and the verdict, and the
 * accuracy failures of the current result whatever its speed did.
 */
public record RowComparison(
        JmhResult baseline,
        JmhResult current,
        String member,
        String unit,
        ForkScores baseForks,
        ForkScores currentForks,
        Effect effect,
        Verdict verdict,
        List<String> accuracyFailures) {

    public RowComparison {
        accuracyFailures = List.copyOf(accuracyFailures);
    }

    /**
     * "UpdateBenchmark.inc counter=tree placement=compact topology=host threads=2", plus " [writeA]" for a group
     * member.
     */
    public String name() {
        JmhResult r = current != null ? current : baseline;
        return r.label(false) + (member == null ? "" : " [" + member + "]");
    }

    public boolean fails() {
        return verdict == Verdict.REGRESSION || !accuracyFailures.isEmpty();
    }

    /** The row's outcome: regressed (flagged or an accuracy failure), passed, or inconclusive. */
    public Outcome outcome() {
        return fails() ? Outcome.REGRESSED : verdict.outcome();
    }
}
