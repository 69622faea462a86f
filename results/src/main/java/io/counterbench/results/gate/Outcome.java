package io.counterbench.results.gate;

import java.util.Locale;

/**
 * What a gated row, or a whole run, says, with the exit code a CI sees:
 * <ul>
 *   <li>{@link #REGRESSED} (exit 1): a row is slower beyond doubt at its level and by at least the
 *       threshold, or an accuracy check failed;</li>
 *   <li>{@link #PASSED} (exit 0): every gated row's upper bound lies below --detect (no slowdown of
 *       that size is compatible with the data), or the row improved;</li>
 *   <li>{@link #INCONCLUSIVE} (exit 3): anything else: some row could neither be flagged nor cleared
 *       with the pairs it got. More pairs (or a quieter machine) decide it.</li>
 * </ul>
 */
public enum Outcome {
    REGRESSED(1),
    PASSED(0),
    INCONCLUSIVE(3);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The worse of two outcomes: regressed over inconclusive over passed. */
    public Outcome and(Outcome o) {
        if (this == REGRESSED || o == REGRESSED) {
            return REGRESSED;
        }
        return this == INCONCLUSIVE || o == INCONCLUSIVE ? INCONCLUSIVE : PASSED;
    }
}
