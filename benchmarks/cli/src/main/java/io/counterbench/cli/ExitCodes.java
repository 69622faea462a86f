package io.counterbench.cli;

/** Process exit codes shared by every subcommand. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A check the user asked for failed: a gate regression, a violated accuracy bound. */
    public static final int CHECK_FAILED = 1;
    /** The input cannot be used: flags, files, topologies, a missing JDK. */
    public static final int BAD_INPUT = 2;
    /**
     * The gate could neither flag nor clear every row (io.counterbench.results.gate.Outcome.INCONCLUSIVE):
     * not a pass; more pairs or a quieter machine decide it. `--inconclusive pass|fail` maps it to 0 or 1.
     */
    public static final int INCONCLUSIVE = 3;
    /** A bug in counterbench (sysexits' EX_SOFTWARE). */
    public static final int INTERNAL = 70;

    private ExitCodes() {}
}
