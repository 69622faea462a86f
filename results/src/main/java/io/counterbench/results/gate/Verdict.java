package io.counterbench.results.gate;

/** What the gate says about one row. Only REGRESSION (and accuracy failures, listed apart) fail the gate. */
public enum Verdict {
    /** The whole interval lies above the threshold: slower, beyond doubt at the family's level. */
    REGRESSION("REGRESSION"),
    /** The whole interval lies below minus the threshold. */
    IMPROVEMENT("improvement"),
    /** Not flagged, and a slowdown of the --detect size would have been seen. */
    SAME("~"),
    /** Not flagged, but its minimum detectable effect is above --detect: it could not have seen such a slowdown. */
    BLIND("could not see"),
    /** A score missing (NaN) on one side. */
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

    /** True for verdicts that came out of the statistics (the rows the family-wise alpha is split over). */
    public boolean compared() {
        return this == REGRESSION || this == IMPROVEMENT || this == SAME || this == BLIND;
    }
}
