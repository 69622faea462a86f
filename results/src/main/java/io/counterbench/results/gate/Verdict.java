package io.counterbench.results.gate;

/** What the gate says about one row. Only REGRESSION (and accuracy failures, listed apart) fail the gate. */
public enum Verdict {
    /** Worse beyond the threshold and significant. */
    REGRESSION("REGRESSION"),
    /** Better beyond the threshold and significant. */
    IMPROVEMENT("improvement"),
    /** Within the threshold, or not significant. */
    SAME("~"),
    /** Beyond the threshold, but too few samples for the test to ever reach alpha. */
    INCONCLUSIVE("? few samples"),
    /** A score or samples missing (NaN) on one side. */
    NO_DATA("no data"),
    /** Only the current run has this row. */
    NEW("new"),
    /** Only the baseline has this row (with --allow-missing). */
    MISSING("missing"),
    /** The --normalize-by counter's own row (always 1 after normalizing). */
    REFERENCE("reference"),
    /** --normalize-by found no reference row for it: not compared. */
    NOT_NORMALIZED("no reference");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
