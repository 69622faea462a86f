package io.counterbench.results.gate;

/**
 * What the gate says about one row. REGRESSION (and accuracy failures, listed apart) fail the gate;
 * a compared row is otherwise IMPROVEMENT or PASSED (both clear it) or INCONCLUSIVE.
 */
public enum Verdict {
    /** The lower bound at the row's (Holm) level lies above 0 and the estimate is at least the threshold. */
    REGRESSION("REGRESSION", Outcome.REGRESSED),
    /** The upper bound lies below 0 and the estimate at most minus the threshold. */
    IMPROVEMENT("improvement", Outcome.PASSED),
    /** Not flagged, and the upper bound lies below --detect: no slowdown of that size is compatible with the data. */
    PASSED("passed", Outcome.PASSED),
    /** Neither flagged nor cleared: the upper bound reaches --detect (or there is none). More pairs would decide it. */
    INCONCLUSIVE("inconclusive", Outcome.INCONCLUSIVE),
    /** A score missing (NaN) on one side. */
    NO_DATA("no data", Outcome.INCONCLUSIVE),
    /** Only the current run has this row. */
    NEW("new", Outcome.PASSED),
    /** Only the baseline has this row (with --allow-missing). */
    MISSING("missing", Outcome.PASSED),
    /** The --normalize-by counter's own row (always 1 after normalizing). */
    REFERENCE("reference", Outcome.PASSED),
    /** --normalize-by found no reference row for it: not compared. */
    NOT_NORMALIZED("no reference", Outcome.PASSED);

    private final String label;
    private final Outcome outcome;

    Verdict(String label, Outcome outcome) {
        this.label = label;
        this.outcome = outcome;
    }

    public String label() {
        return label;
    }

    /** What this verdict contributes to the run's outcome (rows the gate does not compare never make it inconclusive).
     * */
    public Outcome outcome() {
        return outcome;
    }

    /** True for verdicts that came out of the statistics (the rows the family-wise alpha is split over). */
    public boolean compared() {
        return this == REGRESSION || this == IMPROVEMENT || this == PASSED || this == INCONCLUSIVE;
    }
}
