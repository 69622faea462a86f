package io.counterbench.cli;

/** Process exit codes shared by every subcommand. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A check the user asked for failed: a gate regression, a violated accuracy bound. */
    public static final int CHECK_FAILED = 1;
    /** The input cannot be used: flags, files, topologies, a missing JDK. */
    public static final int BAD_INPUT = 2;
    /**
     * The gate cannot tell: an ab folder with fewer finished pairs than planned can show a regression,
     * never a pass (neutral in CI).
     */
    public static final int INCONCLUSIVE = 3;
    /** A bug in counterbench. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
